/**
 * Group commit of small writes: writes asked for in one turn share one
 * transaction, each caller resolves after the commit, and a write that fails
 * fails only its own caller.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommit, SqliteDirect } from '../../../src/adapters/prisma/sqlite-direct.ts';

describe('GroupCommit', () => {
  let db: Database.Database;
  let sql: SqliteDirect;
  let transactions: number;
  let group: GroupCommit<number, number>;

  beforeEach(() => {
    db = new Database(':memory:');
    db.exec('CREATE TABLE t (n INTEGER PRIMARY KEY)');
    sql = new SqliteDirect(db);
    transactions = 0;
    const transaction = sql.transaction.bind(sql);
    sql.transaction = <T>(work: () => T): T => {
      transactions += 1;
      return transaction(work);
    };
    group = new GroupCommit(sql, (n: number) => {
      if (n < 0) throw new Error(`refused ${n}`);
      sql.statement('INSERT INTO t (n) VALUES (?)').run(n);
      return n * 2;
    });
  });

  afterEach(() => db.close());

  const stored = (): number => (db.prepare('SELECT count(*) AS c FROM t').get() as { c: number }).c;

  it('GIVEN 50 writes asked for in one turn WHEN they settle THEN each caller gets its own result and one transaction held them all', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, (_, n) => group.submit(n)));
    expect(results).toEqual(Array.from({ length: 50 }, (_, n) => n * 2));
    expect(transactions).toBe(1);
    expect(stored()).toBe(50);
  });

  it('GIVEN a write is asked for THEN nothing is written before the promise resolves, and it is stored when it does', async () => {
    const pending = group.submit(7);
    expect(stored()).toBe(0);
    await expect(pending).resolves.toBe(14);
    expect(stored()).toBe(1);
  });

  it('GIVEN one write that fails among others WHEN the group commits THEN only its caller is refused and the others are stored', async () => {
    const results = await Promise.allSettled([group.submit(1), group.submit(-1), group.submit(2)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(stored()).toBe(2);
  });

  it('GIVEN 600 writes in one turn THEN they commit in groups of at most 250', async () => {
    await Promise.all(Array.from({ length: 600 }, (_, n) => group.submit(n)));
    expect(transactions).toBe(3);
    expect(stored()).toBe(600);
  });
});
