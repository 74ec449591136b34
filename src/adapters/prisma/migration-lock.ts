/**
 * Two processes may open a new database at the same moment (the bot and a
 * CLI command). SQLite has no migration lock and the schema engine fails on
 * a busy database, so migrating is serialised with a lock file beside the
 * database, and skipped altogether when every migration is applied already.
 */
import { closeSync, openSync, rmSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { sqliteFilePath } from './migration-files.ts';

/** A lock older than this was left by a process that died while migrating. */
const STALE_LOCK_MS = 120_000;
const WAIT_LIMIT_MS = 60_000;

/** Whether the database has applied, and finished, every migration named. */
export function isUpToDate(databaseUrl: string, migrationNames: string[]): boolean {
  const file = sqliteFilePath(databaseUrl);
  if (file === null) return false;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5_000 });
    const rows = db
      .prepare(
        'SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
      )
      .all() as Array<{ name: string }>;
    const applied = new Set(rows.map((r) => r.name));
    return migrationNames.every((name) => applied.has(name));
  } catch {
    // No file yet, or no migrations table: the engine decides.
    return false;
  } finally {
    db?.close();
  }
}

/** Runs `work` holding `<database>.migrate-lock`, waiting for another holder to finish. */
export async function withMigrationLock<T>(databaseUrl: string, work: () => Promise<T>): Promise<T> {
  const file = sqliteFilePath(databaseUrl);
  if (file === null) return work();
  const lock = `${file}.migrate-lock`;
  const giveUpAt = Date.now() + WAIT_LIMIT_MS;
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (isStale(lock)) rmSync(lock, { force: true });
      else if (Date.now() > giveUpAt)
        throw new Error(
          `Another process has been migrating ${file} for over a minute (lock ${lock}); remove the lock if no process is running.`,
        );
      else await sleep(50);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { force: true });
  }
}

function isStale(lock: string): boolean {
  try {
    return Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS;
  } catch {
    return false;
  }
}
