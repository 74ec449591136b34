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
