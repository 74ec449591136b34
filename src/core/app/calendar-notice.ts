/**
 * The warning shown wherever a round's window is counted in business days
 * (round show and open, the staff summary, config check, the CLI): which
 * years of the window have no official holiday list.
 */
import type { BusinessCalendar } from '../calendar/index.ts';
import { t } from '../i18n/catalogue.ts';
import type { LocalDate, Locale } from '../model.ts';

/** The years of a window, from `from` to `to`, whose holidays are computed or unknown. */
export function uncertainYears(
  calendar: BusinessCalendar,
  from: LocalDate,
  to: LocalDate,
): { computed: number[]; unknown: number[] } {
  const trust = calendar.trustBetween(from, to);
  return {
    computed: trust.filter((year) => year.level === 'computed').map((year) => year.year),
    unknown: trust.filter((year) => year.level === 'unknown').map((year) => year.year),
  };
}

/** One line per kind of uncertain year in the window, in the reader's language; empty when every year is official. */
export function calendarNotice(calendar: BusinessCalendar, from: LocalDate, to: LocalDate, locale: Locale): string[] {
  const { computed, unknown } = uncertainYears(calendar, from, to);
  const lines: string[] = [];
  const join = (years: number[]): string => years.join(locale === 'ko' ? '·' : ', ');
  if (computed.length > 0) lines.push(`⚠ ${t(locale, 'calendar.computed', { years: join(computed) })}`);
  if (unknown.length > 0) lines.push(`⚠ ${t(locale, 'calendar.unknown', { years: join(unknown) })}`);
  return lines;
}
