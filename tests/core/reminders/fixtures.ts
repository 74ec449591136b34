/** Shared test data for reminder planning: the Korean calendar, default settings, local-time helpers. */
import { DateTime } from 'luxon';
import { createBusinessCalendar } from '../../../src/core/calendar/index.ts';
import type { CalendarSettings, ReminderPolicy } from '../../../src/core/model.ts';

export const SEOUL = 'Asia/Seoul';
export const NEW_YORK = 'America/New_York';
export const BERLIN = 'Europe/Berlin';

/** The Korean public-holiday calendar with no committee exceptions. */
export const krCalendar = createBusinessCalendar({ country: 'KR', extraClosedDays: [], extraWorkingDays: [] });

/** A committee's calendar settings: KR, quiet 21:00–08:00, no reminders on closed days. */
export function settingsWith(overrides: Partial<CalendarSettings> = {}): CalendarSettings {
  return {
    country: 'KR',
    extraClosedDays: [],
    extraWorkingDays: [],
    quietHours: { start: '21:00', end: '08:00' },
    remindOnClosedDays: false,
    ...overrides,
  };
}

/** The default policy of a round: 2 business days before at 10:00, last business day 09:30, 3 hours before. */
export const DEFAULT_POLICY: ReminderPolicy = {
  slots: [
    { kind: 'business_days_before', days: 2, at: '10:00' },
    { kind: 'last_business_day', at: '09:30' },
    { kind: 'hours_before', hours: 3 },
  ],
  graceMinutes: 120,
};

/** The instant of a wall-clock time `YYYY-MM-DD HH:mm` in `zone`. */
export function at(local: string, zone: string): Date {
  const dt = DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone });
  if (!dt.isValid) throw new Error(`bad test time ${local} in ${zone}`);
  return dt.toJSDate();
}

/** A wall-clock time in Seoul. */
export function kst(local: string): Date {
  return at(local, SEOUL);
}

/** The seed round: 2024-02-08 09:00 → 2024-02-15 18:00 KST, across Seollal (2/9–2/12). */
export const SEED = { opensAt: kst('2024-02-08 09:00'), closesAt: kst('2024-02-15 18:00') };
