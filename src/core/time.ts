/**
 * Conversions between instants and wall-clock times in a zone. The only
 * place the core touches time-zone rules (through luxon).
 */
import { DateTime } from 'luxon';
import type { LocalDate, LocalDateTime } from './model.ts';

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

/** `YYYY-MM-DD HH:mm` of an instant in `zone`. */
export function formatLocal(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat('yyyy-MM-dd HH:mm');
}

/** `YYYY-MM-DDTHH:mm` of an instant in `zone`. */
export function localDateTimeOf(at: Date, zone: string): LocalDateTime {
  return DateTime.fromJSDate(at, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** The calendar day of an instant in `zone`. */
export function localDateOf(at: Date, zone: string): LocalDate {
  return DateTime.fromJSDate(at, { zone }).toISODate() ?? '';
}

/** Human date-time for messages: `2024-02-15 (목) 18:00` in Korean, `Thu 2024-02-15 18:00` in English. */
export function formatForPeople(at: Date, zone: string, locale: 'ko' | 'en'): string {
  const dt = DateTime.fromJSDate(at, { zone });
  if (locale === 'ko')
    return `${dt.toFormat('yyyy-MM-dd')} (${dt.setLocale('ko').toFormat('ccc')}) ${dt.toFormat('HH:mm')}`;
  return dt.setLocale('en').toFormat('ccc yyyy-MM-dd HH:mm');
}
