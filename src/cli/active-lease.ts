/**
 * `jamun start` on a database that several instances share: only the
 * instance holding the lease (leader-lease.ts) connects to the platforms and
 * runs the scheduler; another one says it is standing by and waits to take
 * over. On SQLite the lease is always held, so nothing here is visible.
 */
import { type LeaderLease, openLeaderLease } from '../adapters/prisma/leader-lease.ts';
import type { Logger } from '../core/ports/logger.ts';
import type { Output } from './context.ts';

export const TAKING_OVER = 'jamun takes over: the active instance stopped.';
export const STANDING_BY =
  'jamun is standing by: another instance is active (it holds the lease in the database). This one takes over when that one stops.';

/**
 * Resolves with the held lease, or null when `stopping()` turned true while
 * standing by. A held lease that is lost later (its connection failed) stops
 * this process with SIGTERM and exit code 1, so it never talks to the
 * platforms beside a new holder.
 */
export async function becomeActive(
  databaseUrl: string,
  output: Output,
  logger: Logger,
  stopping: () => boolean,
): Promise<LeaderLease | null> {
  const lease = await openLeaderLease(databaseUrl, (error) => {
    logger.error({ reason: error.message }, 'lease lost: stopping so that another instance takes over');
    process.exitCode = 1;
    process.kill(process.pid, 'SIGTERM');
  });
  if (await lease.tryAcquire()) return lease;
  output.out(STANDING_BY);
  const waitingSince = Date.now();
  if (!(await lease.acquire(stopping))) {
    await lease.release();
    return null;
  }
  logger.warn({ waitedMs: Date.now() - waitingSince }, 'lease acquired: this instance is now the active one');
  output.out(TAKING_OVER);
  return lease;
}
