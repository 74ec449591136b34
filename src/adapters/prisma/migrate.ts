/**
 * Database migrations without Prisma's native engine: the same migrations
 * folder and `_prisma_migrations` bookkeeping as `prisma migrate deploy` and
 * `prisma migrate dev --create-only`, driven through the wasm schema engine.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { SchemaFilter } from '@prisma/schema-engine-wasm/schema_engine_bg';
import {
  ensureDatabaseFolder,
  isPostgresUrl,
  loadMigrationList,
  readSchemaFile,
  REPO_PATHS,
  writeLockFile,
  type PrismaPaths,
} from './migration-files.ts';
import { isUpToDate, withMigrationLock } from './migration-lock.ts';
import { expectedPostgresSchema, POSTGRES_PATHS, writePostgresSchema } from './postgres-schema.ts';

/**
 * The schema engine (WebAssembly, both drivers) and pg load only when a migration is applied or written: every
 * start of the bot and of each CLI command checks for pending migrations, and on SQLite finds none in milliseconds.
 */
const openSchemaEngine: typeof import('./schema-engine.ts')['openSchemaEngine'] = async (...args) =>
  (await import('./schema-engine.ts')).openSchemaEngine(...args);

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

/**
 * Applies the migrations that `databaseUrl` lacks (the product's `jamun db
 * migrate`): `prisma/migrations` for SQLite, `prisma/postgres/migrations` for
 * PostgreSQL. Idempotent. Creates a SQLite database file and its folder when
 * missing. `paths` defaults to the repository's for the URL's database.
 */
export async function migrateDatabase(databaseUrl: string, paths?: PrismaPaths): Promise<{ applied: string[] }> {
  const postgres = isPostgresUrl(databaseUrl);
  const used = paths ?? (postgres ? POSTGRES_PATHS : REPO_PATHS);
  if (!postgres) ensureDatabaseFolder(databaseUrl);
  const list = loadMigrationList(used);
  const names = list.migrationDirectories.map((d) => d.path);
  // Every start of the bot and of each CLI command passes here: skip the
  // engine when nothing is pending (and so never race another process for it).
  const pgMigrate = postgres ? await import('./postgres-migrate.ts') : undefined;
  const upToDate = pgMigrate ? await pgMigrate.isPostgresUpToDate(databaseUrl, names) : isUpToDate(databaseUrl, names);
  if (upToDate) return { applied: [] };
  const apply = async () => {
    const open = await openSchemaEngine(databaseUrl, readSchemaFile(used));
    try {
      const { appliedMigrationNames } = await open.engine.applyMigrations({ migrationsList: list, filters: NO_FILTER });
      return { applied: appliedMigrationNames };
    } finally {
      await open.close();
    }
  };
  return pgMigrate ? pgMigrate.withPostgresMigrationLock(databaseUrl, apply) : withMigrationLock(databaseUrl, apply);
}

/**
 * Writes a new migration folder (`<UTC timestamp>_<name>/migration.sql`) with
 * the SQL that takes the migrations folder to `prisma/schema.prisma`, or says
 * it is up to date. The wasm engine cannot open a shadow database of its own,
 * so the migrations are replayed into a throw-away SQLite file and that file
 * is diffed against the schema, which is what `migrate dev` does in a shadow
 * database.
 */
export async function createMigration(
  name: string,
  paths: PrismaPaths = REPO_PATHS,
): Promise<{ path: string } | { upToDate: true }> {
  const script =
    loadMigrationList(paths).migrationDirectories.length === 0
      ? await diffEmptyToSchema(paths)
      : await withScratchDatabase(async (url) => {
          await migrateDatabase(url, paths);
          return diffDatabaseToSchema(url, paths);
        });
  return writeMigration(name, script, 'sqlite', paths);
}

/** Writes `<UTC timestamp>_<name>/migration.sql` holding `script`, or says nothing changed. */
function writeMigration(
  name: string,
  script: string,
  provider: string,
  paths: PrismaPaths,
): { path: string } | { upToDate: true } {
  if (script === '') return { upToDate: true };
  const folder = join(paths.migrationsDir, `${migrationTimestamp(new Date())}_${name}`);
  if (existsSync(folder)) throw new Error(`The migration folder ${folder} exists already.`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'migration.sql'), `${script}\n`, 'utf8');
  writeLockFile(provider, paths);
  return { path: folder };
}

/**
 * Brings PostgreSQL in step with schema.prisma: regenerates
 * prisma/postgres/schema.prisma and writes the migration between the old and
 * the new one (a diff of two datamodels). The wasm engine opens a connection
 * to `postgresUrl` before it diffs anything, so a PostgreSQL server must be
 * reachable (scripts/test-postgres.sh starts one); nothing in it changes.
 */
export async function createPostgresMigration(
  name: string,
  postgresUrl: string,
  sqlitePaths: PrismaPaths = REPO_PATHS,
  postgresPaths: PrismaPaths = POSTGRES_PATHS,
): Promise<{ path: string } | { upToDate: true }> {
  const next = { path: postgresPaths.schemaPath, content: expectedPostgresSchema(sqlitePaths) };
  const previous = existsSync(postgresPaths.schemaPath) ? readSchemaFile(postgresPaths) : null;
  const open = await openSchemaEngine(postgresUrl, next);
  let script: string;
  try {
    const result = await open.engine.diff({
      from: previous === null ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [previous] },
      to: { tag: 'schemaDatamodel', files: [next] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    script = scriptOf(result.stdout);
  } finally {
    await open.close();
  }
  writePostgresSchema(sqlitePaths, postgresPaths);
  return writeMigration(name, script, 'postgresql', postgresPaths);
}

/**
 * The SQL that would take the database at `databaseUrl` to schema.prisma;
 * empty when they match (no drift).
 */
export function diffDatabaseToSchema(databaseUrl: string, paths: PrismaPaths = REPO_PATHS): Promise<string> {
  return diffToSchema(databaseUrl, paths, 'database');
}

function diffEmptyToSchema(paths: PrismaPaths): Promise<string> {
  return diffToSchema('file::memory:', paths, 'empty');
}

/** The engine's diff script from the database (or from nothing) to schema.prisma. */
async function diffToSchema(databaseUrl: string, paths: PrismaPaths, from: 'database' | 'empty'): Promise<string> {
  const schema = readSchemaFile(paths);
  const open = await openSchemaEngine(databaseUrl, schema);
  try {
    const result = await open.engine.diff({
      from:
        from === 'empty'
          ? { tag: 'empty' }
          : { tag: 'schemaDatasource', files: [schema], configDir: dirname(schema.path) },
      to: { tag: 'schemaDatamodel', files: [schema] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return scriptOf(result.stdout);
  } finally {
    await open.close();
  }
}

/** The engine answers an empty diff with a comment line only. */
function scriptOf(stdout: string | null): string {
  const text = (stdout ?? '').trim();
  const statements = text.split('\n').filter((line) => line.trim() !== '' && !line.trim().startsWith('--'));
  return statements.length === 0 ? '' : text;
}

async function withScratchDatabase<T>(use: (url: string) => Promise<T>): Promise<T> {
  const folder = mkdtempSync(join(tmpdir(), 'jamun-shadow-'));
  try {
    return await use(`file:${join(folder, 'shadow.db')}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** `YYYYMMDDHHMMSS` in UTC, as Prisma names migration folders. */
function migrationTimestamp(at: Date): string {
  return at.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}
