/**
 * The open of a round on SQLite, on the prepared path: BEGIN IMMEDIATE …
 * COMMIT on the connection Prisma shares, holding its gate so that nothing
 * else joins the transaction, with the rows written in slices and the event
 * loop turning between them. Prisma's interactive transaction compiled its
 * queries on the first open of a process: one turn of about 120 ms of CPU.
 */
import { forEachChunk, WRITE_CHUNK } from '../../core/cooperate.ts';
import type { Invitation, Round } from '../../core/model.ts';
import type { NewJob } from '../../core/ports/store.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import { jobToCreate } from './prisma-store-base.ts';
import { agendaRows, roundRowOf } from './row-mapping.ts';
import { bindable, type SqliteDirect } from './sqlite-direct.ts';
import { INVITATION_INSERT, invitationValues } from './sqlite-rows.ts';

type Column = Date | boolean | string | number | null | undefined;

/**
 * Inserts the round with its agenda, invitations and jobs in one
 * transaction, or nothing. False when the round id exists (here, or written
 * by another process meanwhile).
 */
export async function openRoundDirect(
  sql: SqliteDirect,
  round: Round,
  invitations: Invitation[],
  jobs: NewJob[],
): Promise<boolean> {
  const release = await sql.gate.hold();
  try {
    if (sql.statement(`SELECT 1 AS "found" FROM "Round" WHERE "id" = ?`).get(round.id)) return false;
    const now = new Date();
    sql.db.exec('BEGIN IMMEDIATE');
    try {
      insertRow(sql, 'Round', roundRowOf(round, now));
      const agenda = agendaRows(round.id, round.agenda);
      for (const item of agenda.items) insertRow(sql, 'AgendaItem', item);
      for (const question of agenda.questions) insertRow(sql, 'Question', question);
      await insertOpeningRows(sql, invitations, jobs, now);
      sql.db.exec('COMMIT');
      return true;
    } catch (error) {
      if (sql.db.inTransaction) sql.db.exec('ROLLBACK');
      // Another process opened it between the check and the insert.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return false;
      throw error;
    }
  } finally {
    release();
  }
}

/** A flat row into `table`, its keys the column names. */
function insertRow(sql: SqliteDirect, table: string, row: Record<string, Column>): void {
  const columns = Object.keys(row);
  const statement = sql.statement(
    `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  asPrismaError(() => statement.run(...columns.map((c) => bindable(row[c]))));
}

/**
 * The invitations and jobs of an opening round, inside its transaction, as
 * prepared inserts in slices: Prisma's createMany compiled every slice of 250
 * rows synchronously, holding the event loop for 0.1–3 s on a loaded machine.
 */
async function insertOpeningRows(
  sql: SqliteDirect,
  invitations: Invitation[],
  jobs: NewJob[],
  now: Date,
): Promise<void> {
  // A plain insert: a second invitation of one member fails the open, as Prisma's createMany did.
  const insertInvitation = sql.statement(INVITATION_INSERT);
  const insertJob = sql.statement(
    `INSERT INTO "Job" ("id", "key", "kind", "roundId", "memberId", "dueAt", "state", "attempts", "payload",
       "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  await forEachChunk(invitations, WRITE_CHUNK, (slice) => {
    for (const invitation of slice) asPrismaError(() => insertInvitation.run(...invitationValues(invitation)));
  });
  await forEachChunk(jobs, WRITE_CHUNK, (slice) => {
    for (const job of slice) {
      const row = jobToCreate(job, now);
      asPrismaError(() =>
        insertJob.run(
          row.id ?? null,
          row.key,
          row.kind,
          row.roundId,
          row.memberId ?? null,
          bindable(row.dueAt as Date),
          row.state,
          row.attempts,
          row.payload,
          bindable(row.createdAt as Date),
          bindable(row.updatedAt as Date),
        ),
      );
    }
  });
}

/** A unique-key violation of a direct statement as Prisma reports it (P2002), so callers treat both alike. */
function asPrismaError<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new Prisma.PrismaClientKnownRequestError(String((error as Error).message), {
        code: 'P2002',
        clientVersion: Prisma.prismaVersion.client,
      });
    }
    throw error;
  }
}
