/**
 * Where `round export` and `round summary` write: `--out` may name a file or
 * a folder (an existing folder, or a path ending in `/`); folders are created
 * as needed; the default is `data/exports/`. The path printed is the one
 * written, and only after the write succeeded.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutgoingFile } from '../core/ports/messenger.ts';
import { CliFailure, EXIT } from './exit-codes.ts';

/** The default folder for exports, relative to the working directory. */
const DEFAULT_EXPORT_DIR = path.join('data', 'exports');

async function isDirectory(target: string): Promise<boolean> {
  try {
    return (await stat(target)).isDirectory();
  } catch {
    return false;
  }
}

/** The file `out` means for `file`: itself, or `file.name` inside it when it is a folder. */
async function exportTarget(fileName: string, out: string | undefined): Promise<string> {
  if (out === undefined || out === '') return path.join(DEFAULT_EXPORT_DIR, fileName);
  if (out.endsWith('/') || out.endsWith(path.sep) || (await isDirectory(out))) return path.join(out, fileName);
  return out;
}

/** Writes `file` where `out` says and returns the path written; a failure is a `CliFailure` (exit 5) naming the path. */
export async function writeExport(file: OutgoingFile, out: string | undefined): Promise<string> {
  const target = await exportTarget(file.name, out);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new CliFailure(EXIT.io, `Could not write ${target} (${describeFsError(reason)}). Nothing was written.`);
  }
  return target;
}

function describeFsError(code: string): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied: choose a folder you may write to with --out';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a part of the path is a file, not a folder';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the file system is read-only';
    default:
      return code;
  }
}
