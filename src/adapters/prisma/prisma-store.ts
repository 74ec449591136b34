/**
 * The store port on SQLite through Prisma and @prisma/adapter-better-sqlite3.
 *
 * Claims (`claimDueJobs`, `claimOutbox`) are single SQL statements: SQLite
 * runs each one under the database's write lock, so two processes on the same
 * file never get the same job or outbox key. Writes that belong together run
 * in one batch transaction.
 */
import { randomUUID } from 'node:crypto';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type BetterSqlite3 from 'better-sqlite3';
import { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { Committee, Invitation, JobKind, Round } from '../../core/model.ts';
import type {
  AnswerWrite,
  AuditEvent,
  Heartbeat,
  InvitationPatch,
  JobOutcome,
  NewJob,
  OutboxClaim,
  OutboxEntry,
  ReleasedClaims,
  RoundPatch,
  Store,
  SummaryRecord,
} from '../../core/ports/store.ts';
import { forEachChunk, WRITE_CHUNK } from '../../core/cooperate.ts';
import { ensureDatabaseFolder, migrationScripts, sqliteFilePath } from './migration-files.ts';
import { migrateDatabase } from './migrate.ts';
import { answerFromSqlite, invitationFromSqlite, invitationValues, roundRowFromSqlite } from './sqlite-rows.ts';
import { bindable, SqliteDirect } from './sqlite-direct.ts';
import {
  answerFromRow,
  auditFromRow,
  committeeSettings,
  invitationFromRow,
  invitationPatchToData,
  jobFromRow,
  outboxFromRow,
  revisionFromRow,
  ROUND_INCLUDE,
  roundFromRow,
  invitationToCreate,
  roundToCreate,
  summaryFromRow,
} from './row-mapping.ts';

/** Ten minutes: the lease of an outbox entry claimed without one. */
const DEFAULT_OUTBOX_LEASE_MS = 10 * 60_000;

/** How long a connection waits for another process's write lock before failing. */
const BUSY_TIMEOUT_MS = 5_000;
/** An open of a 10,000-member committee writes 20,000 rows in one transaction. */
const OPEN_TIMEOUT_MS = 120_000;

/** A new job as create data: pending, never tried. */
function jobToCreate(job: NewJob, now: Date): Prisma.JobUncheckedCreateInput {
  return {
    id: randomUUID(),
    key: job.key,
    kind: job.kind,
    roundId: job.roundId,
    memberId: job.memberId ?? null,
    dueAt: job.dueAt,
    state: 'pending',
    attempts: 0,
    payload: JSON.stringify(job.payload ?? {}),
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Opens the store on `databaseUrl` (`file:./data/jamun.db`, or
 * `file::memory:` for tests), creating the file and applying migrations.
 */
export async function createPrismaStore(databaseUrl: string): Promise<Store> {
  const inMemory = sqliteFilePath(databaseUrl) === null;
  if (!inMemory) {
    ensureDatabaseFolder(databaseUrl);
    await migrateDatabase(databaseUrl);
  }
  const factory = new PrismaBetterSqlite3(
    { url: databaseUrl, timeout: BUSY_TIMEOUT_MS },
    { timestampFormat: 'unixepoch-ms' },
  );
  // One connection shared by Prisma and the prepared hot path (see sqlite-direct.ts).
  const connection = await factory.connect();
  const db = (connection as SqlDriverAdapter & { client: BetterSqlite3.Database }).client;
  const shared: SqlDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => Promise.resolve(connection),
  };
  const prisma = new PrismaClient({ adapter: shared });
  if (inMemory) {
    await prisma.$queryRawUnsafe('PRAGMA foreign_keys = ON');
    // A private in-memory database is new on every connect: no migration history to keep.
    for (const { sql } of migrationScripts()) {
      for (const statement of splitStatements(sql)) await prisma.$executeRawUnsafe(statement);
    }
  } else {
    await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await prisma.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
    await prisma.$queryRawUnsafe('PRAGMA wal_autocheckpoint = 10000');
    await prisma.$queryRawUnsafe('PRAGMA foreign_keys = ON');
    await prisma.$queryRawUnsafe(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
  return new PrismaStore(prisma, new SqliteDirect(db));
}

/** Statements of a Prisma-generated migration (no semicolons inside statements). */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((chunk) =>
      chunk
        .split('\n')
        .filter((line) => !line.trim().startsWith('--'))
        .join('\n')
        .trim(),
    )
    .filter((statement) => statement !== '');
}

class PrismaStore implements Store {
  readonly #agendas = new Map<string, Round['agenda']>();
  constructor(
    private readonly prisma: PrismaClient,
    private readonly sql: SqliteDirect,
  ) {}

  async syncCommittee(committee: Committee): Promise<void> {
    // Bounded statements in slices: a committee of any size never puts an
    // id list into one statement, and the event loop runs between slices.
    this.sql
      .statement(
        `INSERT INTO "Committee" ("id", "name", "timeZone", "locale", "settings", "syncedAt") VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT ("id") DO UPDATE SET "name" = excluded."name", "timeZone" = excluded."timeZone",
           "locale" = excluded."locale", "settings" = excluded."settings", "syncedAt" = excluded."syncedAt"`,
      )
      .run(
        committee.id,
        committee.name,
        committee.timeZone,
        committee.locale,
        committeeSettings(committee),
        Date.now(),
      );
    const upsert = this.sql.statement(
      `INSERT INTO "Member" ("committeeId", "id", "name", "role", "platforms", "timeZone", "locale", "active", "position")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT ("committeeId", "id") DO UPDATE SET "name" = excluded."name", "role" = excluded."role",
         "platforms" = excluded."platforms", "timeZone" = excluded."timeZone", "locale" = excluded."locale",
         "active" = excluded."active", "position" = excluded."position"`,
    );
    await this.sql.writeInSlices([...committee.members.entries()], ([position, member]) =>
      upsert.run(
        committee.id,
        member.id,
        member.name,
        member.role ?? null,
        JSON.stringify(member.platforms),
        member.timeZone ?? null,
        member.locale ?? null,
        bindable(member.active),
        position,
      ),
    );
    // Members no longer listed become inactive: compare in memory, update one row per statement.
    const listed = new Set(committee.members.map((member) => member.id));
    const stored = this.sql
      .statement(`SELECT "id" FROM "Member" WHERE "committeeId" = ? AND "active" = 1`)
      .all(committee.id) as { id: string }[];
    const dropped = stored.filter((row) => !listed.has(row.id));
    const deactivate = this.sql.statement(`UPDATE "Member" SET "active" = 0 WHERE "committeeId" = ? AND "id" = ?`);
    await this.sql.writeInSlices(dropped, (row) => deactivate.run(committee.id, row.id));
  }

  async createRound(round: Round): Promise<boolean> {
    if (await this.prisma.round.findUnique({ where: { id: round.id }, select: { id: true } })) return false;
    try {
      await this.prisma.round.create({ data: roundToCreate(round, new Date()) });
      return true;
    } catch (error) {
      // Another process created it between the check and the insert.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return false;
      throw error;
    }
  }

  async getRound(roundId: string) {
    // The agenda is a snapshot taken when the round was created and never
    // changes, so it is read once per process; the round row is read each time.
    const agenda = this.#agendas.get(roundId);
    if (agenda) {
      // A prepared read: every answer save does it.
      const row = this.sql.statement(`SELECT * FROM "Round" WHERE "id" = ?`).get(roundId);
      return row ? { ...roundFromRow({ ...roundRowFromSqlite(row), agendaItems: [] }), agenda } : null;
    }
    const row = await this.prisma.round.findUnique({ where: { id: roundId }, include: ROUND_INCLUDE });
    if (!row) return null;
    const round = roundFromRow(row);
    this.#agendas.set(roundId, round.agenda);
    return round;
  }

  async listRounds() {
    const rows = await this.prisma.round.findMany({
      include: ROUND_INCLUDE,
      orderBy: [{ opensAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(roundFromRow);
  }

  async updateRound(roundId: string, patch: RoundPatch): Promise<void> {
    const data: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(patch))
      if (key !== 'status' || value !== undefined) data[key] = value ?? null;
    await this.prisma.round.update({ where: { id: roundId }, data });
  }

  async openRound(round: Round, invitations: Invitation[], jobs: NewJob[]): Promise<boolean> {
    if (await this.prisma.round.findUnique({ where: { id: round.id }, select: { id: true } })) return false;
    const now = new Date();
    try {
      // One transaction: a crash (or a failure) leaves the round with every invitation and job, or no round.
      // Rows go in slices with the event loop turning between them, so a large committee's open blocks nothing.
      await this.prisma.$transaction(
        async (tx) => {
          await tx.round.create({ data: roundToCreate(round, now) });
          await forEachChunk(invitations, WRITE_CHUNK, async (slice) => {
            await tx.invitation.createMany({ data: slice.map(invitationToCreate) });
          });
          await forEachChunk(jobs, WRITE_CHUNK, async (slice) => {
            await tx.job.createMany({ data: slice.map((job) => jobToCreate(job, now)) });
          });
        },
        { timeout: OPEN_TIMEOUT_MS, maxWait: OPEN_TIMEOUT_MS },
      );
      return true;
    } catch (error) {
      // Another process opened it between the check and the insert.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return false;
      throw error;
    }
  }

  async createInvitations(invitations: Invitation[]): Promise<void> {
    const insert = this.sql.statement(
      `INSERT INTO "Invitation" ("roundId", "memberId", "platform", "deliveryState", "failureReason", "channelRef",
         "messageRef", "deliveredAt", "submittedAt", "declinedAt", "declineReason", "late", "removedAt", "lastAskedQuestionId")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT ("roundId", "memberId") DO NOTHING`,
    );
    await this.sql.writeInSlices(invitations, (invitation) => insert.run(...invitationValues(invitation)));
  }

  async getInvitation(roundId: string, memberId: string) {
    // A prepared read on the hot path of every answer save (see getRound).
    const row = this.sql
      .statement(`SELECT * FROM "Invitation" WHERE "roundId" = ? AND "memberId" = ?`)
      .get(roundId, memberId);
    return row ? invitationFromSqlite(row) : null;
  }

  async listInvitations(roundId: string) {
    return (await this.prisma.invitation.findMany({ where: { roundId }, orderBy: { memberId: 'asc' } })).map(
      invitationFromRow,
    );
  }

  async listInvitationsOfMember(memberId: string) {
    return (await this.prisma.invitation.findMany({ where: { memberId }, orderBy: { roundId: 'asc' } })).map(
      invitationFromRow,
    );
  }

  async updateInvitation(roundId: string, memberId: string, patch: InvitationPatch): Promise<void> {
    await this.prisma.invitation.update({
      where: { roundId_memberId: { roundId, memberId } },
      data: invitationPatchToData(patch),
    });
  }

  async listAnswers(roundId: string, memberId?: string) {
    const rows = await this.prisma.answer.findMany({
      where: memberId === undefined ? { roundId } : { roundId, memberId },
      orderBy: [{ memberId: 'asc' }, { questionId: 'asc' }],
    });
    return rows.map(answerFromRow);
  }

  async saveAnswers(roundId: string, memberId: string, answers: AnswerWrite[], at: Date) {
    if (answers.length === 0) return [];
    // One synchronous transaction of prepared statements: a trigger of the
    // answer_revision migration writes the revision row of every insert and
    // update. A new answer of a member who has already submitted is born submitted.
    const latest = new Map(answers.map((a) => [a.questionId, a.value]));
    const submitted = this.sql.statement(
      `SELECT 1 FROM "Invitation" WHERE "roundId" = ? AND "memberId" = ? AND "submittedAt" IS NOT NULL`,
    );
    const upsert = this.sql.statement(
      `INSERT INTO "Answer" ("roundId", "memberId", "questionId", "value", "status", "revision", "updatedAt")
       VALUES (?, ?, ?, ?, ?, 1, ?)
       ON CONFLICT ("roundId", "memberId", "questionId") DO UPDATE SET
         "value" = excluded."value", "revision" = "Answer"."revision" + 1, "updatedAt" = excluded."updatedAt"
       RETURNING "roundId", "memberId", "questionId", "value", "status", "revision", "updatedAt"`,
    );
    const rows = this.sql.transaction(() => {
      const status = submitted.get(roundId, memberId) ? 'submitted' : 'draft';
      return [...latest].map(([questionId, value]) =>
        upsert.get(roundId, memberId, questionId, JSON.stringify(value), status, at.getTime()),
      );
    });
    return rows.map(answerFromSqlite);
  }

  async markSubmitted(roundId: string, memberId: string, at: Date, late: boolean): Promise<void> {
    const answers = this.sql.statement(
      `UPDATE "Answer" SET "status" = 'submitted' WHERE "roundId" = ? AND "memberId" = ?`,
    );
    const invitation = this.sql.statement(
      `UPDATE "Invitation" SET "submittedAt" = ?, "late" = ? WHERE "roundId" = ? AND "memberId" = ?`,
    );
    this.sql.transaction(() => {
      answers.run(roundId, memberId);
      if (invitation.run(at.getTime(), bindable(late), roundId, memberId).changes !== 1)
        throw new Error(`No invitation of ${memberId} to ${roundId}`);
    });
  }

  async listRevisions(roundId: string, memberId: string, questionId?: string) {
    const rows = await this.prisma.answerRevision.findMany({
      where: questionId === undefined ? { roundId, memberId } : { roundId, memberId, questionId },
      orderBy: { id: 'asc' },
    });
    return rows.map(revisionFromRow);
  }

  async enqueueJobs(jobs: NewJob[]): Promise<number> {
    if (jobs.length === 0) return 0;
    const now = Date.now();
    const insert = this.sql.statement(
      `INSERT INTO "Job" ("id", "key", "kind", "roundId", "memberId", "dueAt", "state", "attempts", "payload", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)
       ON CONFLICT ("key") DO NOTHING`,
    );
    let created = 0;
    await this.sql.writeInSlices(jobs, (job) => {
      created += insert.run(
        randomUUID(),
        job.key,
        job.kind,
        job.roundId,
        job.memberId ?? null,
        job.dueAt.getTime(),
        JSON.stringify(job.payload ?? {}),
        now,
        now,
      ).changes;
    });
    return created;
  }

  async claimDueJobs(now: Date, limit: number, leaseMs: number, claimant?: string) {
    if (limit <= 0) return [];
    const lockedUntil = new Date(now.getTime() + leaseMs);
    // One statement: SQLite takes the write lock before reading, so no two callers claim a job twice.
    const claimed = await this.prisma.$queryRaw<{ id: string }[]>`
      UPDATE "Job" SET "state" = 'running', "lockedUntil" = ${lockedUntil}, "claimant" = ${claimant ?? null}, "updatedAt" = ${now}
      WHERE "id" IN (
        SELECT "id" FROM "Job"
        WHERE ("state" = 'pending' AND "dueAt" <= ${now}) OR ("state" = 'running' AND "lockedUntil" <= ${now})
        ORDER BY "dueAt", "key" LIMIT ${limit})
      RETURNING "id"`;
    if (claimed.length === 0) return [];
    const rows = await this.prisma.job.findMany({
      where: { id: { in: claimed.map((row) => row.id) } },
      orderBy: [{ dueAt: 'asc' }, { key: 'asc' }],
    });
    return rows.map(jobFromRow);
  }

  async finishJob(jobId: string, outcome: JobOutcome, at: Date): Promise<void> {
    const data =
      outcome.state === 'retry'
        ? { state: 'pending', dueAt: outcome.dueAt, lastError: outcome.note }
        : { state: outcome.state, ...(outcome.note === undefined ? {} : { lastError: outcome.note }) };
    // `attempts` counts finished runs, so a run cut short by a crash keeps its attempt number
    // (and its outbox keys) when the expired lease hands it out again.
    await this.prisma.job.update({
      where: { id: jobId },
      data: { ...data, attempts: { increment: 1 }, lockedUntil: null, claimant: null, updatedAt: at },
    });
  }

  async cancelJobs(roundId: string, kind?: JobKind): Promise<number> {
    const where = kind === undefined ? { roundId, state: 'pending' } : { roundId, kind, state: 'pending' };
    const result = await this.prisma.job.updateMany({ where, data: { state: 'cancelled', updatedAt: new Date() } });
    return result.count;
  }

  async listJobs(roundId?: string) {
    const rows = await this.prisma.job.findMany({
      where: roundId === undefined ? {} : { roundId },
      orderBy: [{ dueAt: 'asc' }, { key: 'asc' }],
    });
    return rows.map(jobFromRow);
  }

  async claimOutbox(key: string, platform: string, at: Date, claim?: OutboxClaim) {
    // One statement: a new key is inserted, a `failed` one (nothing went out) is taken again.
    const inserted = await this.prisma.$executeRaw`
      INSERT INTO "Outbox" ("key", "state", "platform", "claimant", "leaseUntil", "createdAt", "updatedAt")
      VALUES (${key}, 'sending', ${platform}, ${claim?.claimant ?? null}, ${claim?.leaseUntil ?? null}, ${at}, ${at})
      ON CONFLICT ("key") DO UPDATE SET "state" = 'sending', "platform" = excluded."platform",
        "claimant" = excluded."claimant", "leaseUntil" = excluded."leaseUntil", "error" = NULL, "updatedAt" = excluded."updatedAt"
      WHERE "Outbox"."state" = 'failed'`;
    if (inserted === 1) return null;
    const row = await this.prisma.outbox.findUniqueOrThrow({ where: { key } });
    return outboxFromRow(row);
  }

  async settleOutbox(
    key: string,
    result: Pick<OutboxEntry, 'state' | 'channelId' | 'messageId' | 'error'>,
    at: Date,
  ): Promise<void> {
    await this.prisma.outbox.update({
      where: { key },
      data: {
        state: result.state,
        channelId: result.channelId ?? null,
        messageId: result.messageId ?? null,
        error: result.error ?? null,
        claimant: null,
        leaseUntil: null,
        updatedAt: at,
      },
    });
  }

  async getOutbox(key: string) {
    const row = await this.prisma.outbox.findUnique({ where: { key } });
    return row ? outboxFromRow(row) : null;
  }

  async markExpiredOutboxUncertain(now: Date) {
    const stale = await this.prisma.$queryRaw<{ key: string }[]>`
      UPDATE "Outbox" SET "state" = 'uncertain'
      WHERE "state" = 'sending' AND COALESCE("leaseUntil", "updatedAt" + ${DEFAULT_OUTBOX_LEASE_MS}) <= ${now}
      RETURNING "key"`;
    return this.#outboxEntries(stale.map((row) => row.key));
  }

  async listClaimants(): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ claimant: string }[]>`
      SELECT "claimant" FROM "Outbox" WHERE "state" = 'sending' AND "claimant" IS NOT NULL
      UNION SELECT "claimant" FROM "Job" WHERE "state" = 'running' AND "claimant" IS NOT NULL
      ORDER BY 1`;
    return rows.map((row) => row.claimant);
  }

  async releaseClaimant(claimant: string, at: Date): Promise<ReleasedClaims> {
    const [uncertain, jobs] = await this.prisma.$transaction([
      this.prisma.$queryRaw<{ key: string }[]>`
        UPDATE "Outbox" SET "state" = 'uncertain', "updatedAt" = ${at}
        WHERE "state" = 'sending' AND "claimant" = ${claimant} RETURNING "key"`,
      this.prisma.$executeRaw`
        UPDATE "Job" SET "state" = 'pending', "lockedUntil" = NULL, "claimant" = NULL, "updatedAt" = ${at}
        WHERE "state" = 'running' AND "claimant" = ${claimant}`,
    ]);
    return { uncertain: await this.#outboxEntries(uncertain.map((row) => row.key)), jobs };
  }

  async #outboxEntries(keys: string[]): Promise<OutboxEntry[]> {
    if (keys.length === 0) return [];
    const rows = await this.prisma.outbox.findMany({ where: { key: { in: keys } }, orderBy: { key: 'asc' } });
    return rows.map(outboxFromRow);
  }

  async audit(event: AuditEvent): Promise<void> {
    await this.prisma.auditEvent.create({
      data: {
        at: event.at,
        actor: event.actor,
        action: event.action,
        roundId: event.roundId ?? null,
        memberId: event.memberId ?? null,
        detail: event.detail === undefined ? null : JSON.stringify(event.detail),
      },
    });
  }

  async listAudit(roundId?: string) {
    const rows = await this.prisma.auditEvent.findMany({
      where: roundId === undefined ? {} : { roundId },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
    });
    return rows.map(auditFromRow);
  }

  async recordSummary(record: SummaryRecord): Promise<void> {
    await this.prisma.summary.create({ data: { ...record, messageId: record.messageId ?? null } });
  }

  async listSummaries(roundId: string) {
    const rows = await this.prisma.summary.findMany({
      where: { roundId },
      orderBy: [{ postedAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(summaryFromRow);
  }

  async saveHeartbeat(heartbeat: Heartbeat): Promise<void> {
    const data = {
      pid: heartbeat.pid,
      host: heartbeat.host,
      platforms: JSON.stringify(heartbeat.platforms),
      startedAt: heartbeat.startedAt,
      beatAt: heartbeat.beatAt,
      stoppedAt: heartbeat.stoppedAt ?? null,
    };
    await this.prisma.heartbeat.upsert({
      where: { id: heartbeat.id },
      create: { id: heartbeat.id, ...data },
      update: data,
    });
  }

  async getHeartbeat(id: string): Promise<Heartbeat | null> {
    const row = await this.prisma.heartbeat.findUnique({ where: { id } });
    if (!row) return null;
    return {
      id: row.id,
      pid: row.pid,
      host: row.host,
      platforms: JSON.parse(row.platforms) as string[],
      startedAt: row.startedAt,
      beatAt: row.beatAt,
      ...(row.stoppedAt ? { stoppedAt: row.stoppedAt } : {}),
    };
  }

  async close(): Promise<void> {
    await this.prisma.$disconnect();
  }
}
