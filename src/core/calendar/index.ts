/** The business calendar: public holidays, weekends and business-day arithmetic. */
export {
  createBusinessCalendar,
  isSupportedCountry,
  isSupportedRegion,
  type BusinessCalendar,
  type BusinessCalendarSettings,
} from './business-calendar.ts';
export { diffOfficialYear, type YearDiff } from './holiday-diff.ts';
export { createHolidaySource, type HolidaySource } from './holiday-source.ts';
export { toServiceJson, type OfficialYear } from './official-list.ts';
export { parseHolidayFile } from './parse-holiday-file.ts';
