/**
 * better-sqlite3 answers synchronously, so a chain of store calls (a job
 * runner's lanes, 16 members at once) resolves entirely in microtasks and
 * never lets a timer, a socket or a platform acknowledgement run until every
 * lane has finished its job. The paced store makes every call a possible
 * yield point: once the shared budget of a turn is spent, the next call
 * (from any caller) waits for the next turn of the event loop first.
 */
import { pacer } from '../../core/cooperate.ts';
import type { Store } from '../../core/ports/store.ts';

/**
 * `store` with each method call preceded by `await pace()` (one pacer for all
 * callers) and then `await ready()` (the SQLite store: until no transaction
 * holds its connection).
 */
export function pacedStore<S extends Store>(
  store: S,
  pace: () => Promise<void> = pacer(),
  ready: () => Promise<void> = () => Promise.resolve(),
): S {
  return new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      return async (...args: unknown[]) => {
        await pace();
        await ready();
        return method.apply(target, args);
      };
    },
  });
}
