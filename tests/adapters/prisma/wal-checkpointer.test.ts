/**
 * The WAL checkpointer (src/adapters/prisma/wal-checkpointer.ts) copies the
 * log on a worker thread once it is long, keeps copying while it is written
 * to, and empties it and stops once writes calm down. Real SQLite files; the
 * clock is passed to `poll`.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { WalCheckpointer } from '../../../src/adapters/prisma/wal-checkpointer.ts';

const THRESHOLD = 50; // frames
const KEEP_MS = 60_000;
const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A WAL database whose own connection never checkpoints, and a checkpointer of it. */
function setUp(): { db: Database.Database; file: string; checkpointer: WalCheckpointer; errors: Error[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'jamun-wal-'));
  const file = path.join(dir, 'jamun.db');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE t (v BLOB)');
  const errors: Error[] = [];
  const checkpointer = new WalCheckpointer(file, {
    thresholdFrames: THRESHOLD,
    keepWorkerMs: KEEP_MS,
    onError: (e) => errors.push(e),
  });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => {
    db.close();
  });
  cleanups.push(() => checkpointer.close());
  return { db, file, checkpointer, errors };
}

/** Writes about `pages` pages of rows, one transaction each. */
function writePages(db: Database.Database, pages: number): void {
  const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
  for (let i = 0; i < pages; i += 1) insert.run(Buffer.alloc(3_000, i % 251));
}

const walBytes = (file: string): number => statSync(`${file}-wal`).size;

describe('WalCheckpointer', () => {
  it('GIVEN a short log THEN a poll checkpoints nothing and starts no worker', async () => {
    const { db, checkpointer, errors } = setUp();
    writePages(db, 5);
    expect(await checkpointer.poll(0)).toBeNull();
    expect(checkpointer.workerRunning).toBe(false);
    expect(errors).toEqual([]);
  });

  it('GIVEN a log past the threshold THEN the worker copies all of it without blocking the writer', async () => {
    const { db, checkpointer, errors } = setUp();
    writePages(db, THRESHOLD * 2);
    const result = await checkpointer.poll(0);
    expect(result?.mode).toBe('PASSIVE');
    expect(result?.log).toBeGreaterThanOrEqual(THRESHOLD * 2);
    expect(result?.checkpointed).toBe(result?.log);
    expect(checkpointer.workerRunning).toBe(true);
    // The copied pages are in the database file: another connection reads them with the log emptied.
    writePages(db, 1);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: THRESHOLD * 2 + 1 });
    expect(errors).toEqual([]);
  });

  it('GIVEN the worker running and the log written to again THEN each poll copies, within the keep time', async () => {
    const { db, checkpointer } = setUp();
    writePages(db, THRESHOLD * 2);
    await checkpointer.poll(5_000);
    writePages(db, 3);
    const again = await checkpointer.poll(5_000 + KEEP_MS - 1);
    expect(again?.mode).toBe('PASSIVE');
    expect(again?.checkpointed).toBe(again?.log);
    expect(again?.log).toBeGreaterThan(0);
    expect(checkpointer.workerRunning).toBe(true);
  });

  it('GIVEN the worker running and nothing written since THEN a poll within the keep time copies nothing and keeps it', async () => {
    const { db, checkpointer } = setUp();
    writePages(db, THRESHOLD * 2);
    await checkpointer.poll(0);
    expect(await checkpointer.poll(1_000)).toBeNull();
    expect(checkpointer.workerRunning).toBe(true);
  });

  it('GIVEN it is started THEN its timer checkpoints a long log by itself, and after close it starts nothing', async () => {
    const { db, file } = setUp();
    const checkpointer = new WalCheckpointer(file, { thresholdFrames: THRESHOLD, pollMs: 10 });
    cleanups.push(() => checkpointer.close());
    checkpointer.start();
    checkpointer.start(); // a second start adds no second timer
    writePages(db, THRESHOLD * 2);
    for (let waited = 0; !checkpointer.workerRunning && waited < 10_000; waited += 10) await sleep(10);
    expect(checkpointer.workerRunning).toBe(true);
    await checkpointer.close();
    expect(checkpointer.workerRunning).toBe(false);
    writePages(db, THRESHOLD * 2);
    await sleep(50);
    expect(checkpointer.workerRunning).toBe(false);
  });

  it('GIVEN it is closed while a poll looks at the log THEN no worker is left running', async () => {
    const { db, checkpointer } = setUp();
    writePages(db, THRESHOLD * 2);
    const polling = checkpointer.poll(0);
    await checkpointer.close();
    expect(await polling).toBeNull();
    expect(checkpointer.workerRunning).toBe(false);
  });

  it('GIVEN a poll while a checkpoint is on its way THEN that poll does nothing', async () => {
    const { db, checkpointer } = setUp();
    writePages(db, THRESHOLD * 2);
    const first = checkpointer.poll(0);
    while (!checkpointer.workerRunning) await sleep(1);
    writePages(db, 5);
    expect(await checkpointer.poll(1)).toBeNull();
    expect((await first)?.mode).toBe('PASSIVE');
  });

  it('GIVEN the keep time over and only a few pages written since THEN they are copied and the log emptied', async () => {
    const { db, file, checkpointer } = setUp();
    writePages(db, THRESHOLD * 2);
    await checkpointer.poll(0);
    writePages(db, 3);
    expect((await checkpointer.poll(KEEP_MS))?.mode).toBe('TRUNCATE');
    expect(walBytes(file)).toBe(0);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: THRESHOLD * 2 + 3 });
  });

  it('GIVEN the keep time over and writes calm THEN the log file is emptied and the worker stops', async () => {
    const { db, file, checkpointer } = setUp();
    writePages(db, THRESHOLD * 2);
    await checkpointer.poll(5_000);
    expect(walBytes(file)).toBeGreaterThan(THRESHOLD * 4_096);
    expect(await checkpointer.poll(5_000 + KEEP_MS - 1)).toBeNull();
    const emptied = await checkpointer.poll(5_000 + KEEP_MS);
    expect(emptied?.mode).toBe('TRUNCATE');
    expect(walBytes(file)).toBe(0);
    expect(checkpointer.workerRunning).toBe(false);
    // The next burst starts it again.
    writePages(db, THRESHOLD * 2);
    expect((await checkpointer.poll(5_000 + KEEP_MS + 1))?.mode).toBe('PASSIVE');
    expect(checkpointer.workerRunning).toBe(true);
  });

  it('GIVEN the keep time over but the log still long THEN the worker keeps copying', async () => {
    const { db, checkpointer } = setUp();
    writePages(db, THRESHOLD * 2);
    await checkpointer.poll(0);
    writePages(db, THRESHOLD * 2);
    const busy = await checkpointer.poll(KEEP_MS * 2);
    expect(busy?.mode).toBe('PASSIVE');
    expect(checkpointer.workerRunning).toBe(true);
  });

  it('GIVEN a log file without its database THEN the failure is told, the worker stopped, and the next poll tries again', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jamun-wal-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'missing.db');
    writeFileSync(`${file}-wal`, Buffer.alloc(THRESHOLD * 4_200));
    const errors: Error[] = [];
    const checkpointer = new WalCheckpointer(file, { thresholdFrames: THRESHOLD, onError: (e) => errors.push(e) });
    cleanups.push(() => checkpointer.close());
    expect(await checkpointer.poll(0)).toBeNull();
    expect(errors).toHaveLength(1);
    expect(checkpointer.workerRunning).toBe(false);
    expect(await checkpointer.poll(1)).toBeNull();
    expect(errors).toHaveLength(2);
  });

  it('GIVEN it is closed THEN polls do nothing and the worker is gone', async () => {
    const { db, checkpointer } = setUp();
    writePages(db, THRESHOLD * 2);
    await checkpointer.poll(0);
    await checkpointer.close();
    expect(checkpointer.workerRunning).toBe(false);
    expect(await checkpointer.poll(1)).toBeNull();
    expect(checkpointer.workerRunning).toBe(false);
  });
});
