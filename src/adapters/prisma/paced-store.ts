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

/** What a transaction holds on the store's connection (the SQLite store's ConnectionGate). */
export interface Gate {
  readonly busy: boolean;
  idle(): Promise<void>;
}

const NO_GATE: Gate = { busy: false, idle: () => Promise.resolve() };

/**
 * `store` with each method call preceded by `await pace()` (one pacer for all
 * callers) and, with a `gate`, run only while no transaction holds the
 * connection. Its answer also waits for `pace()`: when many callers wake at
 * once (a burst of 200 pages whose saves committed together, or everyone
 * waiting for a transaction to end), each goes on to its next step (render
 * the next page, acknowledge) only within a turn's budget, so their work
 * spreads over turns instead of holding the event loop for seconds (a Slack
 * Socket Mode connection whose ping goes unanswered for 5 s is dropped).
 */
export function pacedStore<S extends Store>(store: S, pace: () => Promise<void> = pacer(), gate: Gate = NO_GATE): S {
  return new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      return async (...args: unknown[]) => {
        await pace();
        // A yield of the pacer may have let a transaction begin: wait for it, then pace again.
        while (gate.busy) {
          await gate.idle();
          await pace();
        }
        const result = await method.apply(target, args);
        await pace();
        return result;
      };
    },
  });
}
