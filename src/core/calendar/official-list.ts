/**
 * Official holiday lists: the shape of the 특일 정보 service of 한국천문연구원
 * (`getRestDeInfo`: locdate YYYYMMDD, dateName, isHoliday Y/N), one list per
 * country and year. The shipped data files and every imported file end up as
 * {@link OfficialYear}s; a year that has one is `official`, not computed.
 */
import type { LocalDate } from '../model.ts';
import { MAX_YEAR, MIN_YEAR, toDayNumber } from './local-date.ts';

/** One entry of an official list. */
interface OfficialHoliday {
  date: LocalDate;
  /** The name as the list gives it (Korean for KR). */
  name: string;
  /** `isHoliday: Y`: offices close. `N` entries (anniversaries) are kept but close nothing. */
  isHoliday: boolean;
}

/** The whole official list of one year. */
export interface OfficialYear {
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  year: number;
  holidays: OfficialHoliday[];
  /** Where the list came from, for people (file name, provenance note). */
  source: string;
}

/** Why a file was refused, with the line to look at (1-based). */
export interface FileProblem {
  line: number;
  reason: string;
}

/** An entry as a parser read it, before validation. */
export interface RawEntry {
  line: number;
  /** What to call the entry in a message besides its line, e.g. `item 3`. */
  label?: string;
  locdate: string;
  name: string;
  isHoliday: string;
}

/** A parsed file, or every reason it is refused. */
export type ParsedHolidayFile = { ok: true; years: OfficialYear[] } | { ok: false; problems: FileProblem[] };

const LOCDATE = /^(\d{4})-?(\d{2})-?(\d{2})$/;

/**
 * Validates raw entries and groups them by year. Each year must be the whole
 * list of that year (it replaces what the calendar had), so a year without
 * its 1 January entry is refused: a file holding one temporary holiday
 * would otherwise wipe out the rest of the year.
 */
export function toOfficialYears(entries: readonly RawEntry[], country: string, source: string): ParsedHolidayFile {
  const problems: FileProblem[] = [];
  const byYear = new Map<number, { firstLine: number; holidays: OfficialHoliday[] }>();
  const seen = new Set<string>();
  for (const entry of entries) {
    const where = entry.label ? `${entry.label}: ` : '';
    const problem = (reason: string): void => {
      problems.push({ line: entry.line, reason: `${where}${reason}` });
    };
    const date = toIsoDate(entry.locdate);
    if (date === null) {
      problem(
        `date ${JSON.stringify(entry.locdate)} is not a real day YYYYMMDD (or YYYY-MM-DD) in ${MIN_YEAR}–${MAX_YEAR}`,
      );
      continue;
    }
    const name = entry.name.trim();
    if (name === '') {
      problem(`the holiday on ${date} has no name`);
      continue;
    }
    const flag = entry.isHoliday.trim().toUpperCase();
    if (flag !== 'Y' && flag !== 'N') {
      problem(`isHoliday of ${date} must be Y or N, not ${JSON.stringify(entry.isHoliday)}`);
      continue;
    }
    const key = `${date}|${name}`;
    if (seen.has(key)) {
      problem(`${date} ${name} is listed twice`);
      continue;
    }
    seen.add(key);
    const year = Number(date.slice(0, 4));
    const bucket = byYear.get(year) ?? { firstLine: entry.line, holidays: [] };
    bucket.holidays.push({ date, name, isHoliday: flag === 'Y' });
    byYear.set(year, bucket);
  }
  if (entries.length === 0) problems.push({ line: 1, reason: 'the file lists no holidays' });
  for (const [year, bucket] of byYear) {
    if (!bucket.holidays.some((holiday) => holiday.date === `${year}-01-01`)) {
      problems.push({
        line: bucket.firstLine,
        reason: `the entries of ${year} have no 1 January: a file must hold the whole list of each year it names (it replaces that year); save the response for the whole year (solYear=${year}, numOfRows=100, no solMonth)`,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
  const years = [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, bucket]) => ({
      country,
      year,
      holidays: bucket.holidays.sort((a, b) => a.date.localeCompare(b.date)),
      source,
    }));
  return { ok: true, years };
}

function toIsoDate(text: string): LocalDate | null {
  const match = LOCDATE.exec(text.trim());
  if (!match) return null;
  const date = `${match[1]}-${match[2]}-${match[3]}`;
  try {
    toDayNumber(date);
    return date;
  } catch {
    return null;
  }
}

/** The line (1-based) of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

/**
 * An official year written back in the service's JSON shape (what the
 * shipped data files and the deployment's imported files hold), with a
 * provenance block the service does not have.
 */
export function toServiceJson(list: OfficialYear, provenance: Record<string, string>): string {
  const item = list.holidays.map((holiday) => ({
    dateKind: '01',
    dateName: holiday.name,
    isHoliday: holiday.isHoliday ? 'Y' : 'N',
    locdate: Number(holiday.date.replaceAll('-', '')),
    seq: 1,
  }));
  const document = {
    _provenance: provenance,
    response: {
      header: { resultCode: '00', resultMsg: 'NORMAL SERVICE.' },
      body: { items: { item }, numOfRows: 100, pageNo: 1, totalCount: item.length },
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
