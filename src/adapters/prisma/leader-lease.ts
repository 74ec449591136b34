/**
 * The lease that makes one instance of several the active one: it alone
 * holds the platform connections that must be single (the Discord gateway
 * without sharding, Slack's Socket Mode) and runs the scheduler; the others
 * stand by and take over when it stops.
 *
 * On PostgreSQL the lease is a session advisory lock on a connection of its
 * own: the database releases it the moment the holder's session ends (a
 * killed process's socket closes at once; a vanished host's session ends
 * after the TCP keepalive below, about 20 s). A holder whose lease connection
 * fails has lost the lease and must stop: `onLost` is called.
 * On SQLite (one process per file) the lease is always held.
 */
import { isPostgresUrl } from './migration-files.ts';

/** jamun's advisory lock key for the active instance (any 64-bit number no other tool uses). */
const LEADER_LOCK_KEY = 7_243_113_002;
/** How often a standby instance asks for the lease. */
const LEASE_RETRY_MS = 1_000;
/** Server-side keepalive: a holder that vanished without closing its socket loses the lease after ~20 s. */
const KEEPALIVE_OPTIONS = '-c tcp_keepalives_idle=5 -c tcp_keepalives_interval=5 -c tcp_keepalives_count=3';

/** The active-instance lease. */
export interface LeaderLease {
  /** Whether this instance holds the lease now. */
  readonly held: boolean;
  /** Tries once; true when this instance holds the lease afterwards. */
  tryAcquire(): Promise<boolean>;
  /** Waits until this instance holds the lease, asking every `retryMs`; false if `stopped` said stop first. */
  acquire(stopped: () => boolean, retryMs?: number): Promise<boolean>;
  /** Gives the lease up and closes its connection. */
  release(): Promise<void>;
}

/** The lease for the database `databaseUrl` names; `onLost` is called if a held lease is lost. */
export async function openLeaderLease(databaseUrl: string, onLost: (error: Error) => void): Promise<LeaderLease> {
  if (!isPostgresUrl(databaseUrl)) return alwaysHeld();
  // Loaded here: a SQLite deployment never needs pg.
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: databaseUrl, options: KEEPALIVE_OPTIONS, keepAlive: true });
  let held = false;
  let released = false;
  client.on('error', (error) => {
    if (released) return;
    const wasHeld = held;
    held = false;
    if (wasHeld) onLost(error);
  });
  await client.connect();
  const lease: LeaderLease = {
    get held() {
      return held;
    },
    async tryAcquire() {
      if (held) return true;
      const result = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [LEADER_LOCK_KEY]);
      held = result.rows[0]?.ok === true;
      return held;
    },
    async acquire(stopped, retryMs = LEASE_RETRY_MS) {
      while (!stopped()) {
        if (await lease.tryAcquire()) return true;
        await new Promise((resolve) => setTimeout(resolve, retryMs));
      }
      return false;
    },
    async release() {
      released = true;
      held = false;
      // Ending the session releases the advisory lock.
      await client.end().catch(() => undefined);
    },
  };
  return lease;
}

function alwaysHeld(): LeaderLease {
  return {
    held: true,
    tryAcquire: () => Promise.resolve(true),
    acquire: () => Promise.resolve(true),
    release: () => Promise.resolve(),
  };
}
