/**
 * What importing an official list changes in a year, for the person running
 * `jamun calendar import` to read before (and after) it takes effect.
 */
import { fromOfficialList, type HolidayLocation, type HolidaySource, type YearTrust } from './holiday-source.ts';
import { toLocalDate } from './local-date.ts';
import type { OfficialYear } from './official-list.ts';
import type { LocalDate } from '../model.ts';

/** One day whose holiday changes. */
interface HolidayChange {
  date: LocalDate;
  kind: 'added' | 'removed' | 'renamed';
  /** The name(s) before (removed, renamed). */
  before?: string;
  /** The name(s) after (added, renamed). */
  after?: string;
}

/** The changes of one year, and how it was trusted before. */
export interface YearDiff {
  year: number;
  before: YearTrust;
  changes: HolidayChange[];
  /** Closing days in the new list. */
  days: number;
}

/** Compares a year as `current` has it with the list about to replace it. */
export function diffOfficialYear(current: HolidaySource, list: OfficialYear): YearDiff {
  const location: HolidayLocation = { country: list.country };
  const before = current.holidaysOfYear(location, list.year);
  const after = fromOfficialList(list);
  const changes: HolidayChange[] = [];
  for (const day of [...new Set([...before.keys(), ...after.keys()])].sort((a, b) => a - b)) {
    const was = before.get(day)?.name;
    const will = after.get(day)?.name;
    const date = toLocalDate(day);
    if (was === undefined && will !== undefined) changes.push({ date, kind: 'added', after: will });
    else if (was !== undefined && will === undefined) changes.push({ date, kind: 'removed', before: was });
    else if (was !== will) changes.push({ date, kind: 'renamed', before: was, after: will });
  }
  return { year: list.year, before: current.trustOfYear(location, list.year), changes, days: after.size };
}
