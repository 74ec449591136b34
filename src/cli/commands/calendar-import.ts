/**
 * `jamun calendar import FILE`: reads an official holiday list a person saved
 * (a getRestDeInfo response, JSON or XML, or a `date,name` CSV) into the
 * deployment's calendar data, `<config>/holidays/CC-YYYY.json`, after
 * validating it and printing what changes. A malformed file is refused whole.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  createHolidaySource,
  diffOfficialYear,
  parseHolidayFile,
  toServiceJson,
  type YearDiff,
} from '../../core/calendar/index.ts';
import { HOLIDAYS_FOLDER, holidayFileName, readHolidayFolder } from '../../config/holiday-files.ts';
import type { Output } from '../context.ts';

/** Exit codes of the command (see README, Exit codes). */
const EXIT = { refused: 3, notFound: 4, io: 5 } as const;

/** Options of {@link importHolidayFile}. */
interface ImportOptions {
  country: string;
  configDir: string;
  dryRun: boolean;
  now: Date;
}

/** Runs the import and returns the exit code. */
export function importHolidayFile(file: string, options: ImportOptions, output: Output): number {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    output.err(
      code === 'ENOENT'
        ? `${file}: no such file. Nothing was imported.`
        : `${file}: cannot be read (${code ?? String(error)}). Nothing was imported.`,
    );
    return code === 'ENOENT' ? EXIT.notFound : EXIT.io;
  }
  const country = options.country.trim().toUpperCase();
  const parsed = parseHolidayFile(bytes.toString('utf8'), { country, source: file });
  if (!parsed.ok) {
    for (const problem of parsed.problems) output.err(`${file}:${problem.line}: ${problem.reason}`);
    output.err(`${file} was refused (${parsed.problems.length} problem(s)). Nothing was imported.`);
    return EXIT.refused;
  }
  const existing = readHolidayFolder(options.configDir, options.configDir);
  const current = createHolidaySource(existing.years);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const folder = join(options.configDir, HOLIDAYS_FOLDER);
  for (const list of parsed.years) {
    for (const line of describeDiff(diffOfficialYear(current, list), country)) output.out(line);
  }
  if (options.dryRun) {
    output.out('Nothing was written (--dry-run).');
    return 0;
  }
  try {
    mkdirSync(folder, { recursive: true });
    for (const list of parsed.years) {
      const target = join(folder, holidayFileName(country, list.year));
      const provenance = {
        importedFrom: basename(file),
        sha256OfImportedFile: sha256,
        importedAt: options.now.toISOString(),
        importedBy: 'jamun calendar import',
      };
      // Written next to the target and renamed: a crash never leaves half a list.
      const temporary = `${target}.tmp-${process.pid}`;
      writeFileSync(temporary, toServiceJson({ ...list, country }, provenance));
      renameSync(temporary, target);
      output.out(`Wrote ${target}.`);
    }
  } catch (error) {
    output.err(`Could not write into ${folder}: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.io;
  }
  output.out(
    'CLI commands use the new list from now on; restart the bot (jamun start) so that reminders and deadlines use it too.',
  );
  return 0;
}

function describeDiff(diff: YearDiff, country: string): string[] {
  const lines = [
    `${country} ${diff.year}: ${diff.before.level} → official (${diff.days} closing days in the new list)`,
  ];
  for (const change of diff.changes) {
    if (change.kind === 'added') lines.push(`  + ${change.date}  ${change.after}`);
    else if (change.kind === 'removed') lines.push(`  - ${change.date}  ${change.before}`);
    else lines.push(`  ~ ${change.date}  ${change.before} → ${change.after}`);
  }
  if (diff.changes.length === 0) lines.push('  no day changes');
  return lines;
}
