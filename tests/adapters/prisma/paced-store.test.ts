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

  it('GIVEN a pacer that always yields THEN each call waits for it and then answers as the store does', async () => {
    const store = createMemoryStore();
    let paced = 0;
    const paced_ = pacedStore(store, async () => {
      paced += 1;
    });
    expect(await paced_.getRound('none')).toBeNull();
    expect(await paced_.listRounds()).toEqual([]);
    expect(paced).toBe(2);
  });
});
