/**
 * Direct better-sqlite3 access on the connection Prisma uses, for the hot
 * path and for bulk writes. Prisma's adapter prepares every statement again
 * on every call (about 3× the cost of the SQL itself); here statements are
 * prepared once. Bulk writes run as synchronous transactions of a bounded
 * number of rows, so no statement holds an unbounded id list and no slice
 * blocks the event loop for long.
 *
 * Sharing Prisma's connection matters: a second connection to the same file
 * would wait synchronously on Prisma's write lock while Prisma waits on the
 * event loop. Synchronous transactions cannot interleave with anything.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { forEachChunk, WRITE_CHUNK } from '../../core/cooperate.ts';

/** A value better-sqlite3 binds: dates as epoch milliseconds, booleans as 0/1 (the schema's storage). */
export type SqlValue = string | number | bigint | null;

/**
 * One transaction at a time on the shared connection. A Prisma transaction
 * that awaits (the open of a round yields to the event loop between slices
 * of rows) leaves the connection inside BEGIN … COMMIT while other callers
 * run; a statement of theirs on the same connection would join it: a
 * member's saved answer rolled back with a failed open, or a job of an open
 * not yet committed claimed and sent. Such a transaction holds the gate;
 * everything else waits until it is released.
 */
export class ConnectionGate {
  #held: Promise<void> | null = null;

  /** True while a transaction holds the connection. */
  get busy(): boolean {
    return this.#held !== null;
  }

  /** Resolves once no transaction holds the connection (at once when none does). */
  async idle(): Promise<void> {
    for (let held = this.#held; held !== null; held = this.#held) await held;
  }

  /** Waits until the connection is free, then holds it until the returned function is called. */
  async hold(): Promise<() => void> {
    for (let held = this.#held; held !== null; held = this.#held) await held;
    let release: () => void = () => {};
    this.#held = new Promise((resolve) => {
      release = resolve;
    });
    return () => {
      this.#held = null;
      release();
    };
  }
}

/**
 * `connection` (Prisma's driver adapter) with its transactions holding
 * `gate` from BEGIN to COMMIT or ROLLBACK, and its other statements waiting
 * while one does.
 */
export function gatedConnection<C extends object>(connection: C, gate: ConnectionGate): C {
  const waiting = new Set<PropertyKey>(['queryRaw', 'executeRaw', 'executeScript']);
  return new Proxy(connection, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => Promise<unknown>;
      if (waiting.has(property)) {
        return async (...args: unknown[]) => {
          await gate.idle();
          return method.apply(target, args);
        };
      }
      if (property !== 'startTransaction') return method.bind(target);
      return async (...args: unknown[]) => {
        const release = await gate.hold();
        try {
          return releasingOnEnd((await method.apply(target, args)) as object, release);
        } catch (error) {
          release();
          throw error;
        }
      };
    },
  });
}

/** A driver transaction that calls `release` once committed or rolled back. */
function releasingOnEnd<T extends object>(transaction: T, release: () => void): T {
  return new Proxy(transaction, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => Promise<unknown>;
      if (property !== 'commit' && property !== 'rollback') return method.bind(target);
      return async (...args: unknown[]) => {
        try {
          return await method.apply(target, args);
        } finally {
          release();
        }
      };
    },
  });
}

export class SqliteDirect {
  readonly #statements = new Map<string, BetterSqlite3.Statement>();

  constructor(
    readonly db: BetterSqlite3.Database,
    /** Held by Prisma's transactions on the same connection: direct writes wait for it. */
    readonly gate: ConnectionGate = new ConnectionGate(),
  ) {}

  /** The statement for `sql`, prepared once; integers come back as numbers. */
  statement(sql: string): BetterSqlite3.Statement {
    let prepared = this.#statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      if (prepared.reader) prepared.safeIntegers(false);
      this.#statements.set(sql, prepared);
    }
    return prepared;
  }

  /** Runs `work` atomically (nested calls become savepoints). */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  /**
   * Writes `items` in transactions of at most `size` rows, yielding to the
   * event loop between them. Each slice is atomic; the whole is not, so
   * callers write idempotent rows (upserts, ON CONFLICT DO NOTHING).
   */
  async writeInSlices<T>(items: readonly T[], work: (item: T) => void, size = WRITE_CHUNK): Promise<void> {
    await forEachChunk(items, size, async (chunk) => {
      // A Prisma transaction may have begun during the yield before this slice.
      await this.gate.idle();
      this.transaction(() => {
        for (const item of chunk) work(item);
      });
    });
  }
}

/** A stored date (epoch ms, or text from an older format) as a Date. */
export function dateOf(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number' || typeof value === 'bigint') return new Date(Number(value));
  if (typeof value === 'string') return /^\d+$/.test(value) ? new Date(Number(value)) : new Date(value);
  throw new Error(`not a stored date: ${String(value)}`);
}

/** A nullable stored date. */
export function optionalDateOf(value: unknown): Date | null {
  return value === null || value === undefined ? null : dateOf(value);
}

/** A date or boolean as the value bound for its column. */
export function bindable(value: Date | boolean | string | number | null | undefined): SqlValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** Writes grouped into one transaction: at most this many, so a group stays a few milliseconds. */
const GROUP_LIMIT = WRITE_CHUNK;

interface Pending<Req, Res> {
  request: Req;
  resolve: (result: Res) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: writes requested during one turn of the event loop are
 * committed together in one transaction on the next turn (a commit, not the
 * statements, is most of a small write's cost). Each caller's promise
 * resolves only after its write is committed, so "store before
 * acknowledging" holds. If the group fails, each write is retried alone, so
 * one bad write fails only its own caller.
 */
export class GroupCommit<Req, Res> {
  #pending: Array<Pending<Req, Res>> = [];
  #scheduled = false;

  constructor(
    private readonly sql: SqliteDirect,
    private readonly write: (request: Req) => Res,
  ) {}

  submit(request: Req): Promise<Res> {
    return new Promise<Res>((resolve, reject) => {
      this.#pending.push({ request, resolve, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => this.#flush());
      }
    });
  }

  #flush(): void {
    if (this.sql.gate.busy) {
      // Not inside another caller's transaction: after it.
      void this.sql.gate.idle().then(() => this.#flush());
      return;
    }
    const group = this.#pending.splice(0, GROUP_LIMIT);
    if (this.#pending.length > 0) setImmediate(() => this.#flush());
    else this.#scheduled = false;
    let results: Res[];
    try {
      results = this.sql.transaction(() => group.map((entry) => this.write(entry.request)));
    } catch {
      for (const entry of group) {
        try {
          entry.resolve(this.sql.transaction(() => this.write(entry.request)));
        } catch (error) {
          entry.reject(error);
        }
      }
      return;
    }
    for (const [index, entry] of group.entries()) entry.resolve(results[index] as Res);
  }
}
