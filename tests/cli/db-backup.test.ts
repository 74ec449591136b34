/**
 * `jamun db backup FILE`: a copy of the SQLite database that opens and holds
 * the data; a refusal (with the pg_dump command) for PostgreSQL.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { PG_DUMP_GUIDANCE } from '../../src/adapters/prisma/backup.ts';
import { EXIT } from '../../src/cli/exit-codes.ts';
import { runJamun, useCliSandbox } from './cli-sandbox.ts';

describe('jamun db backup', { timeout: 60_000 }, () => {
  const sandbox = useCliSandbox({ prefix: 'jamun-backup-' });

  it('GIVEN a migrated SQLite database THEN the backup is a database with the same tables and migrations; a second backup to the same file is refused', async () => {
    expect((await sandbox.jamun('db', 'migrate')).code).toBe(EXIT.ok);
    const target = path.join(sandbox.dir, 'backup.db');
    const run = await sandbox.jamun('db', 'backup', target);
    expect(run.code).toBe(EXIT.ok);
    expect(run.out).toMatch(/^Backed up file:.* to .*backup\.db \(\d+ pages\)\.$/);
    const copy = new Database(target, { readonly: true });
    const migrations = copy.prepare('SELECT COUNT(*) AS n FROM _prisma_migrations').get() as { n: number };
    copy.close();
    expect(migrations.n).toBeGreaterThan(0);
    const again = await sandbox.jamun('db', 'backup', target);
    expect(again.code).toBe(EXIT.io);
    expect(again.firstErr).toBe(`${target} exists already: choose a new file name.`);
  });

  it('GIVEN a PostgreSQL DATABASE_URL THEN nothing is written and pg_dump is named (exit 3)', async () => {
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = 'postgres://jamun@127.0.0.1:1/jamun';
    try {
      const target = path.join(sandbox.dir, 'pg-backup.db');
      const run = await runJamun('db', 'backup', target);
      expect(run.code).toBe(EXIT.refused);
      expect(run.firstErr).toBe(PG_DUMP_GUIDANCE);
      expect(existsSync(target)).toBe(false);
    } finally {
      process.env.DATABASE_URL = previous;
    }
  });
});
