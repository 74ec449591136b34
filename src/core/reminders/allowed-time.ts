/**
 * When a member may be reminded: not in the committee's quiet hours and, unless
 * the committee allows it, not on a weekend or public holiday — both judged on
 * the member's own wall clock. Also finds the nearest allowed moments around a
 * disallowed one, which is how planned reminders are shifted.
 */
import type { BusinessCalendar } from '../calendar/index.ts';
import type { CalendarSettings } from '../model.ts';
import {
  addCalendarDays,
  instantAtLocal,
  localDateOf,
  localMinutesOf,
  MINUTES_PER_DAY,
  minutesOfTimeOfDay,
} from '../time.ts';

/** Everything needed to judge a moment for one member. */
export interface AllowedTimeRules {
  /** The member's IANA zone; quiet hours and closed days are read on this clock. */
  timeZone: string;
  calendar: BusinessCalendar;
  settings: CalendarSettings;
}

/** Why a moment is not allowed. A closed day wins over quiet hours when both apply. */
export type DisallowedReason = 'quiet_hours' | 'closed_day';

/**
 * How far before the end of an allowed stretch a reminder moved backwards
 * lands. With the default quiet hours (21:00–08:00) that is 20:00: late enough
 * to be "the evening before", early enough not to be rude.
 */
const BACKWARD_MARGIN_MINUTES = 60;

/** A search never walks further than this many days; a calendar closed for longer yields nothing. */
const MAX_SEARCH_DAYS = 400;

/** A half-open stretch `[start, end)` of wall-clock minutes of one day. */
type Window = readonly [start: number, end: number];

/**
 * Whether `minutes` after local midnight falls in the quiet hours. Quiet hours
 * `start`–`end` cover `[start, end)`; when `start > end` they wrap midnight; when
 * `start === end` there are none (the range `[start, start)` is empty).
 */
export function isQuietMinute(minutes: number, quiet: CalendarSettings['quietHours']): boolean {
  const start = minutesOfTimeOfDay(quiet.start);
  const end = minutesOfTimeOfDay(quiet.end);
  if (start <= end) return minutes >= start && minutes < end;
  return minutes >= start || minutes < end;
}

/** Null when a reminder may go out at `at`, else why not. */
export function disallowedReason(at: Date, rules: AllowedTimeRules): DisallowedReason | null {
  const date = localDateOf(at, rules.timeZone);
  if (!rules.settings.remindOnClosedDays && !rules.calendar.isBusinessDay(date)) return 'closed_day';
  if (isQuietMinute(localMinutesOf(at, rules.timeZone), rules.settings.quietHours)) return 'quiet_hours';
  return null;
}

/**
 * The stretches of wall-clock time of a day outside the quiet hours, earliest
 * first (the first is empty when quiet hours start at midnight). Closed days
 * are not judged here: the searches check every moment they find.
 */
function openWindows(quiet: CalendarSettings['quietHours']): Window[] {
  const start = minutesOfTimeOfDay(quiet.start);
  const end = minutesOfTimeOfDay(quiet.end);
  if (start > end) return [[end, start]];
  if (start === end) return [[0, MINUTES_PER_DAY]];
  return [
    [0, start],
    [end, MINUTES_PER_DAY],
  ];
}

/**
 * The first allowed moment at or after `at`, if it is not later than `notAfter`:
 * `at` itself, or the start of the next allowed stretch (e.g. 08:00 after the night).
 */
export function nextAllowedMoment(at: Date, rules: AllowedTimeRules, notAfter: Date): Date | null {
  const lastDay = localDateOf(notAfter, rules.timeZone);
  let date = localDateOf(at, rules.timeZone);
  for (let i = 0; i < MAX_SEARCH_DAYS && date <= lastDay; i++, date = addCalendarDays(date, 1)) {
    for (const [start] of openWindows(rules.settings.quietHours)) {
      const candidate = new Date(Math.max(at.getTime(), instantAtLocal(date, start, rules.timeZone).getTime()));
      if (candidate > notAfter) return null;
      // Closed days, and DST gaps that stretch a window over a quiet minute: only a checked moment counts.
      if (disallowedReason(candidate, rules) === null) return candidate;
    }
  }
  return null;
}

/**
 * The latest decent allowed moment strictly before `at`, if it is not earlier
 * than `notBefore`: the end of the previous allowed stretch minus
 * {@link BACKWARD_MARGIN_MINUTES} (or the stretch's start when it is shorter),
 * e.g. 20:00 of the previous business day with quiet hours from 21:00.
 */
export function latestDecentMomentBefore(at: Date, rules: AllowedTimeRules, notBefore: Date): Date | null {
  const firstDay = localDateOf(notBefore, rules.timeZone);
  let date = localDateOf(at, rules.timeZone);
  for (let i = 0; i < MAX_SEARCH_DAYS && date >= firstDay; i++, date = addCalendarDays(date, -1)) {
    for (const [start, end] of openWindows(rules.settings.quietHours).reverse()) {
      // Only a stretch that has ended by `at`; its decent moment is then before `at`.
      if (instantAtLocal(date, end, rules.timeZone) > at) continue;
      const candidate = instantAtLocal(date, Math.max(start, end - BACKWARD_MARGIN_MINUTES), rules.timeZone);
      if (candidate < notBefore) return null;
      if (disallowedReason(candidate, rules) === null) return candidate;
    }
  }
  return null;
}
