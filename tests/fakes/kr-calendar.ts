import type { CalendarSettings } from '../../src/core/model.ts';

/** The default business calendar of a Korean committee, for test and bench fixtures. */
export function krCalendar(): CalendarSettings {
  return {
    country: 'KR',
    extraClosedDays: [],
    extraWorkingDays: [],
    quietHours: { start: '21:00', end: '08:00' },
    remindOnClosedDays: false,
  };
}
