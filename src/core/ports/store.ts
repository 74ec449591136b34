/**
 * The store port: everything the core keeps. Implemented by the Prisma
 * adapter (SQLite) and by an in-memory store for fast tests; both must pass
 * `tests/core/store-contract.ts`.
 *
 * Rules every implementation keeps:
 * - writes that belong together are atomic (saving answers writes the answer
 *   rows and their revisions together; submitting flips answers and the
 *   invitation together);
 * - unique keys make retries harmless: creating a round, an invitation, a job
 *   or an outbox entry that exists already changes nothing and says so;
 * - `claimDueJobs` and `claimOutbox` hand each item to one caller only, even
 *   with two processes on the same database.
 */
import type {
  ActionStatus,
  Answer,
  AnswerValue,
  Committee,
  FollowUpAction,
  Invitation,
  Job,
  JobKind,
  Member,
  JobState,
  LocalDate,
  Round,
  RoundDraft,
  RoundDefinition,
  RoundDraftSource,
  RosterEntry,
  SynthesisRevision,
} from '../model.ts';

/**
 * Job kinds `claimDueJobs` takes before any other due job, in this order: a
 * member who submits during a 10,000-member fan-out gets the receipt within
 * seconds instead of after every invitation due before it. This starves
 * nothing: these jobs come only from members' and staff's actions (one
 * receipt per submission, one notice per member per change of a round; a
 * failing one is retried a few times with growing delays), never from running
 * jobs, so invitations and reminders wait at most for that backlog.
 */
export const CLAIM_FIRST: readonly JobKind[] = ['receipt', 'notice'];

/** Where a kind comes in the claim: its place in CLAIM_FIRST, or after all of them. */
function claimRank(kind: JobKind): number {
  const rank = CLAIM_FIRST.indexOf(kind);
  return rank === -1 ? CLAIM_FIRST.length : rank;
}

/** The order `claimDueJobs` takes jobs in: by `claimRank`, then due time, then key. */
export function claimOrder(a: Pick<Job, 'kind' | 'dueAt' | 'key'>, b: Pick<Job, 'kind' | 'dueAt' | 'key'>): number {
  return (
    claimRank(a.kind) - claimRank(b.kind) ||
    a.dueAt.getTime() - b.dueAt.getTime() ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

/** A job to create. `key` is unique; creating an existing key is a no-op. */
export interface NewJob {
  key: string;
  kind: JobKind;
  roundId: string;
  memberId?: string;
  dueAt: Date;
  payload?: Record<string, unknown>;
}

/** How a job run ended. `retry` puts it back to `pending` at `dueAt`. */
export type JobOutcome =
  | { state: Extract<JobState, 'done' | 'skipped' | 'failed' | 'cancelled'>; note?: string }
  | { state: 'retry'; dueAt: Date; note: string };

/** One outbound message's record, keyed by its idempotency key. */
export interface OutboxEntry {
  key: string;
  state: 'sending' | 'sent' | 'failed' | 'uncertain';
  platform: string;
  channelId?: string;
  messageId?: string;
  error?: string;
  /** When the key was first claimed. */
  createdAt: Date;
  updatedAt: Date;
  /** While `sending`: the process that claimed it (see `Claimants`). */
  claimant?: string;
  /** While `sending`: past this moment the send is taken as interrupted. */
  leaseUntil?: Date;
}

/** Who holds a claim on an outbox entry while it is being sent, and until when. */
export interface OutboxClaim {
  claimant: string;
  leaseUntil: Date;
}

/** What releasing a gone claimant's work changed. */
export interface ReleasedClaims {
  /** Outbox entries that were `sending`: now `uncertain`. */
  uncertain: OutboxEntry[];
  /** Jobs that were `running`: now `pending` again, due at once, with their attempt number kept. */
  jobs: number;
}

/** An audit event: who did what, when. */
export interface AuditEvent {
  at: Date;
  /** `platform:userId`, `system` or `cli`. */
  actor: string;
  action: string;
  roundId?: string;
  memberId?: string;
  detail?: Record<string, unknown>;
}

/** A record of a summary posted or exported. */
export interface SummaryRecord {
  roundId: string;
  platform: string;
  channelId: string;
  messageId?: string;
  format: string;
  postedAt: Date;
}

/**
 * The running bot's sign of life, written by its scheduler every half minute
 * and on a clean stop. The CLI reads it to say whether queued work will go
 * out, and `config reload` to find the process to signal.
 */
export interface Heartbeat {
  /** One row per role; the bot uses `bot`. */
  id: string;
  pid: number;
  host: string;
  platforms: string[];
  startedAt: Date;
  beatAt: Date;
  /** Set on a clean stop. */
  stoppedAt?: Date;
}

/** Fields of a round that change over its life. */
export type RoundPatch = Partial<
  Pick<Round, 'status' | 'closesAt' | 'openedAt' | 'closedAt' | 'summarisedAt' | 'cancelledAt'>
>;

/** The texts and questionnaire a round is revised with after opening (see `rounds/change-rules.ts`). */
export type RoundRevision = Pick<Round, 'title' | 'description' | 'agenda'>;

/** Fields of an invitation that change over its life. */
export type InvitationPatch = Partial<Omit<Invitation, 'roundId' | 'memberId'>>;

/** An answer to save. */
export interface AnswerWrite {
  questionId: string;
  value: AnswerValue;
}

/** A saved revision of an answer (every save is kept). */
export interface AnswerRevision {
  roundId: string;
  memberId: string;
  questionId: string;
  revision: number;
  value: AnswerValue;
  /** Whether this revision was written after the member had submitted. */
  afterSubmit: boolean;
  savedAt: Date;
}

/** What operations watch (metrics), counted by the database so every instance sees the same. */
export interface OperationsSnapshot {
  /** Rounds with status `open`. */
  openRounds: number;
  /** Outbox entries that are `uncertain` (a send cut by a crash; staff decide). */
  uncertainSends: number;
  /** Outbox entries by platform and state (`sent`, `failed`, `sending`, `uncertain`). */
  sends: Array<{ platform: string; state: string; count: number }>;
  /** When the longest-waiting due job (pending, due at or before now) fell due; null when none waits. */
  oldestDueJobAt: Date | null;
}

/** A synthesis text to keep as the next revision of its target. */
export type SynthesisWrite = Pick<SynthesisRevision, 'roundId' | 'targetId' | 'text' | 'author' | 'writtenAt'>;

/** A follow-up action to add; the store gives it the next number of its round. */
export type NewFollowUpAction = Omit<FollowUpAction, 'number' | 'updatedAt' | 'updatedBy'>;

/** Fields of a follow-up action that change; `null` clears the department or due date. */
export interface ActionPatch {
  text?: string;
  department?: string | null;
  dueDate?: LocalDate | null;
  status?: ActionStatus;
  questionIds?: string[];
}

/** A round draft to create, or to replace (its creation fields are kept). */
export interface RoundDraftWrite {
  definition: RoundDefinition;
  source: RoundDraftSource;
  by: string;
  at: Date;
}

/** A roster entry to create, or to replace (its creation fields are kept). */
export interface RosterEntryWrite {
  committeeId: string;
  member: Member;
  fileBase: Member | null;
  by: string;
  at: Date;
}

/**
 * How a round's invitations stand, counted in the store: the staff progress
 * of a fan-out reads this every few seconds, and reading every invitation of
 * a 10,000-member round that often would hold the event loop. Members removed
 * from the round are not counted.
 */
export interface InvitationTally {
  total: number;
  delivered: number;
  pending: number;
  /** Failed invitations with their stored reason, in member id order. */
  failed: Array<{ memberId: string; failureReason?: string }>;
}

export interface Store {
  /** Upserts the committee and its members from config. Members no longer listed become inactive. */
  syncCommittee(committee: Committee): Promise<void>;

  /** Inserts a round with its agenda snapshot. Returns false when the id exists (nothing changes). */
  createRound(round: Round): Promise<boolean>;
  getRound(roundId: string): Promise<Round | null>;
  /** Every round, by opening time (then id), oldest first. */
  listRounds(): Promise<Round[]>;
  updateRound(roundId: string, patch: RoundPatch): Promise<void>;
  /**
   * Replaces a round's title, description and agenda (items and questions)
   * together; later reads see the revision. Answers are kept: they refer to
   * question ids.
   */
  reviseRound(roundId: string, revision: RoundRevision): Promise<void>;

  /**
   * Opens a round in one transaction: inserts the round, its invitations and
   * its jobs together, or nothing. Returns false when the round id exists
   * (nothing changes). A crash leaves a fully queued round or none.
   */
  openRound(round: Round, invitations: Invitation[], jobs: NewJob[]): Promise<boolean>;

  /** Inserts invitations; existing (round, member) pairs are left as they are. */
  createInvitations(invitations: Invitation[]): Promise<void>;
  getInvitation(roundId: string, memberId: string): Promise<Invitation | null>;
  listInvitations(roundId: string): Promise<Invitation[]>;
  /** Counts of a round's invitations by delivery state (see InvitationTally). */
  tallyInvitations(roundId: string): Promise<InvitationTally>;
  /** Invitations of one member across rounds, for "which round is this DM about". */
  listInvitationsOfMember(memberId: string): Promise<Invitation[]>;
  updateInvitation(roundId: string, memberId: string, patch: InvitationPatch): Promise<void>;

  /** Current answers of a round, of one member when given. */
  listAnswers(roundId: string, memberId?: string): Promise<Answer[]>;
  /**
   * Saves answers atomically: bumps each answer's revision and keeps the
   * previous value as a revision. Answers keep their status (an edit after
   * submitting stays `submitted`).
   */
  saveAnswers(roundId: string, memberId: string, answers: AnswerWrite[], at: Date): Promise<Answer[]>;
  /** Marks all the member's answers submitted and sets the invitation's `submittedAt`/`late`, atomically. */
  markSubmitted(roundId: string, memberId: string, at: Date, late: boolean): Promise<void>;
  listRevisions(roundId: string, memberId: string, questionId?: string): Promise<AnswerRevision[]>;

  /** Creates jobs, skipping keys that exist. Returns how many were created. */
  enqueueJobs(jobs: NewJob[]): Promise<number>;
  /**
   * Atomically takes up to `limit` pending jobs due at or before `now` and
   * marks them running with a lease, recording `claimant` (the process);
   * expired leases count as pending again. Takes and returns them in
   * `claimOrder`: the kinds of CLAIM_FIRST ahead of every other due job.
   */
  claimDueJobs(now: Date, limit: number, leaseMs: number, claimant?: string): Promise<Job[]>;
  /**
   * Ends a run. `attempts` counts finished runs only: a job claimed again
   * after a crash keeps its attempt number, so its outbox key stays the same
   * and it is not sent twice.
   */
  finishJob(jobId: string, outcome: JobOutcome, at: Date): Promise<void>;
  /** Cancels pending jobs of a round (of one kind when given). Returns how many. */
  cancelJobs(roundId: string, kind?: JobKind): Promise<number>;
  listJobs(roundId?: string): Promise<Job[]>;

  /**
   * Reserves an outbound send. Returns null when the key is new or its
   * earlier send `failed` (the platform refused it, so nothing went out): the
   * caller now owns it, state `sending`, with `claim` recorded. Else returns
   * the existing entry, and the caller must not send.
   */
  claimOutbox(key: string, platform: string, at: Date, claim?: OutboxClaim): Promise<OutboxEntry | null>;
  /**
   * Takes an `uncertain` entry back to `sending` under `claim`, to settle it
   * with the platform (see `Messenger.settleUncertain`). Returns the entry as
   * it was, or null when it is not uncertain (another process took it, or it
   * was settled). One caller only, even with two processes.
   */
  reclaimUncertainOutbox(key: string, at: Date, claim: OutboxClaim): Promise<OutboxEntry | null>;
  settleOutbox(
    key: string,
    result: Pick<OutboxEntry, 'state' | 'channelId' | 'messageId' | 'error'>,
    at: Date,
  ): Promise<void>;
  getOutbox(key: string): Promise<OutboxEntry | null>;
  /**
   * Entries still `sending` whose lease ended at or before `now` (a crash
   * mid-send) become `uncertain`. An entry without a lease counts as leased
   * for ten minutes from its last update. Returns them.
   */
  markExpiredOutboxUncertain(now: Date): Promise<OutboxEntry[]>;
  /** Claimants holding `running` jobs or `sending` outbox entries. */
  listClaimants(): Promise<string[]>;
  /**
   * The claimant is gone (its process died): its `sending` entries become
   * `uncertain` and its `running` jobs `pending` again (their attempt number kept).
   */
  releaseClaimant(claimant: string, at: Date): Promise<ReleasedClaims>;

  /**
   * Records an inbound platform event (a Slack request's signature, a Discord
   * interaction's id) until `expiresAt`. True the first time `id` is seen
   * unexpired; false for a repeat, whichever process recorded it. Expired
   * records are forgotten.
   */
  rememberInboundEvent(id: string, at: Date, expiresAt: Date): Promise<boolean>;

  audit(event: AuditEvent): Promise<void>;
  listAudit(roundId?: string): Promise<AuditEvent[]>;

  recordSummary(record: SummaryRecord): Promise<void>;

  /**
   * Keeps a synthesis text as the next revision of its target (1 for the
   * first), atomically: two writers at once get two revisions, never one number twice.
   */
  saveSynthesis(write: SynthesisWrite): Promise<SynthesisRevision>;
  /** The latest revision of every target of a round, by target id. */
  listSyntheses(roundId: string): Promise<SynthesisRevision[]>;
  /** Every revision of one target, oldest first. */
  listSynthesisRevisions(roundId: string, targetId: string): Promise<SynthesisRevision[]>;
  /** Adds a follow-up action as the next number of its round (1 for the first), atomically. */
  addAction(action: NewFollowUpAction): Promise<FollowUpAction>;
  /** Changes an action; null when the round has no such number. */
  updateAction(
    roundId: string,
    number: number,
    patch: ActionPatch,
    by: string,
    at: Date,
  ): Promise<FollowUpAction | null>;
  /** Follow-up actions of a round (of every round when none is given), by round and number. */
  listActions(roundId?: string): Promise<FollowUpAction[]>;

  /** Creates a round draft, or replaces the one with its id (keeping who made it and when). */
  saveRoundDraft(write: RoundDraftWrite): Promise<RoundDraft>;
  getRoundDraft(roundId: string): Promise<RoundDraft | null>;
  /** Every round draft, by id. */
  listRoundDrafts(): Promise<RoundDraft[]>;
  /** Deletes a round draft; false when there was none. */
  deleteRoundDraft(roundId: string): Promise<boolean>;

  /** Creates the roster entry of (committee, member id), or replaces it (keeping who made it and when). */
  saveRosterEntry(write: RosterEntryWrite): Promise<RosterEntry>;
  /** Roster entries of one committee (of every committee when none is given), by committee and member id. */
  listRosterEntries(committeeId?: string): Promise<RosterEntry[]>;

  /**
   * Deletes every answer and answer revision of a round (retention of
   * personal data). Returns how many rows of each went.
   */
  deleteAnswersOfRound(roundId: string): Promise<{ answers: number; revisions: number }>;
  /** Counts for operations at `now` (see OperationsSnapshot). */
  operationsSnapshot(now: Date): Promise<OperationsSnapshot>;
  /** Writes (creates or replaces) a heartbeat row. */
  saveHeartbeat(heartbeat: Heartbeat): Promise<void>;
  getHeartbeat(id: string): Promise<Heartbeat | null>;
  listSummaries(roundId: string): Promise<SummaryRecord[]>;

  close(): Promise<void>;
}
