/**
 * `jamun db backup FILE`: a consistent copy of a running SQLite database
 * (SQLite's online backup: the bot may keep writing meanwhile). PostgreSQL is
 * backed up with its own tools; the guidance names them.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { isPostgresUrl, sqliteFilePath } from './migration-files.ts';

/** What a backup did, or why it did nothing. */
export type BackupResult =
  | { ok: true; pages: number }
  | { ok: false; reason: 'postgres' | 'in_memory' | 'missing' | 'target_exists'; message: string };

export const PG_DUMP_GUIDANCE =
  'DATABASE_URL names PostgreSQL: back it up with its own tools, e.g. `pg_dump --format=custom --file=jamun.dump "$DATABASE_URL"` (restore with `pg_restore --clean --dbname "$DATABASE_URL" jamun.dump`), or the managed service\'s snapshots.';

export async function backupDatabase(databaseUrl: string, target: string): Promise<BackupResult> {
  if (isPostgresUrl(databaseUrl)) return { ok: false, reason: 'postgres', message: PG_DUMP_GUIDANCE };
  const file = sqliteFilePath(databaseUrl);
  if (file === null)
    return { ok: false, reason: 'in_memory', message: 'An in-memory database keeps nothing to back up.' };
  if (!existsSync(file))
    return { ok: false, reason: 'missing', message: `${file} does not exist: nothing to back up.` };
  if (existsSync(target))
    return { ok: false, reason: 'target_exists', message: `${target} exists already: choose a new file name.` };
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const progress = await db.backup(target);
    return { ok: true, pages: progress.totalPages };
  } finally {
    db.close();
  }
}
