/**
 * Moves a manual clock forward, stopping at every due job so each runs at
 * its own time, as the scheduler would have run it.
 */
import type { ManualClock } from '../core/ports/clock.ts';
import type { Store } from '../core/ports/store.ts';

export async function advanceClock(
  app: { runDueJobs(): Promise<number> },
  store: Store,
  clock: ManualClock,
  until: Date,
): Promise<number> {
  let ran = 0;
  for (;;) {
    ran += await app.runDueJobs();
    const pending = (await store.listJobs()).filter(
      (j) => j.state === 'pending' && j.dueAt.getTime() <= until.getTime(),
    );
    if (pending.length === 0) break;
    const next = Math.min(...pending.map((j) => j.dueAt.getTime()));
    clock.set(new Date(Math.max(next, clock.now().getTime())));
  }
  if (until.getTime() > clock.now().getTime()) clock.set(until);
  return ran;
}
