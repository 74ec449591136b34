/** The business calendar: public holidays, weekends and business-day arithmetic. */
export {
  createBusinessCalendar,
  isSupportedCountry,
  isSupportedRegion,
  type BusinessCalendar,
  type BusinessCalendarSettings,
} from './business-calendar.ts';
export {
  createHolidaySource,
  defaultHolidaySource,
  type HolidaySource,
  type TrustLevel,
  type YearTrust,
} from './holiday-source.ts';
export type { FileProblem, OfficialHoliday, OfficialYear, ParsedHolidayFile } from './official-list.ts';
export { detectFormat, parseHolidayFile, type HolidayFileFormat } from './parse-holiday-file.ts';
export { shippedOfficialYears } from './shipped-data.ts';
