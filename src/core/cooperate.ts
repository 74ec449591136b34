/**
 * Cooperative scheduling: long work runs in slices with a macrotask between
 * them, so timers, sockets and platform acknowledgements run in between.
 * Awaiting a resolved promise is not enough: microtasks run before any I/O.
 */

/** Rows written per slice of a bulk write: a few milliseconds of SQLite work. */
export const WRITE_CHUNK = 250;

/** Resolves on the next turn of the event loop, after pending I/O callbacks. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Work between two yields of a paced loop: well inside the 50 ms the event loop may be held. */
const PACE_MS = 10;

/**
 * A pacer for loops of awaited work that may never reach the event loop
 * (promise chains that resolve at once run as microtasks, before any timer
 * or socket): `await pace()` yields a turn when `budgetMs` has passed since
 * the turn began, and costs nothing otherwise. Loops running side by side
 * share one pacer and one yield: every loop that paces during a turn that has
 * used its budget waits for the same next turn, so together they hold the
 * loop for about one budget per turn, not one budget each.
 */
export function pacer(budgetMs = PACE_MS, now: () => number = () => performance.now()): () => Promise<void> {
  let since = now();
  let turn: Promise<void> | null = null;
  return () => {
    if (turn !== null) return turn;
    if (now() - since < budgetMs) return Promise.resolve();
    turn = new Promise((resolve) =>
      setImmediate(() => {
        turn = null;
        since = now();
        resolve();
      }),
    );
    return turn;
  };
}

/** Splits `items` into slices of at most `size` (the last may be shorter). */
function chunksOf<T>(items: readonly T[], size: number): T[][] {
  if (size < 1) throw new Error(`chunk size must be positive, got ${size}`);
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/** Runs `work` on each slice in order, yielding to the event loop between slices. */
export async function forEachChunk<T>(
  items: readonly T[],
  size: number,
  work: (chunk: T[], index: number) => void | Promise<void>,
): Promise<void> {
  const chunks = chunksOf(items, size);
  for (const [index, chunk] of chunks.entries()) {
    if (index > 0) await yieldToEventLoop();
    await work(chunk, index);
  }
}

/**
 * Runs `work` on every item with at most `concurrency` lanes in flight. Items
 * of the same lane run one after another in their order; an item whose lane
 * is `null` is a barrier: it waits for everything before it and runs alone.
 */
export async function runInLanes<T>(
  items: readonly T[],
  concurrency: number,
  laneOf: (item: T) => string | null,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const rest = [...items];
  await runLanesFrom(async (room) => rest.splice(0, room), { concurrency, batch: rest.length || 1 }, laneOf, work);
}

/** How `runLanesFrom` takes its items: lanes in flight, and items asked of `pull` at a time. */
export interface LaneOptions {
  concurrency: number;
  batch: number;
  /**
   * `pull` is asked again when fewer than this many pulled items wait for a
   * lane (default: `concurrency`). Low keeps few items claimed ahead of the
   * lanes, so an item that comes due later (a receipt during a fan-out) is
   * pulled soon instead of after everything already waiting.
   */
  refillBelow?: number;
}

/**
 * `runInLanes` over items that keep coming: `pull(room)` gives up to `room`
 * items, none when nothing is left for now. It is asked again as soon as
 * fewer than `refillBelow` (by default `concurrency`) items wait, while the
 * lanes run, so a lane that stays busy (one member whose platform call hangs
 * or is retried) never holds the other lanes or the next items. Ends when
 * everything pulled has run and a pull made after that gives nothing.
 * Returns how many items ran. A throw of `work` does not stop the other
 * lanes; the first one is thrown at the end.
 */
export async function runLanesFrom<T>(
  pull: (room: number) => Promise<readonly T[]>,
  options: LaneOptions,
  laneOf: (item: T) => string | null,
  work: (item: T) => Promise<void>,
): Promise<number> {
  const { concurrency, batch, refillBelow = concurrency } = options;
  if (concurrency < 1 || batch < 1 || refillBelow < 1)
    throw new Error(`lanes, batch and refill mark must be positive, got ${concurrency}, ${batch}, ${refillBelow}`);
  const waiting: T[] = [];
  /** Active lanes, each with the items queued behind the one it runs. */
  const lanes = new Map<string, T[]>();
  const pace = pacer();
  let held = 0;
  let ran = 0;
  let failure: { error: unknown } | undefined;
  let laneEnded = false;
  let wake: (() => void) | undefined;

  const runOne = async (item: T): Promise<void> => {
    try {
      await work(item);
    } catch (error) {
      failure ??= { error };
    }
    held -= 1;
    ran += 1;
  };
  const runLane = async (lane: string, first: T): Promise<void> => {
    const queue = lanes.get(lane) ?? [];
    for (let item: T | undefined = first; item !== undefined; item = queue.shift()) {
      await runOne(item);
      await pace();
    }
    lanes.delete(lane);
    laneEnded = true;
    wake?.();
  };
  /** Hands waiting items to lanes in order; a barrier runs once the lanes before it are done. */
  const dispatch = async (): Promise<void> => {
    for (let item = waiting[0]; item !== undefined; item = waiting[0]) {
      const lane = laneOf(item);
      if (lane === null) {
        if (lanes.size > 0) return;
        waiting.shift();
        await runOne(item);
        continue;
      }
      const queue = lanes.get(lane);
      if (queue) queue.push(item);
      else if (lanes.size >= concurrency) return;
      else {
        lanes.set(lane, []);
        void runLane(lane, item);
      }
      waiting.shift();
    }
  };

  let dry = false;
  for (;;) {
    if (!dry && waiting.length < refillBelow) {
      const pulled = await pull(batch);
      if (pulled.length === 0) {
        if (held === 0) break;
        dry = true;
      }
      waiting.push(...pulled);
      held += pulled.length;
    }
    await dispatch();
    if (held === 0) {
      // Everything pulled has run: ask once more (work may have come due meanwhile).
      dry = false;
      continue;
    }
    if (!dry && waiting.length < refillBelow) continue;
    if (!laneEnded) await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
    laneEnded = false;
  }
  if (failure) throw failure.error;
  return ran;
}
