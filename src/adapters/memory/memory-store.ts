/**
 * The store port in memory: same behaviour as the Prisma store (both pass
 * `tests/core/store-contract.ts`), for fast tests of the core. Values are
 * copied in and out so callers never share objects with the store.
 */
import { randomUUID } from 'node:crypto';
import type { Answer, Committee, Invitation, Job, JobKind, Member, Round } from '../../core/model.ts';
import type {
  AnswerRevision,
  AnswerWrite,
  AuditEvent,
  Heartbeat,
  InvitationPatch,
  InvitationTally,
  JobOutcome,
  NewJob,
  OperationsSnapshot,
  OutboxClaim,
  OutboxEntry,
  ReleasedClaims,
  RoundPatch,
  RoundRevision,
  Store,
  SummaryRecord,
} from '../../core/ports/store.ts';
import { claimOrder } from '../../core/ports/store.ts';
import { MemoryFollowUps } from './memory-follow-ups.ts';
import { MemoryRoundDrafts } from './memory-round-drafts.ts';
import { MemoryRoster } from './memory-roster.ts';

/** A job with its lease and claimant, as the store keeps it. */
interface StoredJob extends Job {
  lockedUntil?: Date;
  claimant?: string;
}

/** Ten minutes: the lease of an outbox entry claimed without one. */
const DEFAULT_OUTBOX_LEASE_MS = 10 * 60_000;

const copy = <T>(value: T): T => structuredClone(value);
const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Drops keys whose value is `undefined`, as a database row with NULL reads back. */
function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== undefined) out[key] = field;
  return out as T;
}

/** Creates an empty in-memory store. */
export function createMemoryStore(): MemoryStore {
  return new MemoryStore();
}

/** The in-memory store; `membersOf` lets tests see synced members. */
export class MemoryStore implements Store {
  private readonly committees = new Map<
    string,
    { committee: Omit<Committee, 'members'>; members: Map<string, Member> }
  >();
  private readonly rounds = new Map<string, Round>();
  private readonly invitations = new Map<string, Invitation>();
  private readonly answers = new Map<string, Answer>();
  private readonly revisions: AnswerRevision[] = [];
  private readonly jobs = new Map<string, StoredJob>();
  private readonly outbox = new Map<string, OutboxEntry>();
  /** Inbound event id → when it may be forgotten (ms). */
  private readonly inbound = new Map<string, number>();
  private readonly auditLog: AuditEvent[] = [];
  private readonly summaries: SummaryRecord[] = [];
  private readonly heartbeats = new Map<string, Heartbeat>();
  private readonly followUps = new MemoryFollowUps();

  readonly saveSynthesis = this.followUps.saveSynthesis.bind(this.followUps);
  readonly listSyntheses = this.followUps.listSyntheses.bind(this.followUps);
  readonly listSynthesisRevisions = this.followUps.listSynthesisRevisions.bind(this.followUps);
  readonly addAction = this.followUps.addAction.bind(this.followUps);
  readonly updateAction = this.followUps.updateAction.bind(this.followUps);
  readonly listActions = this.followUps.listActions.bind(this.followUps);
  private readonly roundDrafts = new MemoryRoundDrafts();
  readonly saveRoundDraft = this.roundDrafts.saveRoundDraft.bind(this.roundDrafts);
  readonly getRoundDraft = this.roundDrafts.getRoundDraft.bind(this.roundDrafts);
  readonly listRoundDrafts = this.roundDrafts.listRoundDrafts.bind(this.roundDrafts);
  readonly deleteRoundDraft = this.roundDrafts.deleteRoundDraft.bind(this.roundDrafts);
  private readonly roster = new MemoryRoster();
  readonly saveRosterEntry = this.roster.saveRosterEntry.bind(this.roster);
  readonly listRosterEntries = this.roster.listRosterEntries.bind(this.roster);

  async syncCommittee(committee: Committee): Promise<void> {
    const { members, ...rest } = copy(committee);
    const known = this.committees.get(committee.id)?.members ?? new Map<string, Member>();
    for (const member of known.values()) member.active = false;
    for (const member of members) known.set(member.id, compact(member));
    this.committees.set(committee.id, { committee: rest, members: known });
  }

  /** Members as last synced, inactive ones included (for tests). */
  membersOf(committeeId: string): Member[] {
    return copy([...(this.committees.get(committeeId)?.members.values() ?? [])]);
  }

  async createRound(round: Round): Promise<boolean> {
    if (this.rounds.has(round.id)) return false;
    this.rounds.set(round.id, compact(copy(round)));
    return true;
  }

  async getRound(roundId: string): Promise<Round | null> {
    const round = this.rounds.get(roundId);
    return round ? copy(round) : null;
  }

  async listRounds(): Promise<Round[]> {
    return copy([...this.rounds.values()]).sort(
      (a, b) => a.opensAt.getTime() - b.opensAt.getTime() || byString(a.id, b.id),
    );
  }

  async updateRound(roundId: string, patch: RoundPatch): Promise<void> {
    const round = this.rounds.get(roundId);
    if (!round) throw new Error(`No round ${roundId}`);
    this.rounds.set(roundId, compact({ ...round, ...copy(patch), status: patch.status ?? round.status }));
  }

  async reviseRound(roundId: string, revision: RoundRevision): Promise<void> {
    const round = this.rounds.get(roundId);
    if (!round) throw new Error(`No round ${roundId}`);
    const { description: _, ...rest } = round;
    this.rounds.set(roundId, compact({ ...rest, ...copy(revision) }));
  }

  async openRound(round: Round, invitations: Invitation[], jobs: NewJob[]): Promise<boolean> {
    // No await between the check and the writes: nothing else runs in between.
    if (this.rounds.has(round.id)) return false;
    this.rounds.set(round.id, compact(copy(round)));
    this.#insertInvitations(invitations);
    this.#insertJobs(jobs);
    return true;
  }

  async createInvitations(invitations: Invitation[]): Promise<void> {
    this.#insertInvitations(invitations);
  }

  #insertInvitations(invitations: Invitation[]): void {
    for (const invitation of invitations) {
      const key = pairKey(invitation.roundId, invitation.memberId);
      if (!this.invitations.has(key)) this.invitations.set(key, compact(copy(invitation)));
    }
  }

  async getInvitation(roundId: string, memberId: string): Promise<Invitation | null> {
    const invitation = this.invitations.get(pairKey(roundId, memberId));
    return invitation ? copy(invitation) : null;
  }

  async listInvitations(roundId: string): Promise<Invitation[]> {
    return this.sortedInvitations(
      (invitation) => invitation.roundId === roundId,
      (a, b) => byString(a.memberId, b.memberId),
    );
  }

  async listInvitationsOfMember(memberId: string): Promise<Invitation[]> {
    return this.sortedInvitations(
      (invitation) => invitation.memberId === memberId,
      (a, b) => byString(a.roundId, b.roundId),
    );
  }

  async tallyInvitations(roundId: string): Promise<InvitationTally> {
    const active = (await this.listInvitations(roundId)).filter((i) => !i.removedAt);
    const count = (state: Invitation['deliveryState']) => active.filter((i) => i.deliveryState === state).length;
    return {
      total: active.length,
      delivered: count('delivered'),
      pending: count('pending'),
      failed: active
        .filter((i) => i.deliveryState === 'failed')
        .map((i) =>
          i.failureReason === undefined
            ? { memberId: i.memberId }
            : { memberId: i.memberId, failureReason: i.failureReason },
        ),
    };
  }

  private sortedInvitations(
    keep: (i: Invitation) => boolean,
    order: (a: Invitation, b: Invitation) => number,
  ): Invitation[] {
    return copy([...this.invitations.values()].filter(keep)).sort(order);
  }

  async updateInvitation(roundId: string, memberId: string, patch: InvitationPatch): Promise<void> {
    const key = pairKey(roundId, memberId);
    const invitation = this.invitations.get(key);
    if (!invitation) throw new Error(`No invitation ${key}`);
    const next = { ...invitation, ...copy(patch), roundId, memberId };
    next.deliveryState = patch.deliveryState ?? invitation.deliveryState;
    next.late = patch.late ?? invitation.late;
    this.invitations.set(key, compact(next));
  }

  async listAnswers(roundId: string, memberId?: string): Promise<Answer[]> {
    return copy(
      [...this.answers.values()].filter(
        (a) => a.roundId === roundId && (memberId === undefined || a.memberId === memberId),
      ),
    ).sort((a, b) => byString(a.memberId, b.memberId) || byString(a.questionId, b.questionId));
  }

  async saveAnswers(roundId: string, memberId: string, answers: AnswerWrite[], at: Date): Promise<Answer[]> {
    const submitted = this.invitations.get(pairKey(roundId, memberId))?.submittedAt !== undefined;
    const saved = new Map<string, Answer>();
    for (const { questionId, value } of answers) {
      const key = answerKey(roundId, memberId, questionId);
      const previous = this.answers.get(key);
      const answer: Answer = {
        roundId,
        memberId,
        questionId,
        value: copy(value),
        status: previous?.status ?? (submitted ? 'submitted' : 'draft'),
        revision: (previous?.revision ?? 0) + 1,
        updatedAt: new Date(at),
      };
      this.answers.set(key, answer);
      this.revisions.push({
        roundId,
        memberId,
        questionId,
        revision: answer.revision,
        value: copy(value),
        afterSubmit: answer.status === 'submitted',
        savedAt: new Date(at),
      });
      saved.set(questionId, answer);
    }
    return copy([...saved.values()]);
  }

  async markSubmitted(roundId: string, memberId: string, at: Date, late: boolean): Promise<void> {
    const key = pairKey(roundId, memberId);
    const invitation = this.invitations.get(key);
    if (!invitation) throw new Error(`No invitation ${key}`);
    for (const answer of this.answers.values()) {
      if (answer.roundId === roundId && answer.memberId === memberId) answer.status = 'submitted';
    }
    this.invitations.set(key, { ...invitation, submittedAt: new Date(at), late });
  }

  async listRevisions(roundId: string, memberId: string, questionId?: string): Promise<AnswerRevision[]> {
    return copy(
      this.revisions.filter(
        (r) =>
          r.roundId === roundId && r.memberId === memberId && (questionId === undefined || r.questionId === questionId),
      ),
    );
  }

  async enqueueJobs(jobs: NewJob[]): Promise<number> {
    return this.#insertJobs(jobs);
  }

  #insertJobs(jobs: NewJob[]): number {
    let created = 0;
    const keys = new Set([...this.jobs.values()].map((existing) => existing.key));
    for (const job of jobs) {
      if (keys.has(job.key)) continue;
      keys.add(job.key);
      const id = randomUUID();
      this.jobs.set(
        id,
        compact({
          id,
          key: job.key,
          kind: job.kind,
          roundId: job.roundId,
          memberId: job.memberId,
          dueAt: new Date(job.dueAt),
          state: 'pending',
          attempts: 0,
          payload: copy(job.payload ?? {}),
        }),
      );
      created += 1;
    }
    return created;
  }

  async claimDueJobs(now: Date, limit: number, leaseMs: number, claimant?: string): Promise<Job[]> {
    const t = now.getTime();
    const due = [...this.jobs.values()]
      .filter(
        (job) =>
          (job.state === 'pending' && job.dueAt.getTime() <= t) ||
          (job.state === 'running' && job.lockedUntil !== undefined && job.lockedUntil.getTime() <= t),
      )
      .sort(claimOrder)
      .slice(0, Math.max(0, limit));
    for (const job of due) {
      job.state = 'running';
      job.lockedUntil = new Date(t + leaseMs);
      if (claimant === undefined) delete job.claimant;
      else job.claimant = claimant;
    }
    return due.map(publicJob);
  }

  async finishJob(jobId: string, outcome: JobOutcome, _at: Date): Promise<void> {
    const job = this.jobs.get(jobId);
    if (!job) throw new Error(`No job ${jobId}`);
    delete job.lockedUntil;
    delete job.claimant;
    // `attempts` counts finished runs: a run cut short by a crash keeps its number when re-claimed.
    job.attempts += 1;
    if (outcome.state === 'retry') {
      job.state = 'pending';
      job.dueAt = new Date(outcome.dueAt);
      job.lastError = outcome.note;
      return;
    }
    job.state = outcome.state;
    if (outcome.note !== undefined) job.lastError = outcome.note;
  }

  async cancelJobs(roundId: string, kind?: JobKind): Promise<number> {
    let cancelled = 0;
    for (const job of this.jobs.values()) {
      if (job.roundId !== roundId || job.state !== 'pending' || (kind !== undefined && job.kind !== kind)) continue;
      job.state = 'cancelled';
      cancelled += 1;
    }
    return cancelled;
  }

  async listJobs(roundId?: string): Promise<Job[]> {
    return [...this.jobs.values()]
      .filter((job) => roundId === undefined || job.roundId === roundId)
      .sort(jobOrder)
      .map(publicJob);
  }

  async claimOutbox(key: string, platform: string, at: Date, claim?: OutboxClaim): Promise<OutboxEntry | null> {
    const existing = this.outbox.get(key);
    if (existing && existing.state !== 'failed') return copy(existing);
    this.outbox.set(
      key,
      compact({
        key,
        state: 'sending' as const,
        platform,
        createdAt: new Date(existing?.createdAt ?? at),
        updatedAt: new Date(at),
        claimant: claim?.claimant,
        leaseUntil: claim ? new Date(claim.leaseUntil) : undefined,
      }),
    );
    return null;
  }

  async settleOutbox(
    key: string,
    result: Pick<OutboxEntry, 'state' | 'channelId' | 'messageId' | 'error'>,
    at: Date,
  ): Promise<void> {
    const entry = this.outbox.get(key);
    if (!entry) throw new Error(`No outbox entry ${key}`);
    this.outbox.set(
      key,
      compact({ key, platform: entry.platform, ...copy(result), createdAt: entry.createdAt, updatedAt: new Date(at) }),
    );
  }

  async rememberInboundEvent(id: string, at: Date, expiresAt: Date): Promise<boolean> {
    for (const [seen, until] of this.inbound) if (until <= at.getTime()) this.inbound.delete(seen);
    if (this.inbound.has(id)) return false;
    this.inbound.set(id, expiresAt.getTime());
    return true;
  }

  async reclaimUncertainOutbox(key: string, at: Date, claim: OutboxClaim): Promise<OutboxEntry | null> {
    const entry = this.outbox.get(key);
    if (entry?.state !== 'uncertain') return null;
    const before = copy(entry);
    this.outbox.set(
      key,
      compact({
        ...before,
        state: 'sending' as const,
        error: undefined,
        claimant: claim.claimant,
        leaseUntil: new Date(claim.leaseUntil),
        updatedAt: new Date(at),
      }),
    );
    return before;
  }

  async getOutbox(key: string): Promise<OutboxEntry | null> {
    const entry = this.outbox.get(key);
    return entry ? copy(entry) : null;
  }

  async markExpiredOutboxUncertain(now: Date): Promise<OutboxEntry[]> {
    const leaseEnd = (e: OutboxEntry): number =>
      e.leaseUntil?.getTime() ?? e.updatedAt.getTime() + DEFAULT_OUTBOX_LEASE_MS;
    const stale = [...this.outbox.values()].filter((e) => e.state === 'sending' && leaseEnd(e) <= now.getTime());
    for (const entry of stale) entry.state = 'uncertain';
    return copy(stale).sort((a, b) => byString(a.key, b.key));
  }

  async listClaimants(): Promise<string[]> {
    const claimants = new Set<string>();
    for (const e of this.outbox.values()) if (e.state === 'sending' && e.claimant) claimants.add(e.claimant);
    for (const j of this.jobs.values()) if (j.state === 'running' && j.claimant) claimants.add(j.claimant);
    return [...claimants].sort(byString);
  }

  async releaseClaimant(claimant: string, at: Date): Promise<ReleasedClaims> {
    const uncertain = [...this.outbox.values()].filter((e) => e.state === 'sending' && e.claimant === claimant);
    for (const entry of uncertain) {
      entry.state = 'uncertain';
      entry.updatedAt = new Date(at);
    }
    let jobs = 0;
    for (const job of this.jobs.values()) {
      if (job.state !== 'running' || job.claimant !== claimant) continue;
      job.state = 'pending';
      delete job.lockedUntil;
      delete job.claimant;
      jobs += 1;
    }
    return { uncertain: copy(uncertain).sort((a, b) => byString(a.key, b.key)), jobs };
  }

  async audit(event: AuditEvent): Promise<void> {
    this.auditLog.push(compact(copy(event)));
  }

  async listAudit(roundId?: string): Promise<AuditEvent[]> {
    const events = this.auditLog.filter((event) => roundId === undefined || event.roundId === roundId);
    // Array.prototype.sort is stable: equal times keep insertion order, as the id column does in SQL.
    return copy(events).sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  async recordSummary(record: SummaryRecord): Promise<void> {
    this.summaries.push(compact(copy(record)));
  }

  async listSummaries(roundId: string): Promise<SummaryRecord[]> {
    return copy(this.summaries.filter((s) => s.roundId === roundId)).sort(
      (a, b) => a.postedAt.getTime() - b.postedAt.getTime(),
    );
  }

  async deleteAnswersOfRound(roundId: string): Promise<{ answers: number; revisions: number }> {
    let answers = 0;
    for (const [key, answer] of this.answers)
      if (answer.roundId === roundId) {
        this.answers.delete(key);
        answers += 1;
      }
    const kept = this.revisions.filter((revision) => revision.roundId !== roundId);
    const revisions = this.revisions.length - kept.length;
    this.revisions.splice(0, this.revisions.length, ...kept);
    return { answers, revisions };
  }

  async operationsSnapshot(now: Date): Promise<OperationsSnapshot> {
    const sends = new Map<string, { platform: string; state: string; count: number }>();
    for (const entry of this.outbox.values()) {
      const key = JSON.stringify([entry.platform, entry.state]);
      const row = sends.get(key) ?? { platform: entry.platform, state: entry.state, count: 0 };
      row.count += 1;
      sends.set(key, row);
    }
    const due = [...this.jobs.values()]
      .filter((job) => job.state === 'pending' && job.dueAt.getTime() <= now.getTime())
      .map((job) => job.dueAt.getTime());
    return {
      openRounds: [...this.rounds.values()].filter((round) => round.status === 'open').length,
      uncertainSends: [...this.outbox.values()].filter((entry) => entry.state === 'uncertain').length,
      sends: [...sends.values()].sort((a, b) => byString(a.platform, b.platform) || byString(a.state, b.state)),
      oldestDueJobAt: due.length === 0 ? null : new Date(Math.min(...due)),
    };
  }

  async saveHeartbeat(heartbeat: Heartbeat): Promise<void> {
    this.heartbeats.set(heartbeat.id, compact(copy(heartbeat)));
  }

  async getHeartbeat(id: string): Promise<Heartbeat | null> {
    const beat = this.heartbeats.get(id);
    return beat ? copy(beat) : null;
  }

  async close(): Promise<void> {}
}

function pairKey(roundId: string, memberId: string): string {
  return JSON.stringify([roundId, memberId]);
}

function answerKey(roundId: string, memberId: string, questionId: string): string {
  return JSON.stringify([roundId, memberId, questionId]);
}

function jobOrder(a: Job, b: Job): number {
  return a.dueAt.getTime() - b.dueAt.getTime() || byString(a.key, b.key);
}

function publicJob(job: StoredJob): Job {
  const { lockedUntil: _lease, claimant: _claimant, ...rest } = job;
  return copy(rest);
}
