/**
 * Acks first: a member's page being stored is served before the job runner
 * starts its next job (fan-out, receipts, reminders). No timings: the save
 * is held by a gate inside the store while the job runner turns.
 */
import { describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import { createMemoryStore } from '../../../src/adapters/memory/memory-store.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import { createTestApp, type TestApp } from '../../fakes/app-harness.ts';

const ROUND = '2024-1';

/**
 * The memory store whose answer saves wait until the test lets them go; it
 * counts the job claims made while a save waits, and calls `afterClaim`
 * once jobs were first claimed.
 */
function holdingSaves(afterClaim?: () => void): {
  store: Store;
  release: () => void;
  holding: () => boolean;
  claimsWhileHolding: () => number;
} {
  const inner = createMemoryStore();
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let holding = false;
  let released = false;
  let claimsWhileHolding = 0;
  let claimed = false;
  void held.then(() => {
    released = true;
  });
  const store = new Proxy(inner, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (property === 'claimDueJobs')
        return async (...args: unknown[]) => {
          if (holding && !released) claimsWhileHolding += 1;
          const jobs = (await (value as (...a: unknown[]) => Promise<unknown[]>).apply(target, args)) ?? [];
          if (jobs.length > 0 && !claimed) {
            claimed = true;
            afterClaim?.();
          }
          return jobs;
        };
      if (property !== 'saveAnswers') return (value as (...a: unknown[]) => unknown).bind(target);
      return async (...args: unknown[]) => {
        holding = true;
        await held;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store, release, holding: () => holding, claimsWhileHolding: () => claimsWhileHolding };
}

async function turns(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('inbound before the job runner', () => {
  it('GIVEN a member saving a page (the store still writing) and invitations due THEN no invitation goes out until the page is stored; then every one does', async () => {
    const local = new LocalMessenger();
    const saves = holdingSaves();
    const t = await createTestApp({ messengers: [local], store: saves.store });
    await t.app.runAsOperator({ verb: 'open', roundId: ROUND });
    const member = { platform: 'local' as const, userId: t.committees[0]?.members[0]?.platforms.local ?? '' };
    const order: string[] = [];
    const save = t.app.saveDraft(member, ROUND, [{ questionId: '1.1', value: '의견' }]).then((saved) => {
      order.push(`page stored: ${saved.ok}`);
    });
    const jobs = t.app.runDueJobs().then((ran) => {
      order.push(`jobs ran: ${ran}`);
    });
    await turns(200);
    expect(saves.holding()).toBe(true);
    expect(saves.claimsWhileHolding()).toBe(0);
    expect(local.all().filter((m) => m.kind === 'invitation')).toHaveLength(0);
    expect(order).toEqual([]);
    saves.release();
    await Promise.all([save, jobs]);
    const members = t.committees[0]?.members.length ?? 0;
    expect(order).toEqual(['page stored: true', `jobs ran: ${members}`]);
    expect(local.all().filter((m) => m.kind === 'invitation')).toHaveLength(members);
  });

  it('GIVEN invitations already claimed WHEN a member starts saving a page THEN none of them goes out until the page is stored', async () => {
    const local = new LocalMessenger();
    let save: Promise<unknown> = Promise.resolve();
    let t: TestApp | undefined;
    const saves = holdingSaves(() => {
      const member = { platform: 'local' as const, userId: t?.committees[0]?.members[0]?.platforms.local ?? '' };
      save = t?.app.saveDraft(member, ROUND, [{ questionId: '1.1', value: '의견' }]) ?? save;
    });
    t = await createTestApp({ messengers: [local], store: saves.store });
    await t.app.runAsOperator({ verb: 'open', roundId: ROUND });
    const jobs = t.app.runDueJobs();
    await turns(200);
    expect(saves.holding()).toBe(true);
    expect(local.all().filter((m) => m.kind === 'invitation')).toHaveLength(0);
    saves.release();
    await Promise.all([save, jobs]);
    expect(local.all().filter((m) => m.kind === 'invitation')).toHaveLength(t.committees[0]?.members.length ?? 0);
  });

  it('GIVEN invitations claimed THEN the event loop turns before the first is sent, so acks and timers run between the claim and the sends', async () => {
    const local = new LocalMessenger();
    let turn = 0;
    let ticking = true;
    const tick = () => {
      turn += 1;
      if (ticking) setImmediate(tick);
    };
    let claimedIn = -1;
    const saves = holdingSaves(() => {
      claimedIn = turn;
    });
    const sentIn: number[] = [];
    local.onMessage = (m) => {
      if (m.kind === 'invitation') sentIn.push(turn);
    };
    const t = await createTestApp({ messengers: [local], store: saves.store });
    await t.app.runAsOperator({ verb: 'open', roundId: ROUND });
    setImmediate(tick);
    await t.app.runDueJobs();
    ticking = false;
    expect(claimedIn).toBeGreaterThanOrEqual(0);
    expect(sentIn).toHaveLength(7);
    expect(Math.min(...sentIn)).toBeGreaterThan(claimedIn);
  });
});
