/** The business calendar: public holidays, weekends and business-day arithmetic. */
export {
  createBusinessCalendar,
  isSupportedCountry,
  isSupportedRegion,
  type BusinessCalendar,
  type BusinessCalendarSettings,
} from './business-calendar.ts';
export { createHolidaySource } from './holiday-source.ts';
export { parseHolidayFile } from './parse-holiday-file.ts';
