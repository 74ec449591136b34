/**
 * What the crash trials share: a configuration of 200 members whose round is
 * open now, the database read directly (as the truth of what is queued), the
 * platform seen through a fake, and `jamun round status` as staff read it.
 */
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { openRoundConfig } from '../fakes/open-round-config.ts';
import { type CliProcess, cleanEnv, runCli } from '../fakes/run-cli.ts';

export const ROUND = '2024-1';
export const MEMBERS = 200;

/** One trial member with an id per platform. */
export interface TrialMember {
  id: string;
  name: string;
  slack: string;
  discord: string;
}

export const trialMembers: TrialMember[] = Array.from({ length: MEMBERS }, (_, i) => {
  const n = String(i + 1).padStart(3, '0');
  return { id: `m-${n}`, name: `위원${n}`, slack: `U0TRIAL${n}`, discord: `5000000000000${n.padStart(5, '0')}` };
});

/** A copy of `config/` with 200 members and the seed round open from an hour ago for 7 days, no reminders. */
export function trialConfig(dir: string): string {
  const members = trialMembers
    .map((m) => `  - id: ${m.id}\n    name: ${m.name}\n    slack: ${m.slack}\n    discord: '${m.discord}'\n`)
    .join('');
  return openRoundConfig(dir, ROUND, members, (round) => `${round}\nreminders:\n  slots: []\n`);
}

/** What the database says about the round. */
export interface Queued {
  round: string | null;
  invitations: number;
  inviteJobs: number;
  /** Members whose invitation is recorded as uncertain. */
  uncertain: string[];
  /** Members whose invitation is still to be settled (pending). */
  pending: number;
}

export function readQueued(databaseFile: string): Queued {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const hasRound = db.prepare(`SELECT name FROM sqlite_master WHERE type='table' AND name='Round'`).get();
    if (!hasRound) return { round: null, invitations: 0, inviteJobs: 0, uncertain: [], pending: 0 };
    const round = db.prepare('SELECT status FROM Round WHERE id = ?').get(ROUND) as { status: string } | undefined;
    const count = (sql: string): number => (db.prepare(sql).get(ROUND) as { n: number }).n;
    return {
      round: round?.status ?? null,
      invitations: count('SELECT COUNT(*) AS n FROM Invitation WHERE roundId = ?'),
      inviteJobs: count(`SELECT COUNT(*) AS n FROM Job WHERE roundId = ? AND kind = 'invite'`),
      pending: count(`SELECT COUNT(*) AS n FROM Invitation WHERE roundId = ? AND deliveryState = 'pending'`),
      uncertain: (
        db
          .prepare(
            `SELECT memberId FROM Invitation WHERE roundId = ? AND failureReason = 'uncertain' ORDER BY memberId`,
          )
          .all(ROUND) as Array<{ memberId: string }>
      ).map((row) => row.memberId),
    };
  } finally {
    db.close();
  }
}

/** What the database says about the invitation sends: those cut mid-send, and whether all are settled. */
export interface Sends {
  /** Members whose invitation send is claimed and not finished (`sending` in the outbox). */
  sending: string[];
  /** When the first of those claims' leases runs out (ms since the epoch); Infinity when none. */
  leasesUntil: number;
  /** No invitation pending and no invitation job left to run. */
  settled: boolean;
}

export function readSends(databaseFile: string): Sends {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const hasRound = db.prepare(`SELECT name FROM sqlite_master WHERE type='table' AND name='Round'`).get();
    if (!hasRound) return { sending: [], leasesUntil: Number.POSITIVE_INFINITY, settled: false };
    const prefix = `invite:${ROUND}:`;
    const rows = db
      .prepare(`SELECT key, leaseUntil FROM Outbox WHERE state = 'sending' AND key LIKE ? ORDER BY key`)
      .all(`${prefix}%`) as Array<{ key: string; leaseUntil: number | string | null }>;
    const sending = rows.map((row) => row.key.slice(prefix.length));
    const leasesUntil = Math.min(
      ...rows.map((row) => (typeof row.leaseUntil === 'string' ? Date.parse(row.leaseUntil) : (row.leaseUntil ?? 0))),
    );
    const open = db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM Round WHERE id = @round) AS rounds,
           (SELECT COUNT(*) FROM Invitation WHERE roundId = @round AND deliveryState = 'pending') AS pending,
           (SELECT COUNT(*) FROM Job WHERE roundId = @round AND kind = 'invite' AND state IN ('pending', 'running')) AS jobs`,
      )
      .get({ round: ROUND }) as { rounds: number; pending: number; jobs: number };
    return { sending, leasesUntil, settled: open.rounds === 1 && open.pending === 0 && open.jobs === 0 };
  } finally {
    db.close();
  }
}

/** The outbox state (and error) of each member's invitation send. */
export function readInviteOutbox(databaseFile: string): Map<string, { state: string; error: string | null }> {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const prefix = `invite:${ROUND}:`;
    const rows = db
      .prepare(`SELECT key, state, error FROM Outbox WHERE key LIKE ? ORDER BY key`)
      .all(`${prefix}%`) as Array<{ key: string; state: string; error: string | null }>;
    return new Map(rows.map((row) => [row.key.slice(prefix.length), { state: row.state, error: row.error }]));
  } finally {
    db.close();
  }
}

/** Polls `check` until it holds, or fails naming `what` and `explain()`. */
export async function eventually(
  check: () => boolean,
  what: string,
  timeoutMs: number,
  explain: () => string = () => '',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${explain()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Whether another connection holds the database's write lock, i.e. is inside
 * a write transaction: `BEGIN IMMEDIATE` without waiting answers SQLITE_BUSY.
 * Only called while the bot is frozen, so taking the lock for an instant
 * disturbs nothing.
 */
export function writeLockHeld(databaseFile: string): boolean {
  const db = new Database(databaseFile, { timeout: 0, fileMustExist: true });
  try {
    db.exec('BEGIN IMMEDIATE');
    db.exec('ROLLBACK');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw error;
  } finally {
    db.close();
  }
}

/** Whether the process is stopped by SIGSTOP: state T in /proc/<pid>/stat (Linux, as CI). */
function isStopped(pid: number): boolean {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).startsWith('T');
}

/** A process the trial can freeze and kill. */
interface Freezable {
  readonly pid: number | undefined;
  signal(signal: NodeJS.Signals): void;
  kill(): Promise<void>;
}

/**
 * Freezes the child with SIGSTOP and asks `probe` about the frozen state:
 * `kill` ends the child there with SIGKILL, so the crash lands exactly in the
 * state probed; `late` kills too (the moment has passed); `wait` lets it run
 * `paceMs` more and looks again. Resolves with the verdict that killed it.
 */
export async function killWhen(
  child: Freezable,
  probe: () => 'kill' | 'late' | 'wait',
  what: string,
  timeoutMs: number,
  paceMs: number,
): Promise<'kill' | 'late'> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pid = child.pid;
    if (pid === undefined) throw new Error(`the bot exited before ${what}`);
    child.signal('SIGSTOP');
    await eventually(() => isStopped(pid), 'the bot to stop on SIGSTOP', 10_000);
    const verdict = probe();
    if (verdict !== 'wait') {
      await child.kill();
      return verdict;
    }
    child.signal('SIGCONT');
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(paceMs);
  }
}

/** Job and outbox states of the round, counted, for a failure message. */
export function describeQueue(databaseFile: string): string {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const jobs = db
      .prepare(`SELECT kind, state, lastError, COUNT(*) AS n FROM Job GROUP BY kind, state, lastError`)
      .all();
    const outbox = db.prepare('SELECT state, COUNT(*) AS n FROM Outbox GROUP BY state').all();
    const claims = db.prepare(`SELECT DISTINCT claimant FROM Job WHERE state = 'running'`).all();
    return JSON.stringify({ queued: readQueued(databaseFile), jobs, outbox, claims });
  } finally {
    db.close();
  }
}

/** `jamun round status` as the operator: what staff read. */
export async function statusText(env: Record<string, string>): Promise<string> {
  const run: CliProcess = runCli(['round', 'status', ROUND], cleanEnv(env));
  await run.exited;
  return run.stdout();
}
