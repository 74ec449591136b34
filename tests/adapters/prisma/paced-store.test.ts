/**
 * The SQLite store answers synchronously; a loop of awaited store calls would
 * otherwise run as microtasks alone and hold every timer and socket until it
 * ends. The store yields a turn of the event loop once a turn's budget is spent.
 */
import { describe, expect, it } from 'vitest';
import { createPrismaStore } from '../../../src/adapters/prisma/prisma-store.ts';
import { pacedStore } from '../../../src/adapters/prisma/paced-store.ts';
import { createMemoryStore } from '../../../src/adapters/memory/memory-store.ts';

describe('the paced store', () => {
  it('GIVEN 5,000 awaited reads in a row on SQLite THEN a timer runs while they go on', async () => {
    const store = await createPrismaStore('file::memory:');
    let ticks = 0;
    const timer = setInterval(() => {
      ticks += 1;
    }, 1);
    let ticksSeen = 0;
    for (let i = 0; i < 5_000; i++) {
      await store.getInvitation('no-round', `m${i}`);
      ticksSeen = ticks;
    }
    clearInterval(timer);
    await store.close();
    expect(ticksSeen).toBeGreaterThan(0);
  });

  it('GIVEN a pacer that always yields THEN each call waits for it before the store works and before its answer is handed back, and answers as the store does', async () => {
    const store = createMemoryStore();
    const steps: string[] = [];
    const paced_ = pacedStore(
      new Proxy(store, {
        get(target, property) {
          const value: unknown = Reflect.get(target, property, target);
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            steps.push(`store ${String(property)}`);
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      }),
      async () => {
        steps.push('pace');
      },
    );
    expect(await paced_.getRound('none')).toBeNull();
    steps.push('answered');
    expect(await paced_.listRounds()).toEqual([]);
    expect(steps).toEqual(['pace', 'store getRound', 'pace', 'answered', 'pace', 'store listRounds', 'pace']);
  });

  it('GIVEN a transaction holding the connection WHEN a call comes THEN it waits until the transaction ends, then paces again before the store works', async () => {
    const store = createMemoryStore();
    const steps: string[] = [];
    let release: () => void = () => {};
    const ended = new Promise<void>((resolve) => {
      release = resolve;
    });
    const gate = {
      busy: true,
      idle: async () => {
        steps.push('waits for the transaction');
        await ended;
      },
    };
    const paced_ = pacedStore(
      store,
      async () => {
        steps.push('pace');
      },
      gate,
    );
    const call = paced_.listRounds().then(() => steps.push('answered'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(steps).toEqual(['pace', 'waits for the transaction']);
    gate.busy = false;
    release();
    await call;
    expect(steps).toEqual(['pace', 'waits for the transaction', 'pace', 'pace', 'answered']);
  });
});
