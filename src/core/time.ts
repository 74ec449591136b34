/**
 * Conversions between instants and wall-clock times in a zone, and the one
 * formatter of local dates and times. The only place the core touches
 * time-zone rules (through luxon).
 */
import { DateTime } from 'luxon';
import type { LocalDate, LocalDateTime, TimeOfDay } from './model.ts';

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})$/;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The instant of a local date-time in `zone`. Accepts `YYYY-MM-DDTHH:mm`,
 * `YYYY-MM-DD HH:mm`, or `YYYY-MM-DD` (then `defaultTime`). Null when invalid
 * (e.g. 2024-02-30, or a time skipped by a DST change).
 */
export function instantOf(value: string, zone: string, defaultTime = '18:00'): Date | null {
  const trimmed = value.trim();
  const full = LOCAL_DATE_TIME.exec(trimmed);
  const text = full ? `${full[1]}T${full[2]}` : LOCAL_DATE.test(trimmed) ? `${trimmed}T${defaultTime}` : null;
  if (!text) return null;
  const dt = DateTime.fromISO(text, { zone });
  if (!dt.isValid) return null;
  // luxon moves a non-existent (DST gap) time silently; refuse it instead.
  if (dt.toFormat("yyyy-MM-dd'T'HH:mm") !== text) return null;
  return dt.toJSDate();
}

/**
 * An instant as a luxon date-time on the wall clock of `zone`.
 * @throws RangeError when `zone` is not a known IANA zone (zones are validated
 * when the configuration loads, so this is a programming error).
 */
function zoned(at: Date, zone: string): DateTime {
  const local = DateTime.fromJSDate(at, { zone });
  if (!local.isValid) throw new RangeError(`Invalid time zone ${JSON.stringify(zone)}`);
  return local;
}

/** `YYYY-MM-DD HH:mm` of an instant in `zone`. */
export function formatLocal(at: Date, zone: string): string {
  return zoned(at, zone).toFormat('yyyy-MM-dd HH:mm');
}

/** `YYYY-MM-DDTHH:mm` of an instant in `zone`. */
export function localDateTimeOf(at: Date, zone: string): LocalDateTime {
  return zoned(at, zone).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** The calendar day of an instant in `zone`. */
export function localDateOf(at: Date, zone: string): LocalDate {
  return zoned(at, zone).toFormat('yyyy-MM-dd');
}

/** Human date-time for messages: `2024-02-15 (목) 18:00` in Korean, `Thu 2024-02-15 18:00` in English. */
export function formatForPeople(at: Date, zone: string, locale: 'ko' | 'en'): string {
  const dt = zoned(at, zone);
  if (locale === 'ko')
    return `${dt.toFormat('yyyy-MM-dd')} (${dt.setLocale('ko').toFormat('ccc')}) ${dt.toFormat('HH:mm')}`;
  return dt.setLocale('en').toFormat('ccc yyyy-MM-dd HH:mm');
}

/** Minutes in a calendar day as wall-clock time counts them (DST does not change it). */
export const MINUTES_PER_DAY = 1440;

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Minutes since local midnight of an `HH:mm` time.
 * @throws RangeError when the text is not a valid 24-hour `HH:mm`; policies are
 * validated when loaded, so a bad value here is a programming error.
 */
export function minutesOfTimeOfDay(time: TimeOfDay): number {
  const match = TIME_OF_DAY.exec(time);
  if (!match) throw new RangeError(`Invalid time of day ${JSON.stringify(time)}: expected HH:mm`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Minutes since local midnight of an instant in `zone`. */
export function localMinutesOf(at: Date, zone: string): number {
  const local = zoned(at, zone);
  return local.hour * 60 + local.minute;
}

/** The day `days` calendar days after `date` (negative goes back). */
export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toFormat('yyyy-MM-dd');
}

/**
 * The instant at which the wall clock in `zone` shows `minutes` after midnight
 * of `date`; `MINUTES_PER_DAY` means the next midnight. A wall-clock time that
 * a DST change skips maps to the first instant after the gap (luxon's rule),
 * so callers that need an allowed moment re-check the result.
 * @throws RangeError when the date or zone is invalid.
 */
export function instantAtLocal(date: LocalDate, minutes: number, zone: string): Date {
  const day = minutes >= MINUTES_PER_DAY ? addCalendarDays(date, 1) : date;
  const rest = minutes >= MINUTES_PER_DAY ? minutes - MINUTES_PER_DAY : minutes;
  const [year, month, dayOfMonth] = day.split('-').map(Number);
  const local = DateTime.fromObject(
    { year, month, day: dayOfMonth, hour: Math.floor(rest / 60), minute: rest % 60 },
    { zone },
  );
  if (!local.isValid) {
    throw new RangeError(
      `Invalid local time ${day} +${rest}min in ${JSON.stringify(zone)}: ${local.invalidExplanation ?? ''}`,
    );
  }
  return local.toJSDate();
}
