/**
 * `LocalDate` strings as day numbers. The calendar walks days one by one, so it
 * works on integers (days since 1970-01-01) and formats back only at the edges.
 */
import type { LocalDate } from '../model.ts';

/** Milliseconds in a UTC day. */
export const MS_PER_DAY = 86_400_000;
const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Years the calendar accepts. The holiday data (lunar calendars, substitute
 * rules) is meaningless far outside this range, and the bound keeps a runaway
 * `addBusinessDays` from looping for ever.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

/** Days since 1970-01-01 (UTC), the calendar's internal representation of a `LocalDate`. */
export type DayNumber = number;

/**
 * Parses a strict `YYYY-MM-DD` date.
 * @throws RangeError when the string is not a real calendar day in the supported years.
 */
export function toDayNumber(date: LocalDate): DayNumber {
  const match = typeof date === 'string' ? LOCAL_DATE_PATTERN.exec(date) : null;
  if (!match) {
    throw new RangeError(`Invalid date ${JSON.stringify(date)}: expected YYYY-MM-DD`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Invalid date "${date}": year must be between ${MIN_YEAR} and ${MAX_YEAR}`);
  }
  const epochMs = Date.UTC(year, month - 1, day);
  const check = new Date(epochMs);
  // Date.UTC silently rolls 2024-02-30 over to March; a round trip catches it.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`Invalid date "${date}": no such day in the calendar`);
  }
  return epochMs / MS_PER_DAY;
}

/**
 * Formats a day number as `YYYY-MM-DD`.
 * @throws RangeError when the day falls outside the supported years.
 */
export function toLocalDate(day: DayNumber): LocalDate {
  assertSupportedDay(day);
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Day number of trusted data that starts with `YYYY-MM-DD` (the holiday
 * library's `YYYY-MM-DD hh:mm:ss` strings), with no range check: the library
 * legitimately answers for the year before the first supported one.
 */
export function isoDayNumber(text: string): DayNumber {
  return Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10))) / MS_PER_DAY;
}

/** The Gregorian year of a day number. */
export function yearOf(day: DayNumber): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** First day of a year as a day number. */
export function firstDayOfYear(year: number): DayNumber {
  return Date.UTC(year, 0, 1) / MS_PER_DAY;
}

/** First and last day numbers the calendar accepts. */
const FIRST_SUPPORTED_DAY = firstDayOfYear(MIN_YEAR);
const LAST_SUPPORTED_DAY = firstDayOfYear(MAX_YEAR + 1) - 1;

/**
 * @throws RangeError when the day falls outside the supported years.
 */
export function assertSupportedDay(day: DayNumber): void {
  if (!Number.isInteger(day) || day < FIRST_SUPPORTED_DAY || day > LAST_SUPPORTED_DAY) {
    throw new RangeError(`Date out of range: the calendar supports years ${MIN_YEAR}–${MAX_YEAR}`);
  }
}

/** Saturday or Sunday. 1970-01-01 was a Thursday, hence the offset. */
export function isWeekend(day: DayNumber): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7; // 0 = Sunday
  return weekday === 0 || weekday === 6;
}
