import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createMigration, diffDatabaseToSchema, migrateDatabase } from '../../../src/adapters/prisma/migrate.ts';
import { REPO_PATHS, type PrismaPaths } from '../../../src/adapters/prisma/migration-files.ts';

const folder = mkdtempSync(join(tmpdir(), 'jamun-migrate-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const repoMigrations = readdirSync(REPO_PATHS.migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** A copy of the repository's prisma folder that a test may change. */
function copyOfPrismaFolder(name: string): PrismaPaths {
  const paths = { schemaPath: join(folder, name, 'schema.prisma'), migrationsDir: join(folder, name, 'migrations') };
  cpSync(REPO_PATHS.schemaPath, paths.schemaPath);
  cpSync(REPO_PATHS.migrationsDir, paths.migrationsDir, { recursive: true });
  return paths;
}

describe('migrateDatabase', () => {
  it('GIVEN a new database WHEN migrated twice THEN every migration is applied once and recorded', async () => {
    const file = join(folder, 'fresh', 'jamun.db');
    expect(await migrateDatabase(`file:${file}`)).toEqual({ applied: repoMigrations });
    expect(await migrateDatabase(`file:${file}`)).toEqual({ applied: [] });
    const db = new Database(file, { readonly: true });
    const recorded = db
      .prepare('SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations')
      .all();
    db.close();
    expect(recorded).toEqual(repoMigrations.map((migration_name) => ({ migration_name, finished: 1 })));
  });

  it('GIVEN two processes opening a new database at once WHEN both migrate THEN both succeed and each migration is applied once', async () => {
    const url = `file:${join(folder, 'race', 'jamun.db')}`;
    const worker = fileURLToPath(new URL('./migrate-worker.ts', import.meta.url));
    const run = () =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', worker, url]).then(
        (r) => JSON.parse(r.stdout) as { applied: string[] },
      );
    const [a, b] = await Promise.all([run(), run()]);
    expect([...a.applied, ...b.applied].sort()).toEqual(repoMigrations);
    expect(await diffDatabaseToSchema(url)).toBe('');
    // Two child processes each load tsx and Prisma: on a loaded shared machine that alone can take 20 s.
  }, 90_000);

  it('GIVEN all migrations applied THEN the database matches schema.prisma exactly (no drift)', async () => {
    const url = `file:${join(folder, 'drift.db')}`;
    await migrateDatabase(url);
    expect(await diffDatabaseToSchema(url)).toBe('');
  });

  it('GIVEN a migrated database missing an index THEN the drift check reports it', async () => {
    const file = join(folder, 'drifted.db');
    await migrateDatabase(`file:${file}`);
    const db = new Database(file);
    db.exec('DROP INDEX "Summary_roundId_idx"');
    db.close();
    expect(await diffDatabaseToSchema(`file:${file}`)).toContain('CREATE INDEX "Summary_roundId_idx"');
  });
});

describe('createMigration', () => {
  it('GIVEN the repository schema THEN its migrations are up to date', async () => {
    expect(await createMigration('nothing', copyOfPrismaFolder('same'))).toEqual({ upToDate: true });
  });

  it('GIVEN a schema with a new model WHEN a migration is created THEN it holds that change and applying it leaves no drift', async () => {
    const paths = copyOfPrismaFolder('changed');
    appendFileSync(paths.schemaPath, '\nmodel Note {\n  id   Int    @id\n  text String\n}\n');
    const result = await createMigration('add_note', paths);
    if (!('path' in result)) throw new Error('expected a new migration');
    expect(result.path).toMatch(/\/\d{14}_add_note$/);
    expect(readFileSync(join(result.path, 'migration.sql'), 'utf8')).toContain('CREATE TABLE "Note"');
    const url = `file:${join(folder, 'changed.db')}`;
    expect((await migrateDatabase(url, paths)).applied).toHaveLength(repoMigrations.length + 1);
    expect(await diffDatabaseToSchema(url, paths)).toBe('');
  });
});
