/**
 * Office-closing public holidays per country, region and year, read from
 * `date-holidays`, corrected where the library is wrong, and cached: the
 * reminder planner and the benchmark ask for the same years over and over.
 */
import Holidays from 'date-holidays';
import {
  addKoreanRecurringHolidays,
  koreanOneOffHolidays,
  koreanSpanShift,
  officialKoreanName,
} from './korean-holidays.ts';
import { firstDayOfYear, isoDayNumber, MS_PER_DAY, type DayNumber } from './local-date.ts';

/** Public holidays of one year: day number → holiday name(s). */
export type YearHolidays = ReadonlyMap<DayNumber, string>;

/** A country and optional first-level subdivision, both normalised. */
export interface HolidayLocation {
  country: string;
  region?: string;
}

// A bare instance answers the catalogue questions (countries, states) without loading one.
const catalogue = new Holidays();
const supportedCountries = new Set(Object.keys(catalogue.getCountries()));
const instances = new Map<string, Holidays>();
const years = new Map<string, YearHolidays>();

/** Whether `date-holidays` knows the country (ISO 3166-1 alpha-2, any case). */
export function isSupportedCountry(code: string): boolean {
  return typeof code === 'string' && supportedCountries.has(code.trim().toUpperCase());
}

/**
 * Whether the region is a known subdivision of the country. Accepts the
 * library's code (`BY`) or the ISO 3166-2 form (`DE-BY`), in any case.
 */
export function isSupportedRegion(country: string, region: string): boolean {
  if (!isSupportedCountry(country)) return false;
  const code = normaliseCountry(country);
  return Object.hasOwn(catalogue.getStates(code) ?? {}, stripCountryPrefix(code, region));
}

/**
 * Validates and normalises a location.
 * @throws RangeError for an unknown country or region.
 */
export function resolveLocation(country: string, region?: string): HolidayLocation {
  if (!isSupportedCountry(country)) {
    throw new RangeError(
      `Unknown country code ${JSON.stringify(country)}: expected an ISO 3166-1 alpha-2 code supported by date-holidays (e.g. KR, US, DE)`,
    );
  }
  const code = normaliseCountry(country);
  if (region === undefined || region.trim() === '') return { country: code };
  if (!isSupportedRegion(code, region)) {
    const known = Object.keys(catalogue.getStates(code) ?? {});
    const hint = known.length > 0 ? `known regions: ${known.join(', ')}` : 'this country has no regions';
    throw new RangeError(`Unknown region ${JSON.stringify(region)} for country ${code} (${hint})`);
  }
  return { country: code, region: stripCountryPrefix(code, region) };
}

/** The office-closing holidays of `year` at a resolved location, cached. */
export function publicHolidaysOfYear(location: HolidayLocation, year: number): YearHolidays {
  const key = `${location.country}|${location.region ?? ''}|${year}`;
  let result = years.get(key);
  if (!result) {
    result = computeYear(location, year);
    years.set(key, result);
  }
  return result;
}

function computeYear(location: HolidayLocation, year: number): YearHolidays {
  const holidays = instanceFor(location);
  const korean = location.country === 'KR';
  const language = korean ? 'ko' : 'en';
  const names = new Map<DayNumber, string[]>();
  const first = firstDayOfYear(year);
  const last = firstDayOfYear(year + 1) - 1;
  const add = (day: DayNumber, name: string): void => {
    if (day < first || day > last) return;
    const list = names.get(day) ?? [];
    if (!list.includes(name)) list.push(name);
    names.set(day, list);
  };
  // A multi-day holiday of the previous year may run into January.
  for (const holiday of [...holidays.getHolidays(year - 1, language), ...holidays.getHolidays(year, language)]) {
    // bank, school, optional and observance days do not close the office.
    if (holiday.type !== 'public') continue;
    const shift = korean ? koreanSpanShift(holiday.rule) : 0;
    const name = korean ? officialKoreanName(holiday.name) : holiday.name;
    const start = isoDayNumber(holiday.date) + shift;
    // Rounded because a span crossing a DST change is not a whole number of days.
    const length = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / MS_PER_DAY));
    for (let offset = 0; offset < length; offset += 1) add(start + offset, name);
  }
  if (korean) {
    for (const addition of koreanOneOffHolidays(year)) add(isoDayNumber(addition.date), addition.name.ko);
  }
  const result = new Map<DayNumber, string>();
  for (const [day, list] of names) result.set(day, list.join(', '));
  return result;
}

function instanceFor(location: HolidayLocation): Holidays {
  const key = `${location.country}|${location.region ?? ''}`;
  let instance = instances.get(key);
  if (!instance) {
    instance =
      location.region === undefined ? new Holidays(location.country) : new Holidays(location.country, location.region);
    if (location.country === 'KR') addKoreanRecurringHolidays(instance);
    instances.set(key, instance);
  }
  return instance;
}

function normaliseCountry(country: string): string {
  return country.trim().toUpperCase();
}

function stripCountryPrefix(country: string, region: string): string {
  const code = region.trim().toUpperCase();
  return code.startsWith(`${country}-`) ? code.slice(country.length + 1) : code;
}
