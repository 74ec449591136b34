/**
 * The store port in memory: fast unit and adapter tests. Keeps the same
 * rules as the SQLite store (idempotent creates, exclusive claims, revisions)
 * and passes the same contract suite. Values are copied in and out so callers
 * cannot change stored state by mutating what they hold.
 */
import type { Answer, Committee, Invitation, Job, JobKind, Round } from '../../core/model.ts';
import type {
  AnswerRevision,
  AnswerWrite,
  AuditEvent,
  InvitationPatch,
  JobOutcome,
  NewJob,
  OutboxEntry,
  RoundPatch,
  Store,
  SummaryRecord,
} from '../../core/ports/store.ts';

const copy = <T>(value: T): T => structuredClone(value);

/** Applies a patch where `undefined` values clear the field (as `null` does in SQL). */
function patched<T extends object>(target: T, patch: object): T {
  const next = { ...target } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next as T;
}

interface StoredJob extends Job {
  leaseUntil?: Date;
}

export function createMemoryStore(): Store {
  const members = new Map<string, { committeeId: string; active: boolean }>();
  const rounds = new Map<string, Round>();
  const invitations = new Map<string, Invitation>();
  const answers = new Map<string, Answer>();
  const revisions: AnswerRevision[] = [];
  const jobs = new Map<string, StoredJob>();
  const outbox = new Map<string, OutboxEntry>();
  const auditLog: AuditEvent[] = [];
  const summaries: SummaryRecord[] = [];
  let nextJobId = 1;

  const invKey = (roundId: string, memberId: string) => `${roundId}\u0000${memberId}`;
  const answerKey = (roundId: string, memberId: string, questionId: string) => `${roundId}\u0000${memberId}\u0000${questionId}`;

  return {
    async syncCommittee(committee: Committee) {
      const listed = new Set(committee.members.map((m) => m.id));
      for (const m of committee.members) members.set(`${committee.id}\u0000${m.id}`, { committeeId: committee.id, active: m.active });
      for (const [key, value] of members) {
        if (value.committeeId === committee.id && !listed.has(key.split('\u0000')[1] ?? '')) value.active = false;
      }
    },

    async createRound(round) {
      if (rounds.has(round.id)) return false;
      rounds.set(round.id, copy(round));
      return true;
    },
    async getRound(roundId) {
      const round = rounds.get(roundId);
      return round ? copy(round) : null;
    },
    async listRounds() {
      return [...rounds.values()].map(copy);
    },
    async updateRound(roundId, patch: RoundPatch) {
      const round = rounds.get(roundId);
      if (!round) throw new Error(`No round ${roundId}`);
      rounds.set(roundId, patched(round, patch));
    },

    async createInvitations(list) {
      for (const inv of list) {
        const key = invKey(inv.roundId, inv.memberId);
        if (!invitations.has(key)) invitations.set(key, copy(inv));
      }
    },
    async getInvitation(roundId, memberId) {
      const inv = invitations.get(invKey(roundId, memberId));
      return inv ? copy(inv) : null;
    },
    async listInvitations(roundId) {
      return [...invitations.values()].filter((i) => i.roundId === roundId).map(copy);
    },
    async listInvitationsOfMember(memberId) {
      return [...invitations.values()].filter((i) => i.memberId === memberId).map(copy);
    },
    async updateInvitation(roundId, memberId, patch: InvitationPatch) {
      const key = invKey(roundId, memberId);
      const inv = invitations.get(key);
      if (!inv) throw new Error(`No invitation for ${memberId} in ${roundId}`);
      invitations.set(key, patched(inv, patch));
    },

    async listAnswers(roundId, memberId) {
      return [...answers.values()].filter((a) => a.roundId === roundId && (memberId === undefined || a.memberId === memberId)).map(copy);
    },
    async saveAnswers(roundId, memberId, writes: AnswerWrite[], at) {
      const submitted = invitations.get(invKey(roundId, memberId))?.submittedAt !== undefined;
      const saved: Answer[] = [];
      for (const w of writes) {
        const key = answerKey(roundId, memberId, w.questionId);
        const previous = answers.get(key);
        const answer: Answer = {
          roundId,
          memberId,
          questionId: w.questionId,
          value: copy(w.value),
          status: previous?.status ?? 'draft',
          revision: (previous?.revision ?? 0) + 1,
          updatedAt: at,
        };
        answers.set(key, answer);
        revisions.push({ roundId, memberId, questionId: w.questionId, revision: answer.revision, value: copy(w.value), afterSubmit: submitted, savedAt: at });
        saved.push(copy(answer));
      }
      return saved;
    },
    async markSubmitted(roundId, memberId, at, late) {
      const key = invKey(roundId, memberId);
      const inv = invitations.get(key);
      if (!inv) throw new Error(`No invitation for ${memberId} in ${roundId}`);
      for (const a of answers.values()) {
        if (a.roundId === roundId && a.memberId === memberId) a.status = 'submitted';
      }
      invitations.set(key, { ...inv, submittedAt: at, late });
    },
    async listRevisions(roundId, memberId, questionId) {
      return revisions
        .filter((r) => r.roundId === roundId && r.memberId === memberId && (questionId === undefined || r.questionId === questionId))
        .map(copy);
    },

    async enqueueJobs(list: NewJob[]) {
      let created = 0;
      for (const j of list) {
        if (jobs.has(j.key)) continue;
        jobs.set(j.key, { id: String(nextJobId++), key: j.key, kind: j.kind, roundId: j.roundId, ...(j.memberId ? { memberId: j.memberId } : {}), dueAt: j.dueAt, state: 'pending', attempts: 0, payload: copy(j.payload ?? {}) });
        created += 1;
      }
      return created;
    },
    async claimDueJobs(now, limit, leaseMs) {
      const due = [...jobs.values()]
        .filter((j) => (j.state === 'pending' && j.dueAt.getTime() <= now.getTime()) || (j.state === 'running' && (j.leaseUntil?.getTime() ?? 0) <= now.getTime()))
        .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || Number(a.id) - Number(b.id))
        .slice(0, limit);
      for (const j of due) {
        j.state = 'running';
        j.leaseUntil = new Date(now.getTime() + leaseMs);
      }
      return due.map(({ leaseUntil: _lease, ...job }) => copy(job));
    },
    async finishJob(jobId, outcome: JobOutcome) {
      const job = [...jobs.values()].find((j) => j.id === jobId);
      if (!job) throw new Error(`No job ${jobId}`);
      job.attempts += 1;
      delete job.leaseUntil;
      if (outcome.state === 'retry') {
        job.state = 'pending';
        job.dueAt = outcome.dueAt;
        job.lastError = outcome.note;
      } else {
        job.state = outcome.state;
        if (outcome.note !== undefined) job.lastError = outcome.note;
      }
    },
    async cancelJobs(roundId, kind?: JobKind) {
      let n = 0;
      for (const j of jobs.values()) {
        if (j.roundId === roundId && j.state === 'pending' && (kind === undefined || j.kind === kind)) {
          j.state = 'cancelled';
          n += 1;
        }
      }
      return n;
    },
    async listJobs(roundId) {
      return [...jobs.values()].filter((j) => roundId === undefined || j.roundId === roundId).map(({ leaseUntil: _lease, ...job }) => copy(job));
    },

    async claimOutbox(key, platform, at) {
      const existing = outbox.get(key);
      if (existing) return copy(existing);
      outbox.set(key, { key, state: 'sending', platform, updatedAt: at });
      return null;
    },
    async settleOutbox(key, result, at) {
      const entry = outbox.get(key);
      if (!entry) throw new Error(`No outbox entry ${key}`);
      outbox.set(key, patched({ ...entry, updatedAt: at }, result));
    },
    async getOutbox(key) {
      const entry = outbox.get(key);
      return entry ? copy(entry) : null;
    },
    async markStaleOutboxUncertain(before) {
      const stale: OutboxEntry[] = [];
      for (const entry of outbox.values()) {
        if (entry.state === 'sending' && entry.updatedAt.getTime() < before.getTime()) {
          entry.state = 'uncertain';
          stale.push(copy(entry));
        }
      }
      return stale;
    },

    async audit(event) {
      auditLog.push(copy(event));
    },
    async listAudit(roundId) {
      return auditLog.filter((e) => roundId === undefined || e.roundId === roundId).map(copy);
    },

    async recordSummary(record) {
      summaries.push(copy(record));
    },
    async listSummaries(roundId) {
      return summaries.filter((s) => s.roundId === roundId).map(copy);
    },

    async close() {},
  };
}
