/**
 * The deployment's own official holiday lists: `<config>/holidays/CC-YYYY.json`
 * (one country and year per file; `.xml` and `.csv` are read too), written by
 * `jamun calendar import` or dropped there by hand. They replace the shipped
 * list (or the rules) for their year without a release. Kept beside the
 * committees and rounds because they are configuration a person maintains,
 * reviewed and backed up with it, and read once at start like the rest.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseHolidayFile, type OfficialYear } from '../core/calendar/index.ts';
import type { ConfigError } from './config-error.ts';

/** The sub-folder of the configuration directory that holds the lists. */
export const HOLIDAYS_FOLDER = 'holidays';

const FILE_NAME = /^([A-Za-z]{2})-(\d{4})\.(json|xml|csv)$/;

/** `KR-2029.json`: the name an imported year is stored under. */
export function holidayFileName(country: string, year: number): string {
  return `${country.toUpperCase()}-${year}.json`;
}

/**
 * Reads every list of `<dir>/holidays/`; a missing folder is no list. Each
 * problem (bad name, malformed file, a file whose entries are not of the
 * year its name says) is a {@link ConfigError} with the file's line.
 * @param shown how to print `dir` in errors (relative to the working directory).
 */
export function readHolidayFolder(dir: string, shown: string): { years: OfficialYear[]; errors: ConfigError[] } {
  const folder = join(dir, HOLIDAYS_FOLDER);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return { years: [], errors: [] };
  const years: OfficialYear[] = [];
  const errors: ConfigError[] = [];
  const names = readdirSync(folder)
    .filter((name) => !name.startsWith('.'))
    .sort();
  for (const name of names) {
    const file = join(shown, HOLIDAYS_FOLDER, name);
    const match = FILE_NAME.exec(name);
    if (!match?.[1] || !match[2]) {
      errors.push({
        file,
        path: '',
        message: 'a holiday list must be named CC-YYYY.json (or .xml, .csv), e.g. KR-2029.json',
      });
      continue;
    }
    const country = match[1].toUpperCase();
    const year = Number(match[2]);
    const parsed = parseHolidayFile(readFileSync(join(folder, name), 'utf8'), { country, source: file });
    if (!parsed.ok) {
      for (const problem of parsed.problems)
        errors.push({ file, path: '', line: problem.line, message: problem.reason });
      continue;
    }
    const others = parsed.years.filter((list) => list.year !== year).map((list) => list.year);
    if (others.length > 0) {
      errors.push({ file, path: '', message: `the file is named for ${year} but lists days of ${others.join(', ')}` });
      continue;
    }
    years.push(...parsed.years);
  }
  return { years, errors };
}
