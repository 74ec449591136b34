/**
 * What the SQLite and the PostgreSQL stores share: everything Prisma's query
 * API (or SQL both databases speak) does alike. Each store adds the paths
 * that differ: the bulk writes and hot reads (prepared better-sqlite3
 * statements on SQLite, set-based SQL on PostgreSQL) and how a job claim
 * locks (SQLite's single writer; PostgreSQL's FOR UPDATE SKIP LOCKED).
 */
import { randomUUID } from 'node:crypto';
import { forEachChunk, WRITE_CHUNK } from '../../core/cooperate.ts';
import type { Committee, Invitation, JobKind, Round } from '../../core/model.ts';
import type {
  ActionPatch,
  AnswerWrite,
  AuditEvent,
  Heartbeat,
  InvitationPatch,
  InvitationTally,
  JobOutcome,
  NewFollowUpAction,
  NewJob,
  OperationsSnapshot,
  OutboxClaim,
  OutboxEntry,
  ReleasedClaims,
  RoundPatch,
  RoundDraftWrite,
  RosterEntryWrite,
  RoundRevision,
  Store,
  SummaryRecord,
  SynthesisWrite,
} from '../../core/ports/store.ts';
import { claimOrder } from '../../core/ports/store.ts';
import { claimableJobIds } from './job-claim.ts';
import { PrismaFollowUps } from './prisma-follow-ups.ts';
import { PrismaRoundDrafts } from './prisma-round-drafts.ts';
import { PrismaRoster } from './prisma-roster.ts';
import type { Answer } from '../../core/model.ts';
import { Prisma, type PrismaClient, type Round as RoundRow } from '../../generated/prisma/client.ts';
import {
  answerFromRow,
  auditFromRow,
  invitationFromRow,
  invitationPatchToData,
  invitationToCreate,
  jobFromRow,
  outboxFromRow,
  revisionFromRow,
  ROUND_INCLUDE,
  roundFromRow,
  agendaToCreate,
  roundToCreate,
  summaryFromRow,
} from './row-mapping.ts';

/** Ten minutes: the lease of an outbox entry claimed without one. */
const DEFAULT_OUTBOX_LEASE_MS = 10 * 60_000;
/** An open of a 10,000-member committee writes 20,000 rows in one transaction. */
const OPEN_TIMEOUT_MS = 120_000;

/** A new job as create data: pending, never tried. */
export function jobToCreate(job: NewJob, now: Date): Prisma.JobUncheckedCreateInput {
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

export abstract class PrismaStoreBase implements Store {
  // Both generated clients have the same models (prisma/postgres/schema.prisma is generated from
  // schema.prisma); the PostgreSQL one is held with the SQLite client's types, which differ only in
  // the transaction isolation levels and createMany options offered.
  readonly #agendas = new Map<string, Round['agenda']>();
  /**
   * Appended to each SELECT of the claim's rows (job-claim.ts): empty on
   * SQLite (one writer at a time), `FOR UPDATE SKIP LOCKED` on PostgreSQL, so
   * concurrent claimers take disjoint jobs without waiting for each other.
   */
  protected abstract readonly claimLock: Prisma.Sql;

  readonly #followUps: PrismaFollowUps;
  readonly #roundDrafts: PrismaRoundDrafts;
  readonly #roster: PrismaRoster;

  constructor(protected readonly prisma: PrismaClient) {
    this.#followUps = new PrismaFollowUps(prisma);
    this.#roundDrafts = new PrismaRoundDrafts(prisma);
    this.#roster = new PrismaRoster(prisma);
  }

  saveSynthesis(write: SynthesisWrite) {
    return this.#followUps.saveSynthesis(write);
  }

  listSyntheses(roundId: string) {
    return this.#followUps.listSyntheses(roundId);
  }

  listSynthesisRevisions(roundId: string, targetId: string) {
    return this.#followUps.listSynthesisRevisions(roundId, targetId);
  }

  addAction(action: NewFollowUpAction) {
    return this.#followUps.addAction(action);
  }

  updateAction(roundId: string, number: number, patch: ActionPatch, by: string, at: Date) {
    return this.#followUps.updateAction(roundId, number, patch, by, at);
  }

  listActions(roundId?: string) {
    return this.#followUps.listActions(roundId);
  }

  saveRoundDraft(write: RoundDraftWrite) {
    return this.#roundDrafts.saveRoundDraft(write);
  }

  getRoundDraft(roundId: string) {
    return this.#roundDrafts.getRoundDraft(roundId);
  }

  listRoundDrafts() {
    return this.#roundDrafts.listRoundDrafts();
  }

  deleteRoundDraft(roundId: string) {
    return this.#roundDrafts.deleteRoundDraft(roundId);
  }

  saveRosterEntry(write: RosterEntryWrite) {
    return this.#roster.saveRosterEntry(write);
  }

  listRosterEntries(committeeId?: string) {
    return this.#roster.listRosterEntries(committeeId);
  }

  abstract syncCommittee(committee: Committee): Promise<void>;
  abstract saveAnswers(roundId: string, memberId: string, answers: AnswerWrite[], at: Date): Promise<Answer[]>;
  abstract createInvitations(invitations: Invitation[]): Promise<void>;
  abstract enqueueJobs(jobs: NewJob[]): Promise<number>;

  /** The round row alone (no agenda): the read every answer save does. */
  protected async roundRow(roundId: string): Promise<RoundRow | null> {
    return this.prisma.round.findUnique({ where: { id: roundId } });
  }

  async getRound(roundId: string) {
    // The agenda is a snapshot taken when the round was created and never
    // changes, so it is read once per process; the round row is read each time.
    const agenda = this.#agendas.get(roundId);
    if (agenda) {
      const row = await this.roundRow(roundId);
      return row ? { ...roundFromRow({ ...row, agendaItems: [] }), agenda } : null;
    }
    const row = await this.prisma.round.findUnique({ where: { id: roundId }, include: ROUND_INCLUDE });
    if (!row) return null;
    const round = roundFromRow(row);
    this.#agendas.set(roundId, round.agenda);
    return round;
  }

  async getInvitation(roundId: string, memberId: string) {
    const row = await this.prisma.invitation.findUnique({ where: { roundId_memberId: { roundId, memberId } } });
    return row ? invitationFromRow(row) : null;
  }

  async markSubmitted(roundId: string, memberId: string, at: Date, late: boolean): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.answer.updateMany({ where: { roundId, memberId }, data: { status: 'submitted' } });
      const { count } = await tx.invitation.updateMany({
        where: { roundId, memberId },
        data: { submittedAt: at, late },
      });
      if (count !== 1) throw new Error(`No invitation of ${memberId} to ${roundId}`);
    });
  }

  async claimDueJobs(now: Date, limit: number, leaseMs: number, claimant?: string) {
    if (limit <= 0) return [];
    const lockedUntil = new Date(now.getTime() + leaseMs);
    // One statement: SQLite takes the write lock before reading; PostgreSQL
    // locks the chosen rows and skips rows another claimer holds. Either way
    // no two callers (processes, instances) claim a job twice.
    const claimed = await this.prisma.$queryRaw<{ id: string }[]>`
      UPDATE "Job" SET "state" = 'running', "lockedUntil" = ${lockedUntil}, "claimant" = ${claimant ?? null}, "updatedAt" = ${now}
      WHERE "id" IN (${claimableJobIds(now, limit, this.claimLock)})
      RETURNING "id"`;
    if (claimed.length === 0) return [];
    const rows = await this.prisma.job.findMany({ where: { id: { in: claimed.map((row) => row.id) } } });
    return rows.map(jobFromRow).sort(claimOrder);
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

  async listRounds() {
    const rows = await this.prisma.round.findMany({
      include: ROUND_INCLUDE,
      orderBy: [{ opensAt: 'asc' }, { id: 'asc' }],
    });
    const rounds = rows.map(roundFromRow);
    // A fresh read: another process may have revised an agenda (`jamun config reload`).
    for (const round of rounds) this.#agendas.set(round.id, round.agenda);
    return rounds;
  }

  async reviseRound(roundId: string, revision: RoundRevision): Promise<void> {
    // The agenda rows are replaced whole: answers refer to question ids, not to these rows.
    await this.prisma.round.update({
      where: { id: roundId },
      data: {
        title: revision.title,
        description: revision.description ?? null,
        agendaItems: { deleteMany: {}, create: agendaToCreate(revision.agenda) },
      },
    });
    this.#agendas.set(roundId, revision.agenda);
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
          await this.insertOpeningRows(tx, invitations, jobs, now);
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

  /**
   * The invitations and jobs of an opening round, inside its transaction `tx`,
   * in slices with the event loop turning between them. The SQLite store
   * opens a round without Prisma (sqlite-open.ts); this is PostgreSQL's way.
   */
  private async insertOpeningRows(
    tx: Prisma.TransactionClient,
    invitations: Invitation[],
    jobs: NewJob[],
    now: Date,
  ): Promise<void> {
    await forEachChunk(invitations, WRITE_CHUNK, async (slice) => {
      await tx.invitation.createMany({ data: slice.map(invitationToCreate) });
    });
    await forEachChunk(jobs, WRITE_CHUNK, async (slice) => {
      await tx.job.createMany({ data: slice.map((job) => jobToCreate(job, now)) });
    });
  }

  async listInvitations(roundId: string) {
    return (await this.prisma.invitation.findMany({ where: { roundId }, orderBy: { memberId: 'asc' } })).map(
      invitationFromRow,
    );
  }

  async tallyInvitations(roundId: string): Promise<InvitationTally> {
    const where = { roundId, removedAt: null };
    const [groups, failed] = await Promise.all([
      this.prisma.invitation.groupBy({ by: ['deliveryState'], where, _count: { _all: true } }),
      this.prisma.invitation.findMany({
        where: { ...where, deliveryState: 'failed' },
        select: { memberId: true, failureReason: true },
        orderBy: { memberId: 'asc' },
      }),
    ]);
    const count = (state: string) => groups.find((g) => g.deliveryState === state)?._count._all ?? 0;
    return {
      total: groups.reduce((sum, g) => sum + g._count._all, 0),
      delivered: count('delivered'),
      pending: count('pending'),
      failed: failed.map((row) =>
        row.failureReason === null
          ? { memberId: row.memberId }
          : { memberId: row.memberId, failureReason: row.failureReason },
      ),
    };
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

  async listRevisions(roundId: string, memberId: string, questionId?: string) {
    const rows = await this.prisma.answerRevision.findMany({
      where: questionId === undefined ? { roundId, memberId } : { roundId, memberId, questionId },
      orderBy: { id: 'asc' },
    });
    return rows.map(revisionFromRow);
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

  async rememberInboundEvent(id: string, at: Date, expiresAt: Date): Promise<boolean> {
    await this.prisma.$executeRaw`DELETE FROM "InboundEvent" WHERE "expiresAt" <= ${at}`;
    // One statement, so two instances recording one id at once cannot both see it first.
    const inserted = await this.prisma.$executeRaw`
      INSERT INTO "InboundEvent" ("id", "seenAt", "expiresAt") VALUES (${id}, ${at}, ${expiresAt})
      ON CONFLICT ("id") DO NOTHING`;
    return inserted === 1;
  }

  async reclaimUncertainOutbox(key: string, at: Date, claim: OutboxClaim) {
    const before = await this.prisma.outbox.findUnique({ where: { key } });
    if (before?.state !== 'uncertain') return null;
    // Conditional on the state: of two processes settling one key, one updates a row.
    const taken = await this.prisma.outbox.updateMany({
      where: { key, state: 'uncertain' },
      data: { state: 'sending', error: null, claimant: claim.claimant, leaseUntil: claim.leaseUntil, updatedAt: at },
    });
    return taken.count === 1 ? outboxFromRow(before) : null;
  }

  async getOutbox(key: string) {
    const row = await this.prisma.outbox.findUnique({ where: { key } });
    return row ? outboxFromRow(row) : null;
  }

  async markExpiredOutboxUncertain(now: Date) {
    // An entry claimed without a lease has DEFAULT_OUTBOX_LEASE_MS from its claim (no date arithmetic in SQL: portable).
    const unleasedBefore = new Date(now.getTime() - DEFAULT_OUTBOX_LEASE_MS);
    const stale = await this.prisma.$queryRaw<{ key: string }[]>`
      UPDATE "Outbox" SET "state" = 'uncertain'
      WHERE "state" = 'sending' AND (("leaseUntil" IS NOT NULL AND "leaseUntil" <= ${now})
        OR ("leaseUntil" IS NULL AND "updatedAt" <= ${unleasedBefore}))
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

  async deleteAnswersOfRound(roundId: string): Promise<{ answers: number; revisions: number }> {
    const [answers, revisions] = await this.prisma.$transaction([
      this.prisma.answer.deleteMany({ where: { roundId } }),
      this.prisma.answerRevision.deleteMany({ where: { roundId } }),
    ]);
    return { answers: answers.count, revisions: revisions.count };
  }

  async operationsSnapshot(now: Date): Promise<OperationsSnapshot> {
    const [openRounds, uncertainSends, sends, oldest] = await Promise.all([
      this.prisma.round.count({ where: { status: 'open' } }),
      this.prisma.outbox.count({ where: { state: 'uncertain' } }),
      this.prisma.outbox.groupBy({
        by: ['platform', 'state'],
        _count: { _all: true },
        orderBy: [{ platform: 'asc' }, { state: 'asc' }],
      }),
      this.prisma.job.findFirst({
        where: { state: 'pending', dueAt: { lte: now } },
        orderBy: { dueAt: 'asc' },
        select: { dueAt: true },
      }),
    ]);
    return {
      openRounds,
      uncertainSends,
      sends: sends.map((row) => ({ platform: row.platform, state: row.state, count: row._count._all })),
      oldestDueJobAt: oldest?.dueAt ?? null,
    };
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
