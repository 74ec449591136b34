/**
 * The store port on SQLite through Prisma and @prisma/adapter-better-sqlite3
 * (and, for a `postgres://` URL, the PostgreSQL store of postgres-store.ts).
 *
 * Claims (`claimDueJobs`, `claimOutbox`) are single SQL statements: SQLite
 * runs each one under the database's write lock, so two processes on the same
 * file never get the same job or outbox key. Writes that belong together run
 * in one transaction. The hot path and bulk writes use prepared statements on
 * Prisma's own connection (sqlite-direct.ts).
 */
import { randomUUID } from 'node:crypto';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type BetterSqlite3 from 'better-sqlite3';
import { Prisma, PrismaClient, type Round as RoundRow } from '../../generated/prisma/client.ts';
import type { Committee, Invitation, Round } from '../../core/model.ts';
import type {
  AnswerWrite,
  AuditEvent,
  InvitationPatch,
  JobOutcome,
  NewJob,
  OutboxClaim,
  OutboxEntry,
  Store,
} from '../../core/ports/store.ts';
import { ensureDatabaseFolder, isPostgresUrl, migrationScripts, sqliteFilePath } from './migration-files.ts';
import { migrateDatabase } from './migrate.ts';
import { PrismaStoreBase } from './prisma-store-base.ts';
import { pacer } from '../../core/cooperate.ts';
import {
  answerFromSqlite,
  INVITATION_INSERT,
  invitationFromSqlite,
  invitationValues,
  outboxFromSqlite,
  roundRowFromSqlite,
} from './sqlite-rows.ts';
import { bindable, ConnectionGate, GroupCommit, gatedConnection, SqliteDirect } from './sqlite-direct.ts';
import { openRoundDirect } from './sqlite-open.ts';
import { committeeSettings, invitationPatchToData } from './row-mapping.ts';
import { pacedStore } from './paced-store.ts';
import { type Logger, silentLogger } from '../../core/ports/logger.ts';
import { auditWrites, inboundEventWrites, listAnswersDirect } from './sqlite-inbound.ts';
import { BACKSTOP_PAGES, WalCheckpointer } from './wal-checkpointer.ts';

/** How long a connection waits for another process's write lock before failing. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens the store on `databaseUrl` (`file:./data/jamun.db`, or
 * `file::memory:` for tests), creating the file and applying migrations;
 * a `postgres://` URL opens the PostgreSQL store. `logger` hears of
 * background work that failed (a checkpoint of the SQLite log).
 */
export async function createPrismaStore(databaseUrl: string, logger: Logger = silentLogger): Promise<Store> {
  if (isPostgresUrl(databaseUrl)) {
    // Loaded on demand: a SQLite deployment never loads pg.
    const { createPostgresStore } = await import('./postgres-store.ts');
    return createPostgresStore(databaseUrl);
  }
  const inMemory = sqliteFilePath(databaseUrl) === null;
  if (!inMemory) {
    ensureDatabaseFolder(databaseUrl);
    await migrateDatabase(databaseUrl);
  }
  const factory = new PrismaBetterSqlite3(
    { url: databaseUrl, timeout: BUSY_TIMEOUT_MS },
    { timestampFormat: 'unixepoch-ms' },
  );
  // One connection shared by Prisma and the prepared hot path (see sqlite-direct.ts),
  // one transaction on it at a time (ConnectionGate).
  const raw = await factory.connect();
  const db = (raw as SqlDriverAdapter & { client: BetterSqlite3.Database }).client;
  const gate = new ConnectionGate();
  const connection = gatedConnection(raw, gate);
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
    // Checkpoints run on a worker thread (wal-checkpointer.ts); this connection's own is a backstop.
    await prisma.$queryRawUnsafe(`PRAGMA wal_autocheckpoint = ${BACKSTOP_PAGES}`);
    await prisma.$queryRawUnsafe('PRAGMA foreign_keys = ON');
    await prisma.$queryRawUnsafe(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
  const checkpointer = inMemory
    ? null
    : new WalCheckpointer(db.name, {
        onError: (error) =>
          logger.warn(
            { err: error.message },
            `SQLite log not copied on the worker thread; retrying in a second (the bot's connection copies it past ${BACKSTOP_PAGES} pages)`,
          ),
      });
  checkpointer?.start();
  // Every call waits for a transaction holding the connection to end first: direct statements cannot wait.
  return pacedStore(new SqliteStore(prisma, new SqliteDirect(db, gate), checkpointer), pacer(), gate);
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

/** One member's answer save. */
interface AnswerSave {
  roundId: string;
  memberId: string;
  answers: AnswerWrite[];
  at: Date;
}

class SqliteStore extends PrismaStoreBase {
  protected readonly claimLock = Prisma.empty;

  constructor(
    prisma: PrismaClient,
    private readonly sql: SqliteDirect,
    private readonly checkpointer: WalCheckpointer | null,
  ) {
    super(prisma);
    this.#answerWrites = new GroupCommit(sql, (save) => this.#writeAnswers(save));
    this.#seenEvents = inboundEventWrites(sql);
    this.#auditRows = auditWrites(sql);
  }

  readonly #answerWrites: GroupCommit<AnswerSave, unknown[]>;
  readonly #seenEvents: ReturnType<typeof inboundEventWrites>;
  readonly #auditRows: ReturnType<typeof auditWrites>;

  override async close(): Promise<void> {
    await this.checkpointer?.close();
    await super.close();
  }

  override async listAnswers(roundId: string, memberId?: string) {
    return listAnswersDirect(this.sql, roundId, memberId);
  }

  override async rememberInboundEvent(id: string, at: Date, expiresAt: Date): Promise<boolean> {
    return this.#seenEvents.submit({ id, at, expiresAt });
  }

  override async audit(event: AuditEvent): Promise<void> {
    await this.#auditRows.submit(event);
  }

  protected override async roundRow(roundId: string): Promise<RoundRow | null> {
    // A prepared read: every answer save does it.
    const row = this.sql.statement(`SELECT * FROM "Round" WHERE "id" = ?`).get(roundId);
    return row ? roundRowFromSqlite(row) : null;
  }

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

  override async createInvitations(invitations: Invitation[]): Promise<void> {
    const insert = this.#invitationInsert();
    await this.sql.writeInSlices(invitations, (invitation) => insert.run(...invitationValues(invitation)));
  }

  /** The open on the prepared path (see sqlite-open.ts). */
  override async openRound(round: Round, invitations: Invitation[], jobs: NewJob[]): Promise<boolean> {
    return openRoundDirect(this.sql, round, invitations, jobs);
  }

  #invitationInsert() {
    return this.sql.statement(`${INVITATION_INSERT} ON CONFLICT ("roundId", "memberId") DO NOTHING`);
  }

  override async getInvitation(roundId: string, memberId: string) {
    // A prepared read on the hot path of every answer save (see getRound).
    const row = this.sql
      .statement(`SELECT * FROM "Invitation" WHERE "roundId" = ? AND "memberId" = ?`)
      .get(roundId, memberId);
    return row ? invitationFromSqlite(row) : null;
  }

  async saveAnswers(roundId: string, memberId: string, answers: AnswerWrite[], at: Date) {
    if (answers.length === 0) return [];
    const rows = await this.#answerWrites.submit({ roundId, memberId, answers, at });
    return rows.map(answerFromSqlite);
  }

  /**
   * Answer saves, committed in groups (see GroupCommit): 50 members saving at
   * once cost one commit per turn, not 50. Each save is prepared statements:
   * a trigger of the answer_revision migration writes the revision row of
   * every insert and update. A new answer of a member who has already
   * submitted is born submitted.
   */
  #writeAnswers(save: AnswerSave): unknown[] {
    const latest = new Map(save.answers.map((a) => [a.questionId, a.value]));
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
    const status = submitted.get(save.roundId, save.memberId) ? 'submitted' : 'draft';
    return [...latest].map(([questionId, value]) =>
      upsert.get(save.roundId, save.memberId, questionId, JSON.stringify(value), status, save.at.getTime()),
    );
  }

  override async markSubmitted(roundId: string, memberId: string, at: Date, late: boolean): Promise<void> {
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

  /*
   * The job runner's writes, once or twice per send: prepared statements
   * (Prisma re-prepares each query; through Prisma these were most of an
   * invitation's CPU time in a fan-out).
   */

  override async claimOutbox(key: string, platform: string, at: Date, claim?: OutboxClaim) {
    const inserted = this.sql
      .statement(
        `INSERT INTO "Outbox" ("key", "state", "platform", "claimant", "leaseUntil", "createdAt", "updatedAt")
         VALUES (?, 'sending', ?, ?, ?, ?, ?)
         ON CONFLICT ("key") DO UPDATE SET "state" = 'sending', "platform" = excluded."platform",
           "claimant" = excluded."claimant", "leaseUntil" = excluded."leaseUntil", "error" = NULL, "updatedAt" = excluded."updatedAt"
         WHERE "Outbox"."state" = 'failed'`,
      )
      .run(key, platform, claim?.claimant ?? null, bindable(claim?.leaseUntil), at.getTime(), at.getTime());
    if (inserted.changes === 1) return null;
    const row = this.sql.statement(`SELECT * FROM "Outbox" WHERE "key" = ?`).get(key);
    if (!row) throw new Error(`Outbox entry ${key} vanished`);
    return outboxFromSqlite(row);
  }

  override async settleOutbox(
    key: string,
    result: Pick<OutboxEntry, 'state' | 'channelId' | 'messageId' | 'error'>,
    at: Date,
  ): Promise<void> {
    const { changes } = this.sql
      .statement(
        `UPDATE "Outbox" SET "state" = ?, "channelId" = ?, "messageId" = ?, "error" = ?, "claimant" = NULL,
           "leaseUntil" = NULL, "updatedAt" = ? WHERE "key" = ?`,
      )
      .run(result.state, result.channelId ?? null, result.messageId ?? null, result.error ?? null, at.getTime(), key);
    if (changes !== 1) throw new Error(`No outbox entry ${key}`);
  }

  override async finishJob(jobId: string, outcome: JobOutcome, at: Date): Promise<void> {
    // `attempts` counts finished runs (see the base class); a note-less outcome keeps the last error.
    const { changes } =
      outcome.state === 'retry'
        ? this.sql
            .statement(
              `UPDATE "Job" SET "state" = 'pending', "dueAt" = ?, "lastError" = ?, "attempts" = "attempts" + 1,
                 "lockedUntil" = NULL, "claimant" = NULL, "updatedAt" = ? WHERE "id" = ?`,
            )
            .run(outcome.dueAt.getTime(), outcome.note, at.getTime(), jobId)
        : this.sql
            .statement(
              `UPDATE "Job" SET "state" = ?, "lastError" = COALESCE(?, "lastError"), "attempts" = "attempts" + 1,
                 "lockedUntil" = NULL, "claimant" = NULL, "updatedAt" = ? WHERE "id" = ?`,
            )
            .run(outcome.state, outcome.note ?? null, at.getTime(), jobId);
    if (changes !== 1) throw new Error(`No job ${jobId}`);
  }

  override async updateInvitation(roundId: string, memberId: string, patch: InvitationPatch): Promise<void> {
    const data = Object.entries(invitationPatchToData(patch));
    if (data.length === 0) return;
    // One statement per set of columns patched (a handful in all); the names come from the port's type.
    const { changes } = this.sql
      .statement(
        `UPDATE "Invitation" SET ${data.map(([column]) => `"${column}" = ?`).join(', ')} WHERE "roundId" = ? AND "memberId" = ?`,
      )
      .run(...data.map(([, value]) => bindable(value as Date | boolean | string | number | null)), roundId, memberId);
    if (changes !== 1) throw new Error(`No invitation of ${memberId} to ${roundId}`);
  }

  override async enqueueJobs(jobs: NewJob[]): Promise<number> {
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
}
