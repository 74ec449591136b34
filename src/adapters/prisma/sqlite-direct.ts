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

export class SqliteDirect {
  readonly #statements = new Map<string, BetterSqlite3.Statement>();

  constructor(readonly db: BetterSqlite3.Database) {}

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
    await forEachChunk(items, size, (chunk) =>
      this.transaction(() => {
        for (const item of chunk) work(item);
      }),
    );
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
