/**
 * Korean lunisolar dates the public holidays hang on: 설날 (lunar 1/1),
 * 부처님오신날 (lunar 4/8 of the regular, not a leap, fourth month) and
 * 추석 (lunar 8/15), as Gregorian dates, for the years the rules cover.
 *
 * Provenance (no network here, so nothing was downloaded at build time):
 * - 2014–2050: the KASI (한국천문연구원) lunar tables as bundled by the npm
 *   package korean-lunar-calendar 0.4.0, which reproduces KASI's published
 *   음양력 tables (KASI publishes them up to 2050). These include the 2033
 *   leap-month case (윤11월), so 추석 2033 is 9/8, not 10/7.
 * - 2051–2100: computed astronomically (new moons and solar terms of VSOP87/
 *   Meeus, Korean Standard Time UTC+9) with date-chinese 2.1.4's CalendarKorean,
 *   which agrees with the KASI table on every one of these dates for 1962–2050
 *   except 2033. The closest call is 설날 2092 (new moon 00:02 KST on 2/8);
 *   a smaller ΔT than the extrapolated one only moves it further from midnight.
 * Each entry is `MMDD MMDD MMDD`: 설날, 부처님오신날, 추석.
 */
import { MS_PER_DAY, type DayNumber } from './local-date.ts';

/** First and last year of the table. */
export const LUNAR_TABLE_FIRST_YEAR = 2014;
export const LUNAR_TABLE_LAST_YEAR = 2100;

// biome-ignore format: one row of four years per line keeps the table readable.
const TABLE: readonly string[] = [
  '0131 0506 0908', '0219 0525 0927', '0208 0514 0915', '0128 0503 1004', // 2014
  '0216 0522 0924', '0205 0512 0913', '0125 0430 1001', '0212 0519 0921', // 2018
  '0201 0508 0910', '0122 0527 0929', '0210 0515 0917', '0129 0505 1006', // 2022
  '0217 0524 0925', '0207 0513 0915', '0127 0502 1003', '0213 0520 0922', // 2026
  '0203 0509 0912', '0123 0528 1001', '0211 0516 0919', '0131 0506 0908', // 2030
  '0219 0525 0927', '0208 0515 0916', '0128 0503 1004', '0215 0522 0924', // 2034
  '0204 0511 0913', '0124 0430 1002', '0212 0518 0921', '0201 0507 0910', // 2038
  '0122 0526 0928', '0210 0516 0917', '0130 0505 1005', '0217 0524 0925', // 2042
  '0206 0513 0915', '0126 0502 1004', '0214 0520 0922', '0202 0509 0911', // 2046
  '0123 0528 0930', '0211 0517 0919', '0201 0506 0907', '0219 0525 0926', // 2050
  '0208 0515 0916', '0128 0504 1005', '0215 0522 0924', '0204 0511 0913', // 2054
  '0124 0430 1002', '0212 0519 0921', '0202 0507 0909', '0122 0526 0928', // 2058
  '0209 0516 0917', '0129 0505 1006', '0217 0523 0925', '0205 0512 0915', // 2062
  '0126 0501 1003', '0214 0520 0923', '0203 0509 0911', '0123 0428 0929', // 2066
  '0211 0517 0919', '0131 0507 0908', '0219 0525 0926', '0207 0514 0916', // 2070
  '0127 0503 1005', '0215 0522 0924', '0205 0510 0912', '0124 0430 1001', // 2074
  '0212 0519 0920', '0202 0508 0910', '0122 0526 0928', '0209 0516 0917', // 2078
  '0129 0505 1006', '0217 0524 0926', '0206 0512 0914', '0126 0501 1003', // 2082
  '0214 0520 0922', '0203 0510 0911', '0124 0428 0929', '0211 0517 0919', // 2086
  '0130 0507 0908', '0218 0525 0927', '0208 0513 0916', '0127 0503 1005', // 2090
  '0215 0521 0924', '0205 0511 0913', '0125 0430 1001', '0212 0519 0920', // 2094
  '0201 0508 0910', '0121 0527 0929', '0209 0516 0918', // 2098
];

/** The lunisolar holiday anchors of one year. */
export interface LunarAnchors {
  /** 설날, lunar 1/1. */
  seollal: DayNumber;
  /** 부처님오신날, lunar 4/8. */
  buddhasBirthday: DayNumber;
  /** 추석, lunar 8/15. */
  chuseok: DayNumber;
}

/** The anchors of `year`, or undefined outside the table. */
export function lunarAnchors(year: number): LunarAnchors | undefined {
  const row = TABLE[year - LUNAR_TABLE_FIRST_YEAR];
  if (row === undefined || year < LUNAR_TABLE_FIRST_YEAR) return undefined;
  const [seollal, buddhasBirthday, chuseok] = row.split(' ').map((mmdd) => dayOf(year, mmdd));
  if (seollal === undefined || buddhasBirthday === undefined || chuseok === undefined) return undefined;
  return { seollal, buddhasBirthday, chuseok };
}

function dayOf(year: number, mmdd: string): DayNumber {
  return Date.UTC(year, Number(mmdd.slice(0, 2)) - 1, Number(mmdd.slice(2, 4))) / MS_PER_DAY;
}
