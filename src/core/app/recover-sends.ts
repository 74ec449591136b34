/**
 * Finds sends cut by a crash and makes them `uncertain`, on every start and
 * every tick: the sends and jobs of a claimant whose process is gone at once
 * (however soon the restart), and any send whose lease ran out. Jobs of a
 * gone claimant run again at once and record the uncertainty where staff see
 * it (the invitation, or the job of a receipt or reminder).
 */
import type { OutboxEntry } from '../ports/store.ts';
import type { AppContext } from './app-context.ts';

/** Returns how many sends became uncertain. */
export async function recoverInterruptedSends(ctx: AppContext): Promise<number> {
  const now = ctx.now();
  const uncertain: OutboxEntry[] = [];
  for (const claimant of await ctx.store.listClaimants()) {
    if (claimant === ctx.claimants.self || !ctx.claimants.isGone(claimant)) continue;
    const released = await ctx.store.releaseClaimant(claimant, now);
    uncertain.push(...released.uncertain);
    if (released.jobs > 0)
      ctx.logger.warn({ claimant, jobs: released.jobs }, 'jobs of a stopped process will run again');
  }
  uncertain.push(...(await ctx.store.markExpiredOutboxUncertain(now)));
  for (const entry of uncertain) {
    ctx.logger.warn({ key: entry.key, platform: entry.platform }, 'send interrupted; marked uncertain, not repeated');
    await ctx.store.audit({ at: now, actor: 'system', action: 'outbox.uncertain', detail: { key: entry.key } });
  }
  return uncertain.length;
}
