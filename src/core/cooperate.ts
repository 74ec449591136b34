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
