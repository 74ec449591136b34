/**
 * Slack's limits kept on our side: never more calls in a window than the
 * limit, callers served in order, and a call granted is never held by the
 * calls before it. A manual clock: the pacer's sleeps advance it.
 */
import { describe, expect, it } from 'vitest';
import { CallPacer } from '../../../src/adapters/slack/slack-pacing.ts';

/** A pacer on a manual clock whose sleeps move the clock; returns the grant times. */
function manualPacer(max: number, windowMs: number) {
  let clock = 0;
  const sleeps: number[] = [];
  const pacer = new CallPacer(
    { max, windowMs },
    () => clock,
    async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
  );
  return { pacer, sleeps, at: () => clock };
}

describe('CallPacer', () => {
  it('GIVEN 50 per minute WHEN 120 calls ask at once THEN 50 go at once, the next 50 a window (and its margin) later, in order', async () => {
    const { pacer, at } = manualPacer(50, 60_000);
    const granted: Array<[number, number]> = [];
    await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        pacer.take().then(() => {
          granted.push([i, at()]);
        }),
      ),
    );
    expect(granted.map(([i]) => i)).toEqual(Array.from({ length: 120 }, (_, i) => i));
    const times = granted.map(([, time]) => time);
    expect(times.slice(0, 50).every((time) => time === 0)).toBe(true);
    expect(times[50]).toBeGreaterThanOrEqual(60_000);
    expect(times[50]).toBeLessThanOrEqual(60_000 * 1.05);
    expect(new Set(times.slice(50, 100)).size).toBe(1);
    expect(times[100]).toBeGreaterThanOrEqual(120_000);
    // Any window of 60 s holds at most 50 grants.
    for (const [index, time] of times.entries())
      expect(
        times.filter((t) => t >= time && t < time + 60_000).length,
        `window from call ${index}`,
      ).toBeLessThanOrEqual(50);
  });

  it('GIVEN calls spread out below the limit THEN none waits', async () => {
    const { pacer, sleeps } = manualPacer(2, 1000);
    await pacer.take();
    await pacer.take();
    expect(sleeps).toEqual([]);
  });

  it('GIVEN a limit of zero calls THEN it is refused when made', () => {
    expect(() => new CallPacer({ max: 0, windowMs: 1000 })).toThrow(/invalid call limit/);
  });
});
