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
 * the last yield, and costs nothing otherwise. Loops running side by side
 * share one pacer, so together they hold the loop for one budget.
 */
export function pacer(budgetMs = PACE_MS, now: () => number = () => performance.now()): () => Promise<void> {
  let since = now();
  return async () => {
    if (now() - since < budgetMs) return;
    await yieldToEventLoop();
    since = now();
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
 * Runs `work` on every item with at most `concurrency` in flight. Items of
 * the same lane run one after another in their order; an item whose lane is
 * `null` is a barrier: it waits for everything before it and runs alone.
 */
export async function runInLanes<T>(
  items: readonly T[],
  concurrency: number,
  laneOf: (item: T) => string | null,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let segment: T[] = [];
  const flush = async (): Promise<void> => {
    const lanes = new Map<string, T[]>();
    for (const item of segment) {
      const lane = laneOf(item) as string;
      lanes.set(lane, [...(lanes.get(lane) ?? []), item]);
    }
    segment = [];
    const queue = [...lanes.values()];
    const pace = pacer();
    const worker = async (): Promise<void> => {
      for (let lane = queue.shift(); lane; lane = queue.shift())
        for (const item of lane) {
          await work(item);
          await pace();
        }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  };
  for (const item of items) {
    if (laneOf(item) !== null) {
      segment.push(item);
      continue;
    }
    await flush();
    await work(item);
  }
  await flush();
}
