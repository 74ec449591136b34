/**
 * Corrections to the South Korean data of `date-holidays` (3.37), checked
 * against the official public holidays of 관공서의 공휴일에 관한 규정 and
 * 공휴일에 관한 법률. The pinned lists in tests/core/calendar fail when the
 * library or these corrections drift.
 */
import type Holidays from 'date-holidays';
import type { LocalDate } from '../model.ts';

/** A public holiday the library does not know. */
export interface HolidayAddition {
  date: LocalDate;
  name: { ko: string; en: string };
}

/**
 * The library's Seollal rule. It spans lunar 1/1 to 1/3, but the official
 * holiday is the day before Seollal to the day after (lunar 12/last to 1/2):
 * for 2024 the library says 2/10–2/12, the law 2/9–2/11 (+ substitute 2/12).
 * The library's Seollal substitute rules are already anchored on the real days.
 * See https://github.com/commenthol/date-holidays/issues/640.
 */
const SEOLLAL_RULE = 'korean 01-0-01 P3D';

/**
 * How many days to move the first day of a library holiday span so that it
 * matches the official dates. Matching on the exact rule text means a future
 * library fix (which would change the rule) switches the correction off
 * instead of shifting the right dates a second time.
 */
export function koreanSpanShift(rule: string): number {
  return rule === SEOLLAL_RULE ? -1 : 0;
}

/**
 * The library still uses 석가탄신일, the name of Buddha's Birthday before the
 * 2017 amendment of 관공서의 공휴일에 관한 규정 renamed it 부처님오신날.
 * Applied to substitute names ("석가탄신일 (대체공휴일)") too.
 */
export function officialKoreanName(name: string): string {
  return name.replace('석가탄신일', '부처님오신날');
}

const LABOUR_DAY_NAME = { ko: '노동절', en: 'Labour Day' };

/**
 * Recurring holidays the library lacks, added as library rules so its
 * substitute-holiday machinery applies.
 *
 * 노동절 (May 1): the amendment of 공휴일에 관한 법률 passed by the National
 * Assembly on 2026-03-31 and promulgated in April 2026 made it a public holiday
 * from 2026-05-01 on, with substitute holidays when it falls on a weekend.
 * (The 2026 reinstatement of 제헌절, July 17, is already in the library.)
 */
export function addKoreanRecurringHolidays(holidays: Holidays): void {
  holidays.setHoliday('05-01 since 2026', { name: LABOUR_DAY_NAME, type: 'public' });
  holidays.setHoliday('substitutes 05-01 if Saturday,Sunday then next Monday', {
    name: LABOUR_DAY_NAME,
    type: 'public',
    substitute: true,
    active: [{ from: '2026-01-01' }],
  });
}

/**
 * One-off public holidays: election days (공직선거법 선거일, public holidays
 * under 공휴일에 관한 법률 art. 2) and temporary holidays (임시공휴일) designated
 * by cabinet decision. The library has none of them.
 */
const KOREAN_ONE_OFF_HOLIDAYS: readonly HolidayAddition[] = [
  { date: '2022-03-09', name: { ko: '제20대 대통령 선거일', en: 'Presidential Election Day' } },
  { date: '2022-06-01', name: { ko: '제8회 전국동시지방선거일', en: 'Local Elections Day' } },
  // Designated to bridge Chuseok (9/28–9/30) and 개천절 (10/3).
  { date: '2023-10-02', name: { ko: '임시공휴일', en: 'Temporary Public Holiday' } },
  { date: '2024-04-10', name: { ko: '제22대 국회의원 선거일', en: 'National Assembly Election Day' } },
  // 국군의 날 was designated a temporary holiday for 2024 only by cabinet decision.
  { date: '2024-10-01', name: { ko: '임시공휴일(국군의 날)', en: 'Armed Forces Day (Temporary Public Holiday)' } },
  // Designated to join the weekend to Seollal (1/28–1/30).
  { date: '2025-01-27', name: { ko: '임시공휴일', en: 'Temporary Public Holiday' } },
  { date: '2025-06-03', name: { ko: '제21대 대통령 선거일', en: 'Presidential Election Day' } },
  { date: '2026-06-03', name: { ko: '제9회 전국동시지방선거일', en: 'Local Elections Day' } },
];

/** The one-off Korean public holidays of `year`. */
export function koreanOneOffHolidays(year: number): readonly HolidayAddition[] {
  const prefix = `${year}-`;
  return KOREAN_ONE_OFF_HOLIDAYS.filter((holiday) => holiday.date.startsWith(prefix));
}
