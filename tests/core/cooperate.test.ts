import { describe, expect, it } from 'vitest';
import { forEachChunk, pacer, runInLanes, runLanesFrom } from '../../src/core/cooperate.ts';

/** A promise with its resolver, to hold work open until the test lets it finish. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

describe('forEachChunk', () => {
  it('GIVEN 1,001 items and slices of 250 THEN work sees five slices in order, the last of one item', async () => {
    const sizes: number[] = [];
    const seen: number[] = [];
    await forEachChunk(
      Array.from({ length: 1001 }, (_, i) => i),
      250,
      (chunk) => {
        sizes.push(chunk.length);
        seen.push(...chunk);
      },
    );
    expect(sizes).toEqual([250, 250, 250, 250, 1]);
    expect(seen).toEqual(Array.from({ length: 1001 }, (_, i) => i));
  });
});

describe('runInLanes', () => {
  it('GIVEN one member whose send never ends WHEN others are queued THEN every other member is served', async () => {
    const stuck = gate();
    const done: string[] = [];
    const run = runInLanes(
      ['slow', 'a', 'b', 'c', 'd'],
      2,
      (m) => m,
      async (m) => {
        if (m === 'slow') await stuck.promise;
        done.push(m);
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(done).toEqual(['a', 'b', 'c', 'd']);
    stuck.open();
    await run;
    expect(done).toEqual(['a', 'b', 'c', 'd', 'slow']);
  });

  it('GIVEN two jobs of one member THEN they run in order, never together', async () => {
    const log: string[] = [];
    await runInLanes(
      ['m1:1', 'm2:1', 'm1:2'],
      4,
      (j) => j.split(':')[0] ?? '',
      async (j) => {
        log.push(`start ${j}`);
        await new Promise((resolve) => setImmediate(resolve));
        log.push(`end ${j}`);
      },
    );
    expect(log.indexOf('end m1:1')).toBeLessThan(log.indexOf('start m1:2'));
  });

  it('GIVEN at most 3 in flight THEN never more than 3 run at once, and a barrier runs alone after the items before it', async () => {
    let inFlight = 0;
    let peak = 0;
    const order: string[] = [];
    const items = ['1', '2', '3', '4', '5', '6', 'close', '7'];
    await runInLanes(
      items,
      3,
      (i) => (i === 'close' ? null : i),
      async (i) => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        if (i === 'close') expect(inFlight).toBe(1);
        await new Promise((resolve) => setImmediate(resolve));
        order.push(i);
        inFlight -= 1;
      },
    );
    expect(peak).toBe(3);
    expect(order.slice(0, 6).sort()).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(order.slice(6)).toEqual(['close', '7']);
  });
});

describe('pacer', () => {
  it('GIVEN a budget of 10 ms on a manual clock THEN it yields a turn only once the budget has passed, and starts counting again', async () => {
    let clock = 0;
    const pace = pacer(10, () => clock);
    let timerRan = false;
    setImmediate(() => {
      timerRan = true;
    });
    clock = 9;
    await pace();
    expect(timerRan).toBe(false);
    clock = 10;
    await pace();
    expect(timerRan).toBe(true);
    let again = false;
    setImmediate(() => {
      again = true;
    });
    clock = 19;
    await pace();
    expect(again).toBe(false);
  });

  it('GIVEN two loops sharing a pacer WHEN the budget of a turn is spent THEN both wait for the same next turn, and the budget starts again there', async () => {
    let clock = 0;
    const pace = pacer(10, () => clock);
    clock = 10;
    const first = pace();
    const second = pace();
    expect(second).toBe(first);
    await first;
    clock = 19;
    let yielded = false;
    setImmediate(() => {
      yielded = true;
    });
    await pace();
    expect(yielded).toBe(false);
  });

  it('GIVEN lanes of work that never reach the event loop THEN a timer still runs while they go on', async () => {
    let ticks = 0;
    const timer = setInterval(() => {
      ticks += 1;
    }, 1);
    const items = Array.from({ length: 400 }, (_, i) => `m${i % 40}:${i}`);
    let ticksSeen = 0;
    await runInLanes(
      items,
      16,
      (item) => item.split(':')[0] ?? '',
      async () => {
        const until = performance.now() + 0.2;
        while (performance.now() < until) {
          // busy: a synchronous step of a send
        }
        ticksSeen = ticks;
      },
    );
    clearInterval(timer);
    expect(ticksSeen).toBeGreaterThan(0);
  });
});

describe('runLanesFrom: how far ahead items are pulled', () => {
  /** 40 items from a source, 4 lanes that each hold their item until released, one released per turn. */
  async function drain(options: { batch: number; refillBelow?: number }) {
    const total = 40;
    const gates: Array<() => void> = [];
    let next = 0;
    let pulled = 0;
    let started = 0;
    let mostWaiting = 0;
    const ran: number[] = [];
    const pull = async (room: number): Promise<number[]> => {
      const items: number[] = [];
      while (items.length < room && next < total) items.push(next++);
      pulled += items.length;
      mostWaiting = Math.max(mostWaiting, pulled - started);
      return items;
    };
    const work = async (item: number): Promise<void> => {
      started += 1;
      await new Promise<void>((resolve) => gates.push(resolve));
      ran.push(item);
    };
    const done = runLanesFrom(pull, { concurrency: 4, ...options }, (item) => `m${item}`, work);
    for (let turn = 0; turn < 10_000 && ran.length < total; turn++) {
      await new Promise((resolve) => setImmediate(resolve));
      gates.shift()?.();
    }
    expect(await done).toBe(total);
    expect([...ran].sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i));
    return mostWaiting;
  }

  it('GIVEN busy lanes, batches of 3 and a refill mark of 2 THEN at most 1 + 3 items ever wait for a lane, and every item runs once', async () => {
    expect(await drain({ batch: 3, refillBelow: 2 })).toBe(4);
  });

  it('GIVEN no refill mark THEN items are pulled until as many wait as there are lanes: up to 3 + 3', async () => {
    expect(await drain({ batch: 3 })).toBe(6);
  });

  it('GIVEN no lane, no batch or no refill mark THEN each is refused; one of each runs every item', async () => {
    const none = async (): Promise<string[]> => [];
    const refused = (concurrency: number, batch: number, refillBelow: number) =>
      runLanesFrom(
        none,
        { concurrency, batch, refillBelow },
        () => 'a',
        async () => {},
      );
    await expect(refused(0, 1, 1)).rejects.toThrow('got 0, 1, 1');
    await expect(refused(1, 0, 1)).rejects.toThrow('got 1, 0, 1');
    const items = ['a', 'b', 'c'];
    const ran: string[] = [];
    const pull = async (room: number): Promise<string[]> => items.splice(0, room);
    expect(
      await runLanesFrom(
        pull,
        { concurrency: 1, batch: 1, refillBelow: 1 },
        (i) => i,
        async (i) => void ran.push(i),
      ),
    ).toBe(3);
    expect(ran).toEqual(['a', 'b', 'c']);
  });

  it('GIVEN work that throws for two items THEN every other item still runs and the first error is thrown at the end', async () => {
    const items = [1, 2, 3, 4, 5];
    const ran: number[] = [];
    const pull = async (room: number): Promise<number[]> => items.splice(0, room);
    const work = async (item: number): Promise<void> => {
      if (item === 2 || item === 4) throw new Error(`failed ${item}`);
      ran.push(item);
    };
    await expect(runLanesFrom(pull, { concurrency: 1, batch: 5 }, (i) => `m${i}`, work)).rejects.toThrow('failed 2');
    expect(ran).toEqual([1, 3, 5]);
  });

  it('GIVEN a refill mark below 1 THEN it is refused', async () => {
    await expect(
      runLanesFrom(
        async () => [],
        { concurrency: 2, batch: 1, refillBelow: 0 },
        () => 'a',
        async () => {},
      ),
    ).rejects.toThrow('lanes, batch and refill mark must be positive, got 2, 1, 0');
  });
});
