/**
 * Migrating a PostgreSQL database that several instances start against at
 * once: the first takes an advisory lock and migrates, the others wait on it
 * and then find nothing pending. Every start checks `_prisma_migrations`
 * first, so an up-to-date database never opens the schema engine.
 */
import pg from 'pg';

/** An advisory lock key of jamun's own (the schema engine takes Prisma's, on its own connection). */
const MIGRATE_LOCK_KEY = 7_243_113_001;

/** Whether the database has applied, and finished, every migration named. */
export async function isPostgresUpToDate(databaseUrl: string, migrationNames: string[]): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rows = await client.query<{ name: string }>(
      'SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const applied = new Set(rows.rows.map((r) => r.name));
    return migrationNames.every((name) => applied.has(name));
  } catch {
    // No migrations table yet: the engine decides.
    return false;
  } finally {
    await client.end();
  }
}

/** Runs `work` holding jamun's migration advisory lock on the database. */
export async function withPostgresMigrationLock<T>(databaseUrl: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATE_LOCK_KEY]);
    return await work();
  } finally {
    // Ending the session releases the lock too; unlock first so a pooled server frees it at once.
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATE_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
