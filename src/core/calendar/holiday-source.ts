/**
 * Office-closing public holidays per country, region and year, and how far
 * each year can be trusted:
 * - `official`: an official list covers the year (shipped data files of
 *   data/, or a list the deployment imported with `jamun calendar import`);
 * - `computed`: no list, so rules: for KR jamun's own (korean-rules.ts), for
 *   other countries the rules of `date-holidays`;
 * - `unknown`: no list and no rules (KR outside the lunisolar table): only
 *   weekends and the committee's extra closed days close the office.
 * Years are computed on first use and cached: the reminder planner and the
 * benchmark ask for the same years over and over.
 */
import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import { KOREAN_RULES_FIRST_YEAR, KOREAN_RULES_LAST_YEAR, koreanHolidaysByRule } from './korean-rules.ts';
import { englishHolidayName } from './korean-names.ts';
import { firstDayOfYear, isoDayNumber, MS_PER_DAY, toDayNumber, type DayNumber } from './local-date.ts';
import type { OfficialYear } from './official-list.ts';
import { shippedOfficialYears } from './shipped-data.ts';

/** The name(s) of the holiday(s) of one day. */
interface HolidayLabel {
  /** As the official list gives it (Korean for KR); several joined with ", ". */
  name: string;
  englishName: string;
}

/** Public holidays of one year: day number → holiday name(s). */
type YearHolidays = ReadonlyMap<DayNumber, HolidayLabel>;

/** How the holidays of a year were obtained. */
type TrustLevel = 'official' | 'computed' | 'unknown';

/** The trust level of one year at one location. */
export interface YearTrust {
  year: number;
  level: TrustLevel;
  /** For people: which list or which rules. */
  source: string;
}

/** Where a calendar gets its holidays: official lists first, rules for the other years. */
export interface HolidaySource {
  /** The office-closing holidays of `year` at a resolved location, cached. */
  holidaysOfYear(location: HolidayLocation, year: number): YearHolidays;
  trustOfYear(location: HolidayLocation, year: number): YearTrust;
}

/** A country and optional first-level subdivision, both normalised. */
export interface HolidayLocation {
  country: string;
  region?: string;
}

/**
 * `date-holidays` carries the rules of every country (about 0.4 s of CPU to
 * load), so it loads on first use: Korea has its own rules and lists, and
 * `config check` of a Korean committee never needs it. A bare instance
 * answers the catalogue questions (countries, states).
 */
const requireModule = createRequire(import.meta.url);
let library: { Holidays: typeof Holidays; catalogue: Holidays; countries: ReadonlySet<string> } | undefined;
function holidaysLibrary(): NonNullable<typeof library> {
  if (!library) {
    const Library = requireModule('date-holidays') as typeof Holidays;
    const catalogue = new Library();
    library = { Holidays: Library, catalogue, countries: new Set(Object.keys(catalogue.getCountries())) };
  }
  return library;
}
const instances = new Map<string, Holidays>();

/** Whether `date-holidays` knows the country (ISO 3166-1 alpha-2, any case); KR always. */
export function isSupportedCountry(code: string): boolean {
  if (typeof code !== 'string') return false;
  const normalised = code.trim().toUpperCase();
  return normalised === 'KR' || holidaysLibrary().countries.has(normalised);
}

/**
 * Whether the region is a known subdivision of the country. Accepts the
 * library's code (`BY`) or the ISO 3166-2 form (`DE-BY`), in any case.
 */
export function isSupportedRegion(country: string, region: string): boolean {
  if (!isSupportedCountry(country)) return false;
  const code = normaliseCountry(country);
  return Object.hasOwn(holidaysLibrary().catalogue.getStates(code) ?? {}, stripCountryPrefix(code, region));
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
    const known = Object.keys(holidaysLibrary().catalogue.getStates(code) ?? {});
    const hint = known.length > 0 ? `known regions: ${known.join(', ')}` : 'this country has no regions';
    throw new RangeError(`Unknown region ${JSON.stringify(region)} for country ${code} (${hint})`);
  }
  return { country: code, region: stripCountryPrefix(code, region) };
}

const KOREAN_RULES = "jamun's rules for KR (관공서의 공휴일에 관한 규정, 공직선거법 제34조, KASI lunisolar table)";
const LIBRARY_RULES = 'the rules of date-holidays 3.37';

/**
 * A holiday source over the shipped official lists, the deployment's imported
 * ones (which replace a shipped list of the same country and year; later ones
 * replace earlier ones), and the rules.
 */
export function createHolidaySource(imported: readonly OfficialYear[]): HolidaySource {
  const official = new Map<string, OfficialYear>();
  for (const list of [...shippedOfficialYears(), ...imported]) official.set(`${list.country}|${list.year}`, list);
  const cache = new Map<string, YearHolidays>();
  const trustOfYear = (location: HolidayLocation, year: number): YearTrust => {
    const list = official.get(`${location.country}|${year}`);
    if (list) return { year, level: 'official', source: list.source };
    if (location.country !== 'KR') return { year, level: 'computed', source: LIBRARY_RULES };
    if (year < KOREAN_RULES_FIRST_YEAR || year > KOREAN_RULES_LAST_YEAR) {
      return { year, level: 'unknown', source: 'no list and no rules' };
    }
    return { year, level: 'computed', source: KOREAN_RULES };
  };
  return {
    trustOfYear,
    holidaysOfYear(location, year) {
      const key = `${location.country}|${location.region ?? ''}|${year}`;
      let result = cache.get(key);
      if (!result) {
        const list = official.get(`${location.country}|${year}`);
        result = list
          ? fromOfficialList(list)
          : location.country === 'KR'
            ? fromKoreanRules(year)
            : fromLibrary(location, year);
        cache.set(key, result);
      }
      return result;
    },
  };
}

let shipped: HolidaySource | undefined;

/** The source of the shipped official lists and the rules (what a deployment without imports uses). */
export function defaultHolidaySource(): HolidaySource {
  shipped ??= createHolidaySource([]);
  return shipped;
}

/** Collects names per day, several holidays of one day joined in list order. */
function collector(): { add(day: DayNumber, name: string, englishName: string): void; result(): YearHolidays } {
  const names = new Map<DayNumber, { ko: string[]; en: string[] }>();
  return {
    add(day, name, englishName) {
      const entry = names.get(day) ?? { ko: [], en: [] };
      if (!entry.ko.includes(name)) {
        entry.ko.push(name);
        entry.en.push(englishName);
      }
      names.set(day, entry);
    },
    result() {
      const out = new Map<DayNumber, HolidayLabel>();
      for (const [day, entry] of [...names].sort(([a], [b]) => a - b)) {
        out.set(day, { name: entry.ko.join(', '), englishName: entry.en.join(', ') });
      }
      return out;
    },
  };
}

/** The closing days of an official list, named per day. */
export function fromOfficialList(list: OfficialYear): YearHolidays {
  const names = collector();
  const korean = list.country === 'KR';
  for (const holiday of list.holidays) {
    if (!holiday.isHoliday) continue;
    names.add(toDayNumber(holiday.date), holiday.name, korean ? englishHolidayName(holiday.name) : holiday.name);
  }
  return names.result();
}

function fromKoreanRules(year: number): YearHolidays {
  const names = collector();
  for (const holiday of koreanHolidaysByRule(year) ?? []) names.add(holiday.day, holiday.name.ko, holiday.name.en);
  return names.result();
}

function fromLibrary(location: HolidayLocation, year: number): YearHolidays {
  const holidays = instanceFor(location);
  const names = collector();
  const first = firstDayOfYear(year);
  const last = firstDayOfYear(year + 1) - 1;
  // A multi-day holiday of the previous year may run into January.
  for (const holiday of [...holidays.getHolidays(year - 1, 'en'), ...holidays.getHolidays(year, 'en')]) {
    // bank, school, optional and observance days do not close the office.
    if (holiday.type !== 'public') continue;
    const start = isoDayNumber(holiday.date);
    // Rounded because a span crossing a DST change is not a whole number of days.
    const length = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / MS_PER_DAY));
    for (let offset = 0; offset < length; offset += 1) {
      const day = start + offset;
      if (day >= first && day <= last) names.add(day, holiday.name, holiday.name);
    }
  }
  return names.result();
}

function instanceFor(location: HolidayLocation): Holidays {
  const key = `${location.country}|${location.region ?? ''}`;
  let instance = instances.get(key);
  if (!instance) {
    const { Holidays: Library } = holidaysLibrary();
    instance =
      location.region === undefined ? new Library(location.country) : new Library(location.country, location.region);
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
