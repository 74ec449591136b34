/**
 * The business calendar of a committee: which days the office is open, how
 * many of them a round spans, and which day is N business days away.
 * Weekends are Saturday and Sunday everywhere; public holidays come from
 * `holiday-source.ts`; a committee's own extra closed and working days win.
 */
import type { CalendarSettings, LocalDate } from '../model.ts';
import { defaultHolidaySource, resolveLocation, type HolidaySource, type YearTrust } from './holiday-source.ts';
import { assertSupportedDay, isWeekend, toDayNumber, toLocalDate, yearOf, type DayNumber } from './local-date.ts';

export { isSupportedCountry, isSupportedRegion } from './holiday-source.ts';

/** A day the office is closed, and why. */
interface ClosedDay {
  date: LocalDate;
  reason: 'weekend' | 'public_holiday' | 'extra_closed';
  /** The holiday's name as the official list gives it (Korean for KR, else English); only for `public_holiday`. */
  name?: string;
  /** The holiday's English name; only for `public_holiday`. */
  englishName?: string;
}

/** Business-day arithmetic over `LocalDate`s. Every method throws RangeError for an invalid date. */
export interface BusinessCalendar {
  /** Why the office is closed that day, or null when it is a business day. */
  closedDay(date: LocalDate): ClosedDay | null;
  isBusinessDay(date: LocalDate): boolean;
  /** Closed days from `from` to `to`, both included, in order. */
  closedDaysBetween(from: LocalDate, to: LocalDate): ClosedDay[];
  /** Business days from `from` to `to`, both included (0 when to < from). */
  businessDaysBetween(from: LocalDate, to: LocalDate): number;
  /** n>0: the n-th business day after `date`; n<0: the |n|-th before; n=0: `date` if a business day, else the next one. */
  addBusinessDays(date: LocalDate, n: number): LocalDate;
  /** The last business day on or before `date`. */
  businessDayOnOrBefore(date: LocalDate): LocalDate;
  /** Whether the holidays of `year` come from an official list, from rules, or from nothing. */
  trustOfYear(year: number): YearTrust;
  /** The trust of every year from `from` to `to` (both included), in order; empty when to < from. */
  trustBetween(from: LocalDate, to: LocalDate): YearTrust[];
}

/** The part of a committee's calendar settings that decides business days. */
export type BusinessCalendarSettings = Pick<
  CalendarSettings,
  'country' | 'region' | 'extraClosedDays' | 'extraWorkingDays'
>;

/**
 * Builds the calendar of a country (and optional region) with the committee's
 * own exceptions. Cheap to call: holidays are cached per country, region and year.
 *
 * Precedence: an extra working day is always open; otherwise an extra closed
 * day is closed as `extra_closed`; then public holidays (also on weekends,
 * so their names show), then weekends.
 * @throws RangeError for an unknown country or region, an invalid date in the
 *   extra days, or a day listed as both extra closed and extra working.
 */
export function createBusinessCalendar(
  settings: BusinessCalendarSettings,
  source: HolidaySource = defaultHolidaySource(),
): BusinessCalendar {
  const location = resolveLocation(settings.country, settings.region);
  const extraClosed = toDaySet(settings.extraClosedDays, 'extraClosedDays');
  const extraWorking = toDaySet(settings.extraWorkingDays, 'extraWorkingDays');
  for (const day of extraClosed) {
    if (extraWorking.has(day)) {
      throw new RangeError(`${toLocalDate(day)} is listed both in extraClosedDays and in extraWorkingDays`);
    }
  }

  const holidayOn = (day: DayNumber) => source.holidaysOfYear(location, yearOf(day)).get(day);

  // The hot path of every loop below: no allocation.
  const isClosed = (day: DayNumber): boolean => {
    if (extraWorking.has(day)) return false;
    if (extraClosed.has(day) || isWeekend(day)) return true;
    return holidayOn(day) !== undefined;
  };

  const closedOn = (day: DayNumber): ClosedDay | null => {
    if (extraWorking.has(day)) return null;
    const date = toLocalDate(day);
    if (extraClosed.has(day)) return { date, reason: 'extra_closed' };
    const holiday = holidayOn(day);
    if (holiday !== undefined) {
      return { date, reason: 'public_holiday', name: holiday.name, englishName: holiday.englishName };
    }
    if (isWeekend(day)) return { date, reason: 'weekend' };
    return null;
  };

  /** Steps from `day` in `step` direction until an open day; `day` itself counts when `includeStart`. */
  const nextOpen = (day: DayNumber, step: 1 | -1, includeStart: boolean): DayNumber => {
    let current = includeStart ? day : day + step;
    while (isClosed(current)) {
      current += step;
      assertSupportedDay(current);
    }
    return current;
  };

  return {
    closedDay: (date) => closedOn(toDayNumber(date)),

    isBusinessDay: (date) => !isClosed(toDayNumber(date)),

    closedDaysBetween(from, to) {
      const last = toDayNumber(to);
      const result: ClosedDay[] = [];
      for (let day = toDayNumber(from); day <= last; day += 1) {
        const closed = closedOn(day);
        if (closed) result.push(closed);
      }
      return result;
    },

    businessDaysBetween(from, to) {
      const last = toDayNumber(to);
      let count = 0;
      for (let day = toDayNumber(from); day <= last; day += 1) {
        if (!isClosed(day)) count += 1;
      }
      return count;
    },

    addBusinessDays(date, n) {
      if (!Number.isSafeInteger(n)) {
        throw new RangeError(`Invalid number of business days ${String(n)}: expected an integer`);
      }
      let day = toDayNumber(date);
      if (n === 0) return toLocalDate(nextOpen(day, 1, true));
      const step = n > 0 ? 1 : -1;
      for (let remaining = Math.abs(n); remaining > 0; remaining -= 1) day = nextOpen(day, step, false);
      return toLocalDate(day);
    },

    businessDayOnOrBefore: (date) => toLocalDate(nextOpen(toDayNumber(date), -1, true)),

    trustOfYear: (year) => source.trustOfYear(location, year),

    trustBetween(from, to) {
      const first = yearOf(toDayNumber(from));
      const last = yearOf(toDayNumber(to));
      const result: YearTrust[] = [];
      for (let year = first; year <= last; year += 1) result.push(source.trustOfYear(location, year));
      return result;
    },
  };
}

function toDaySet(dates: readonly LocalDate[], field: string): Set<DayNumber> {
  const days = new Set<DayNumber>();
  for (const date of dates) {
    try {
      days.add(toDayNumber(date));
    } catch (error) {
      throw new RangeError(`${field}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return days;
}
