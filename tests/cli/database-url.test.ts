/**
 * Every bad DATABASE_URL ends the command with one line naming the variable
 * and the file and what to do, a non-zero exit code, no stack trace, and
 * nothing created where it should not be.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.ts';
import { fileURLToPath } from 'node:url';
import { runJamun, useCliSandbox } from './cli-sandbox.ts';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('a bad DATABASE_URL', { timeout: 60_000 }, () => {
  const sandbox = useCliSandbox({ prefix: 'jamun-dburl-' });
  let dir: string;
  beforeAll(() => {
    dir = sandbox.dir;
  });

  /** Runs `jamun round list` (and `db migrate`) with DATABASE_URL set to `url`; both must fail the same way. */
  async function withUrl(url: string) {
    process.env.DATABASE_URL = url;
    const results = [];
    for (const args of [
      ['round', 'list'],
      ['db', 'migrate'],
    ]) {
      const r = await runJamun(...args);
      expect(r.out).toBe('');
      results.push({ code: r.code, first: r.firstErr });
    }
    expect(results[1]).toEqual(results[0]);
    return results[0] ?? { code: -1, first: '' };
  }

  it('GIVEN file: with no path THEN 6 naming the variable, never an in-memory database that keeps nothing', async () => {
    process.env.DATABASE_URL = 'file:';
    const r = await runJamun('round', 'list');
    expect(r.code).toBe(EXIT.config);
    expect(r.errLines[1]).toBe(
      'environment: DATABASE_URL: names no file (file: alone would keep nothing); use e.g. file:./data/jamun.db, or unset it for that default',
    );
  });

  it('GIVEN a folder THEN 5 naming it, and nothing is created inside', async () => {
    const folder = path.join(dir, 'a-folder');
    mkdirSync(folder);
    const r = await withUrl(`file:${folder}`);
    expect(r.code).toBe(EXIT.io);
    expect(r.first).toBe(
      `DATABASE_URL names ${folder}, which is a folder, not a database file. Name a file inside it, e.g. file:${folder}/jamun.db.`,
    );
    expect(readdirSync(folder)).toEqual([]);
  });

  it('GIVEN a file that is not SQLite THEN 5 saying so, and the file is left as it was', async () => {
    const file = path.join(dir, 'notes.db');
    writeFileSync(file, 'these are not the tables you are looking for');
    const r = await withUrl(`file:${file}`);
    expect(r.code).toBe(EXIT.io);
    expect(r.first).toBe(
      `DATABASE_URL names ${file}, which is not a SQLite database (another kind of file, or damaged). Restore it from a backup, or point DATABASE_URL at a new file.`,
    );
  });

  it('GIVEN a truncated jamun database THEN 5: damaged, restore from a backup', async () => {
    const whole = path.join(dir, 'whole.db');
    process.env.DATABASE_URL = `file:${whole}`;
    expect((await runJamun('db', 'migrate')).code).toBe(EXIT.ok);
    const truncated = path.join(dir, 'truncated.db');
    writeFileSync(truncated, execFileSync('head', ['-c', '6000', whole]));
    const r = await withUrl(`file:${truncated}`);
    expect(r.code).toBe(EXIT.io);
    expect(r.first).toBe(
      `DATABASE_URL names ${truncated}, which is damaged (truncated or corrupt). Restore it from a backup, or point DATABASE_URL at a new file.`,
    );
  });

  it("GIVEN another application's SQLite database THEN 5 naming its tables, and no jamun table is added", async () => {
    const file = path.join(dir, 'crm.db');
    const db = new Database(file);
    db.exec('CREATE TABLE customers (id INTEGER); CREATE TABLE orders (id INTEGER)');
    db.close();
    const r = await withUrl(`file:${file}`);
    expect(r.code).toBe(EXIT.io);
    expect(r.first).toBe(
      `DATABASE_URL names ${file}, a database of another application (tables customers, orders). jamun will not write into it: point DATABASE_URL at a new file, e.g. file:./data/jamun.db.`,
    );
    const after = new Database(file, { readonly: true });
    expect(after.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({ n: 2 });
    after.close();
  });

  it('GIVEN a path under /proc THEN 5 at once (no hang): a system path', async () => {
    const r = await withUrl('file:/proc/self/jamun.db');
    expect(r.code).toBe(EXIT.io);
    expect(r.first).toBe(
      'DATABASE_URL names /proc/self/jamun.db, a system path, not a database file. Point it at a file in a data folder, e.g. file:./data/jamun.db.',
    );
  });

  it('GIVEN a path whose folder is really a file THEN 5 naming that file', async () => {
    const file = path.join(dir, 'plain-file');
    writeFileSync(file, '');
    const r = await withUrl(`file:${file}/sub/jamun.db`);
    expect(r.code).toBe(EXIT.io);
    expect(r.first).toBe(
      `DATABASE_URL names ${file}/sub/jamun.db, but ${file} is a file, not a folder. Point DATABASE_URL at a file in a folder.`,
    );
  });

  // Root may write anywhere: as root (CI) the command runs as the unprivileged user 65534 instead.
  it('GIVEN a folder this user may not write THEN 5 naming the folder, and nothing is created', () => {
    const locked = path.join(dir, 'locked');
    mkdirSync(locked, { mode: 0o755 });
    chmodSync(dir, 0o755);
    if (process.getuid?.() !== 0) chmodSync(locked, 0o500);
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: tmpdir(),
      LOG_LEVEL: 'silent',
      DATABASE_URL: `file:${locked}/data/jamun.db`,
    };
    const command = ['node', 'src/cli/bin.mjs', 'round', 'list'];
    const argv =
      process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...command] : command;
    const child = spawnSync(argv[0] ?? 'node', argv.slice(1), { cwd: REPO_ROOT, env, encoding: 'utf8' });
    expect(child.status).toBe(EXIT.io);
    expect(child.stderr.split('\n')[0]).toBe(
      `DATABASE_URL names ${locked}/data/jamun.db, but this user may not create files in ${locked}. Choose a folder it may write to, or change the folder's permissions.`,
    );
    expect(existsSync(path.join(locked, 'data'))).toBe(false);
  }, 60_000);
});
