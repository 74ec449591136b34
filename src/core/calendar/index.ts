/** The business calendar: public holidays, weekends and business-day arithmetic. */
export {
  createBusinessCalendar,
  isSupportedCountry,
  isSupportedRegion,
  type BusinessCalendar,
  type BusinessCalendarSettings,
  type ClosedDay,
} from './business-calendar.ts';
