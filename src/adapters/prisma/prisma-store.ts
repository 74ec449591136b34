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
import {
  Prisma,
  PrismaClient,
  type Answer as AnswerRow,
  type Invitation as InvitationRow,
  type Round as RoundRow,
} from '../../generated/prisma/client.ts';
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
import { ensureDatabaseFolder, migrationScripts, sqliteFilePath } from './migration-files.ts';
import { migrateDatabase } from './migrate.ts';
import {
  answerFromRow,
  auditFromRow,
  committeeSettings,
  invitationFromRow,
  invitationPatchToData,
  invitationToCreate,
  jobFromRow,
  outboxFromRow,
  revisionFromRow,
  ROUND_INCLUDE,
  roundFromRow,
  roundToCreate,
  type RoundWithAgenda,
  summaryFromRow,
} from './row-mapping.ts';

/** Ten minutes: the lease of an outbox entry claimed without one. */
const DEFAULT_OUTBOX_LEASE_MS = 10 * 60_000;

/** How long a connection waits for another process's write lock before failing. */
const BUSY_TIMEOUT_MS = 5_000;

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
  const adapter = new PrismaBetterSqlite3(
    { url: databaseUrl, timeout: BUSY_TIMEOUT_MS },
    { timestampFormat: 'unixepoch-ms' },
  );
  const prisma = new PrismaClient({ adapter });
  if (inMemory) {
    await prisma.$queryRawUnsafe('PRAGMA foreign_keys = ON');
    // A private in-memory database is new on every connect: no migration history to keep.
    for (const { sql } of migrationScripts()) {
      for (const statement of splitStatements(sql)) await prisma.$executeRawUnsafe(statement);
    }
  } else {
    await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await prisma.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
    await prisma.$queryRawUnsafe('PRAGMA foreign_keys = ON');
    await prisma.$queryRawUnsafe(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
  return new PrismaStore(prisma);
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
  readonly #agendas = new Map<string, RoundWithAgenda['agendaItems']>();
  constructor(private readonly prisma: PrismaClient) {}

  async syncCommittee(committee: Committee): Promise<void> {
    const now = new Date();
    const fields = {
      name: committee.name,
      timeZone: committee.timeZone,
      locale: committee.locale,
      settings: committeeSettings(committee),
      syncedAt: now,
    };
    const ids = committee.members.map((member) => member.id);
    await this.prisma.$transaction([
      this.prisma.committee.upsert({
        where: { id: committee.id },
        create: { id: committee.id, ...fields },
        update: fields,
      }),
      ...committee.members.map((member, position) => {
        const data = {
          name: member.name,
          role: member.role ?? null,
          platforms: JSON.stringify(member.platforms),
          timeZone: member.timeZone ?? null,
          locale: member.locale ?? null,
          active: member.active,
          position,
        };
        return this.prisma.member.upsert({
          where: { committeeId_id: { committeeId: committee.id, id: member.id } },
          create: { committeeId: committee.id, id: member.id, ...data },
          update: data,
        });
      }),
      this.prisma.member.updateMany({
        where: { committeeId: committee.id, id: { notIn: ids } },
        data: { active: false },
      }),
    ]);
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
      // A raw read: every answer save does it, and it costs half of findUnique.
      const [row] = await this.prisma.$queryRaw<RoundRow[]>`SELECT * FROM "Round" WHERE "id" = ${roundId}`;
      return row ? roundFromRow({ ...row, agendaItems: agenda }) : null;
    }
    const row = await this.prisma.round.findUnique({ where: { id: roundId }, include: ROUND_INCLUDE });
    if (row) this.#agendas.set(roundId, row.agendaItems);
    return row ? roundFromRow(row) : null;
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
      await this.prisma.$transaction([
        this.prisma.round.create({ data: roundToCreate(round, now) }),
        ...invitations.map((invitation) => this.prisma.invitation.create({ data: invitationToCreate(invitation) })),
        ...this.#jobInserts(jobs, now),
      ]);
      return true;
    } catch (error) {
      // Another process opened it between the check and the insert.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return false;
      throw error;
    }
  }

  async createInvitations(invitations: Invitation[]): Promise<void> {
    await this.prisma.$transaction(
      invitations.map((invitation) =>
        this.prisma.invitation.upsert({
          where: { roundId_memberId: { roundId: invitation.roundId, memberId: invitation.memberId } },
          create: invitationToCreate(invitation),
          update: {},
        }),
      ),
    );
  }

  async getInvitation(roundId: string, memberId: string) {
    // A raw read on the hot path of every answer save (see getRound).
    const [row] = await this.prisma.$queryRaw<
      InvitationRow[]
    >`SELECT * FROM "Invitation" WHERE "roundId" = ${roundId} AND "memberId" = ${memberId}`;
    return row ? invitationFromRow(row) : null;
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
    // One statement, so atomic without a transaction: a trigger of the
    // answer_revision migration writes the revision row of every insert and
    // update. A new answer of a member who has already submitted is born submitted.
    const latest = new Map(answers.map((a) => [a.questionId, a.value]));
    const rows = Prisma.join(
      [...latest].map(
        ([questionId, value]) => Prisma.sql`(${roundId}, ${memberId}, ${questionId}, ${JSON.stringify(value)},
          CASE WHEN EXISTS (SELECT 1 FROM "Invitation" WHERE "roundId" = ${roundId} AND "memberId" = ${memberId} AND "submittedAt" IS NOT NULL)
            THEN 'submitted' ELSE 'draft' END, 1, ${at})`,
      ),
    );
    const saved = await this.prisma.$queryRaw<AnswerRow[]>`
      INSERT INTO "Answer" ("roundId", "memberId", "questionId", "value", "status", "revision", "updatedAt")
      VALUES ${rows}
      ON CONFLICT ("roundId", "memberId", "questionId") DO UPDATE SET
        "value" = excluded."value", "revision" = "Answer"."revision" + 1, "updatedAt" = excluded."updatedAt"
      RETURNING "roundId", "memberId", "questionId", "value", "status", "revision", "updatedAt"`;
    return saved.map(answerFromRow);
  }

  async markSubmitted(roundId: string, memberId: string, at: Date, late: boolean): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.answer.updateMany({ where: { roundId, memberId }, data: { status: 'submitted' } }),
      this.prisma.invitation.update({
        where: { roundId_memberId: { roundId, memberId } },
        data: { submittedAt: at, late },
      }),
    ]);
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
    const counts = await this.prisma.$transaction(this.#jobInserts(jobs, new Date()));
    return counts.reduce((sum, count) => sum + count, 0);
  }

  /** One insert per job; existing keys are left as they are. */
  #jobInserts(jobs: NewJob[], now: Date) {
    return jobs.map(
      (job) => this.prisma.$executeRaw`
          INSERT INTO "Job" ("id", "key", "kind", "roundId", "memberId", "dueAt", "state", "attempts", "payload", "createdAt", "updatedAt")
          VALUES (${randomUUID()}, ${job.key}, ${job.kind}, ${job.roundId}, ${job.memberId ?? null}, ${job.dueAt}, 'pending', 0,
            ${JSON.stringify(job.payload ?? {})}, ${now}, ${now})
          ON CONFLICT ("key") DO NOTHING`,
    );
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
