/**
 * Names of Korean public holidays as the official lists give them (the wording
 * of 「관공서의 공휴일에 관한 규정」 제2조·제3조), and their English names.
 * Official data carries only the Korean name; the English one is derived here,
 * so an imported list with a name we do not know still gets one (the Korean).
 */

/** A holiday name in both languages. */
export interface HolidayName {
  ko: string;
  en: string;
}

/** The regular holidays, by the key the rules use. */
export const KOREAN_HOLIDAY_NAMES = {
  newYear: { ko: '1월 1일', en: "New Year's Day" },
  seollalEve: { ko: '설날 전날', en: 'Day before Seollal' },
  seollal: { ko: '설날', en: 'Seollal' },
  seollalAfter: { ko: '설날 다음 날', en: 'Day after Seollal' },
  independence: { ko: '3·1절', en: 'Independence Movement Day' },
  labour: { ko: '노동절', en: 'Labour Day' },
  children: { ko: '어린이날', en: "Children's Day" },
  buddha: { ko: '부처님오신날', en: "Buddha's Birthday" },
  memorial: { ko: '현충일', en: 'Memorial Day' },
  constitution: { ko: '제헌절', en: 'Constitution Day' },
  liberation: { ko: '광복절', en: 'Liberation Day' },
  chuseokEve: { ko: '추석 전날', en: 'Day before Chuseok' },
  chuseok: { ko: '추석', en: 'Chuseok' },
  chuseokAfter: { ko: '추석 다음 날', en: 'Day after Chuseok' },
  foundation: { ko: '개천절', en: 'National Foundation Day' },
  hangeul: { ko: '한글날', en: 'Hangeul Day' },
  christmas: { ko: '기독탄신일', en: 'Christmas Day' },
} as const satisfies Record<string, HolidayName>;

const ENGLISH_BY_KOREAN = new Map<string, string>([
  ...Object.values(KOREAN_HOLIDAY_NAMES).map((name): [string, string] => [name.ko, name.en]),
  // Names other lists (and the service itself) use for the same days.
  ['신정', "New Year's Day"],
  ['1월1일', "New Year's Day"],
  ['삼일절', 'Independence Movement Day'],
  ['석가탄신일', "Buddha's Birthday"],
  ['근로자의 날', 'Labour Day'],
  ['성탄절', 'Christmas Day'],
  ['국군의 날', 'Armed Forces Day'],
  ['대체공휴일', 'Substitute Holiday'],
  ['임시공휴일', 'Temporary Public Holiday'],
  ['국회의원선거', 'National Assembly Election'],
  ['대통령선거', 'Presidential Election'],
  ['전국동시지방선거', 'Local Elections'],
]);

const ORDINAL = /^제(\d+)(대|회) ?(.+)$/;
const WRAPPED = /^(대체공휴일|임시공휴일) ?\((.+)\)$/;

/** The English name of an official Korean holiday name; the Korean name itself when unknown. */
export function englishHolidayName(korean: string): string {
  const name = korean.trim();
  const known = ENGLISH_BY_KOREAN.get(name);
  if (known) return known;
  const wrapped = WRAPPED.exec(name);
  if (wrapped?.[1] && wrapped[2]) {
    const inner = wrapped[2]
      .split('·')
      .map((part) => englishHolidayName(part))
      .join(', ');
    return `${englishHolidayName(wrapped[1])} (${inner})`;
  }
  const ordinal = ORDINAL.exec(name);
  if (ordinal?.[1] && ordinal[3]) {
    const base = ENGLISH_BY_KOREAN.get(ordinal[3].replace(/일$/, ''));
    if (base) return `${base} (${englishOrdinal(Number(ordinal[1]))})`;
  }
  return name;
}

/** `대체공휴일(어린이날·부처님오신날)`: the substitute for one or more holidays. */
export function substituteName(of: readonly HolidayName[]): HolidayName {
  return {
    ko: `대체공휴일(${of.map((name) => name.ko).join('·')})`,
    en: `Substitute Holiday (${of.map((name) => name.en).join(', ')})`,
  };
}

/** 1st, 2nd, 23rd, 11th. */
export function englishOrdinal(n: number): string {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}
