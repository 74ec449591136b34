/**
 * PostgreSQL's schema follows schema.prisma (it is generated from it), and
 * its migrations build exactly that schema. The first part needs no server;
 * the second runs on the server JAMUN_TEST_POSTGRES_URL names
 * (scripts/test-postgres.sh), and in CI it must.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createPostgresMigration,
  diffDatabaseToSchema,
  migrateDatabase,
} from '../../../src/adapters/prisma/migrate.ts';
import { REPO_PATHS, type PrismaPaths } from '../../../src/adapters/prisma/migration-files.ts';
import { expectedPostgresSchema, POSTGRES_PATHS } from '../../../src/adapters/prisma/postgres-schema.ts';
import { describeWithPostgres, emptyPostgresDatabase } from './postgres-test-db.ts';

const folder = mkdtempSync(join(tmpdir(), 'jamun-pg-migrate-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const postgresMigrations = readdirSync(POSTGRES_PATHS.migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('the PostgreSQL schema', () => {
  it('GIVEN schema.prisma THEN prisma/postgres/schema.prisma is generated from it, unchanged since', () => {
    expect(
      readFileSync(POSTGRES_PATHS.schemaPath, 'utf8'),
      "schema.prisma changed without PostgreSQL's schema and migration: run scripts/test-postgres.sh sh -c 'npm run jamun -- db new-migration NAME --postgres-url \"$JAMUN_TEST_POSTGRES_URL\"'",
    ).toBe(expectedPostgresSchema());
  });

  it('GIVEN the generated schema THEN only its datasource and client output differ from schema.prisma', () => {
    const models = (text: string) => text.slice(text.indexOf('/// A committee'));
    expect(models(readFileSync(POSTGRES_PATHS.schemaPath, 'utf8'))).toBe(
      models(readFileSync(REPO_PATHS.schemaPath, 'utf8')),
    );
    expect(readFileSync(POSTGRES_PATHS.schemaPath, 'utf8')).toContain('provider = "postgresql"');
  });
});

/** A copy of the repository's prisma folder (both schemas) that a test may change. */
function copyOfPrismaFolders(name: string): { sqlite: PrismaPaths; postgres: PrismaPaths } {
  const root = join(folder, name);
  const sqlite = { schemaPath: join(root, 'schema.prisma'), migrationsDir: join(root, 'migrations') };
  const postgres = {
    schemaPath: join(root, 'postgres', 'schema.prisma'),
    migrationsDir: join(root, 'postgres', 'migrations'),
  };
  mkdirSync(join(root, 'postgres'), { recursive: true });
  cpSync(REPO_PATHS.schemaPath, sqlite.schemaPath);
  cpSync(POSTGRES_PATHS.schemaPath, postgres.schemaPath);
  cpSync(POSTGRES_PATHS.migrationsDir, postgres.migrationsDir, { recursive: true });
  return { sqlite, postgres };
}

describeWithPostgres('PostgreSQL migrations', (url) => {
  it('GIVEN a new database WHEN migrated twice THEN every migration is applied once', async () => {
    const db = await emptyPostgresDatabase(url, 'twice');
    expect(await migrateDatabase(db)).toEqual({ applied: postgresMigrations });
    expect(await migrateDatabase(db)).toEqual({ applied: [] });
  });

  it('GIVEN two instances starting on a new database at once WHEN both migrate THEN both succeed and each migration is applied once', async () => {
    const db = await emptyPostgresDatabase(url, 'race');
    const results = await Promise.all([migrateDatabase(db), migrateDatabase(db)]);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(postgresMigrations);
  });

  it('GIVEN all migrations applied THEN the database matches prisma/postgres/schema.prisma exactly (no drift)', async () => {
    const db = await emptyPostgresDatabase(url, 'drift');
    await migrateDatabase(db);
    expect(await diffDatabaseToSchema(db, POSTGRES_PATHS)).toBe('');
  });

  it('GIVEN the repository schemas THEN no PostgreSQL migration is pending', async () => {
    const { sqlite, postgres } = copyOfPrismaFolders('same');
    expect(await createPostgresMigration('nothing', url, sqlite, postgres)).toEqual({ upToDate: true });
  });

  it('GIVEN schema.prisma with a new model WHEN the PostgreSQL migration is created THEN it holds that change and applying it leaves no drift', async () => {
    const { sqlite, postgres } = copyOfPrismaFolders('changed');
    appendFileSync(sqlite.schemaPath, '\nmodel Note {\n  id   Int    @id\n  text String\n}\n');
    const result = await createPostgresMigration('add_note', url, sqlite, postgres);
    if (!('path' in result)) throw new Error('expected a new migration');
    expect(readFileSync(join(result.path, 'migration.sql'), 'utf8')).toContain('CREATE TABLE "Note"');
    expect(readFileSync(postgres.schemaPath, 'utf8')).toContain('model Note');
    const db = await emptyPostgresDatabase(url, 'changed');
    expect((await migrateDatabase(db, postgres)).applied).toHaveLength(postgresMigrations.length + 1);
    expect(await diffDatabaseToSchema(db, postgres)).toBe('');
  });
});
