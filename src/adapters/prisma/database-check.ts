/**
 * Looks at the SQLite file `DATABASE_URL` names before anything opens,
 * creates or migrates it, and says in one line what is wrong and what to do:
 * a folder, a system path (/proc, /dev …), a place this user may not write,
 * a damaged file, another application's database. Nothing is created while
 * checking. The schema engine and the driver would otherwise fail with a
 * stack trace, hang, or (for an empty path) keep nothing.
 */
import { accessSync, constants, existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import Database from 'better-sqlite3';
import { isPostgresUrl, sqliteFilePath } from './migration-files.ts';

const SQLITE_HEADER = 'SQLite format 3\0';
const SYSTEM_ROOTS = ['/proc', '/sys', '/dev'];
/** Tables jamun's migrations create; a database with tables but none of these belongs to someone else. */
const JAMUN_TABLES = ['_prisma_migrations', 'Round', 'Committee'];

/** The problem with the database `databaseUrl` names, as one line for the operator, or null when it looks usable. */
export function databaseProblem(databaseUrl: string): string | null {
  // A PostgreSQL server answers for itself when the store connects.
  if (isPostgresUrl(databaseUrl)) return null;
  let file: string | null;
  try {
    file = sqliteFilePath(databaseUrl);
  } catch {
    return 'DATABASE_URL must be a SQLite URL starting with file: (e.g. file:./data/jamun.db) or a PostgreSQL URL starting with postgres://.';
  }
  if (file === null) {
    return databaseUrl.trim() === 'file:'
      ? 'DATABASE_URL=file: names no file, so nothing would be kept. Set it to a file such as file:./data/jamun.db, or unset it for that default.'
      : null;
  }
  const path = resolve(file);
  const named = `DATABASE_URL names ${path}`;
  if (SYSTEM_ROOTS.some((root) => path === root || path.startsWith(`${root}${sep}`)))
    return `${named}, a system path, not a database file. Point it at a file in a data folder, e.g. file:./data/jamun.db.`;
  if (existsSync(path)) return existingFileProblem(path, named);
  const folder = nearestExisting(dirname(path));
  if (!statSync(folder).isDirectory())
    return `${named}, but ${folder} is a file, not a folder. Point DATABASE_URL at a file in a folder.`;
  if (!writable(folder))
    return `${named}, but this user may not create files in ${folder}. Choose a folder it may write to, or change the folder's permissions.`;
  return null;
}

function existingFileProblem(path: string, named: string): string | null {
  const stat = statSync(path);
  if (stat.isDirectory())
    return `${named}, which is a folder, not a database file. Name a file inside it, e.g. file:${path}${sep}jamun.db.`;
  if (!stat.isFile())
    return `${named}, which is not a regular file. Point it at a database file, e.g. file:./data/jamun.db.`;
  if (!writable(path) || !writable(dirname(path)))
    return `${named}, which this user may not write (SQLite also writes next to it, in ${dirname(path)}). Fix the permissions or choose another file.`;
  if (stat.size === 0) return null;
  if (readHeader(path) !== SQLITE_HEADER)
    return `${named}, which is not a SQLite database (another kind of file, or damaged). Restore it from a backup, or point DATABASE_URL at a new file.`;
  return contentProblem(path, named, stat.size);
}

/** Truncation (the header's page count says more than the file holds) and foreign databases. */
function contentProblem(path: string, named: string, size: number): string | null {
  const damaged = `${named}, which is damaged (truncated or corrupt). Restore it from a backup, or point DATABASE_URL at a new file.`;
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize;
  const pages = header.readUInt32BE(28);
  if (pageSize < 512 || size % pageSize !== 0 || (pages > 0 && pages * pageSize > size)) return damaged;
  let tables: string[];
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      tables = (
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{
          name: string;
        }>
      ).map((row) => row.name);
      const check = db.prepare('PRAGMA quick_check(1)').get() as { quick_check?: string } | undefined;
      if (check?.quick_check !== 'ok') return damaged;
    } finally {
      db.close();
    }
  } catch {
    return damaged;
  }
  if (tables.length > 0 && !JAMUN_TABLES.some((t) => tables.includes(t))) {
    const shown = tables.slice(0, 5).join(', ') + (tables.length > 5 ? ', …' : '');
    return `${named}, a database of another application (tables ${shown}). jamun will not write into it: point DATABASE_URL at a new file, e.g. file:./data/jamun.db.`;
  }
  return null;
}

function readHeader(path: string): string {
  const buffer = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    const read = readSync(fd, buffer, 0, 16, 0);
    return buffer.subarray(0, read).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

function nearestExisting(folder: string): string {
  let current = folder;
  while (!existsSync(current)) {
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return current;
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
