/**
 * Conversions between instants and wall-clock times in a zone, and the one
 * formatter of local dates and times. The only place the core touches
 * time-zone rules (through luxon).
 */
import { DateTime, IANAZone } from 'luxon';
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

const KO_WEEKDAYS = ['월', '화', '수', '목', '금', '토', '일'];
const EN_WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Parts of a local `YYYY-MM-DD` date: numbers and the ISO weekday index (0 = Monday). */
function dateParts(date: LocalDate): { year: number; month: number; day: number; weekday: number } {
  const dt = DateTime.fromISO(date, { zone: 'UTC' });
  if (!dt.isValid) throw new RangeError(`Invalid local date ${JSON.stringify(date)}`);
  return { year: dt.year, month: dt.month, day: dt.day, weekday: dt.weekday - 1 };
}

/** How much of the date the official style writes. */
export interface OfficialDateStyle {
  /** `full` `2024. 2. 8.(목)`, `short` `'24. 2. 8.(목)` (report overviews), `none` `2. 15.(목)` (second date of a range). */
  year?: 'full' | 'short' | 'none';
  /** Drop the weekday: `2. 9.`. */
  weekday?: boolean;
}

/**
 * A calendar day in the official style of Korean public documents:
 * `2024. 2. 15.(목)`; in English `Thu 15 Feb 2024`.
 */
export function formatOfficialDay(date: LocalDate, locale: 'ko' | 'en', style: OfficialDateStyle = {}): string {
  const { year, month, day, weekday } = dateParts(date);
  const yearStyle = style.year ?? 'full';
  const withWeekday = style.weekday ?? true;
  if (locale === 'en') {
    const y = yearStyle === 'none' ? '' : ` ${year}`;
    return `${withWeekday ? `${EN_WEEKDAYS[weekday]} ` : ''}${day} ${EN_MONTHS[month - 1]}${y}`;
  }
  const y = yearStyle === 'full' ? `${year}. ` : yearStyle === 'short' ? `'${String(year).slice(-2)}. ` : '';
  return `${y}${month}. ${day}.${withWeekday ? `(${KO_WEEKDAYS[weekday]})` : ''}`;
}

/**
 * The one formatter of dates and times people read (messages, summaries,
 * reports): `2024. 2. 15.(목) 18:00` in Korean, `Thu 15 Feb 2024 18:00` in
 * English, 24-hour, on the wall clock of `zone`. Callers add the zone name
 * only for readers abroad.
 */
export function formatOfficialDate(at: Date, zone: string, locale: 'ko' | 'en', style: OfficialDateStyle = {}): string {
  const dt = zoned(at, zone);
  return `${formatOfficialDay(dt.toFormat('yyyy-MM-dd'), locale, style)} ${dt.toFormat('HH:mm')}`;
}

const LOCAL_STAMP = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?$/;

/**
 * A local `YYYY-MM-DD HH:mm` (as `formatLocal` writes it) in the official
 * style: `2024. 2. 15.(목) 18:00`. A date alone gives the day only.
 * @throws RangeError when the text is not such a local date(-time).
 */
export function formatOfficialLocal(local: string, locale: 'ko' | 'en', style: OfficialDateStyle = {}): string {
  const match = LOCAL_STAMP.exec(local.trim());
  if (!match?.[1]) throw new RangeError(`Invalid local date-time ${JSON.stringify(local)}`);
  const day = formatOfficialDay(match[1], locale, style);
  return match[2] ? `${day} ${match[2]}` : day;
}

/**
 * A range of local date-times in the official style, the year written once
 * when both are in the same year: `2024. 2. 8.(목) 09:00 ~ 2. 15.(목) 18:00`.
 */
export function formatOfficialLocalRange(from: string, to: string, locale: 'ko' | 'en'): string {
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  return `${formatOfficialLocal(from, locale)} ~ ${formatOfficialLocal(to, locale, { year: sameYear ? 'none' : 'full' })}`;
}

/**
 * A range of days in the official style; the year is written once when both
 * days are in the same year: `2024. 2. 8.(목) ~ 2. 15.(목)` (or with
 * `year: 'short'`, `'24. 2. 8.(목) ~ 2. 15.(목)`).
 */
export function formatOfficialDayRange(
  from: LocalDate,
  to: LocalDate,
  locale: 'ko' | 'en',
  style: OfficialDateStyle = {},
): string {
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  const second = formatOfficialDay(to, locale, { ...style, year: sameYear ? 'none' : (style.year ?? 'full') });
  return `${formatOfficialDay(from, locale, style)} ~ ${second}`;
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

/** The instant `months` calendar months before `at` (UTC; the end of a shorter month is kept). */
export function monthsBefore(at: Date, months: number): Date {
  return DateTime.fromJSDate(at, { zone: 'utc' }).minus({ months }).toJSDate();
}

/** Whether `zone` is an IANA time zone luxon knows (`Asia/Seoul`). */
export function isTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}
