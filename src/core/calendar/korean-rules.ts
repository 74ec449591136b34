/**
 * The South Korean public holidays of a year computed from the rules, for the
 * years no official list covers: 「관공서의 공휴일에 관한 규정」 제2조 (the
 * holidays), 제3조 (substitute holidays), 「공직선거법」 제34조 (election
 * days, see korean-elections.ts), and the lunisolar dates of lunar-dates.ts.
 *
 * 제3조 as applied here:
 * - ① 설날·추석 (the three days each) overlapping a Sunday or another holiday
 *   give a substitute on the first non-holiday after the three days;
 * - ② 3·1절, 광복절, 개천절, 한글날 (since 2021), 어린이날 (since 2014),
 *   부처님오신날 and 기독탄신일 (since 2023), and 노동절 and 제헌절 (public
 *   holidays again since 2026) on a Saturday, a Sunday or another holiday give
 *   a substitute on the first non-holiday after the day;
 * - ③ substitutes that would fall on the same day move on to the next
 *   non-holiday. A "non-holiday" is a weekday that is no holiday (offices are
 *   closed on Saturdays anyway; every published substitute is a weekday).
 * Two holidays on one weekday lose one day off, so they give one substitute
 * named after both (2025-05-06 대체공휴일(어린이날·부처님오신날)).
 */
import { koreanElectionDays } from './korean-elections.ts';
import { KOREAN_HOLIDAY_NAMES as N, substituteName, type HolidayName } from './korean-names.ts';
import { LUNAR_TABLE_FIRST_YEAR, LUNAR_TABLE_LAST_YEAR, lunarAnchors } from './lunar-dates.ts';
import { isWeekend, MS_PER_DAY, type DayNumber } from './local-date.ts';

/** The years the rules can compute (those of the lunisolar table). */
export const KOREAN_RULES_FIRST_YEAR = LUNAR_TABLE_FIRST_YEAR;
export const KOREAN_RULES_LAST_YEAR = LUNAR_TABLE_LAST_YEAR;

/** A public holiday of a computed year. */
export interface RuleHoliday {
  day: DayNumber;
  name: HolidayName;
}

/** How a holiday earns a substitute under 제3조. */
type SubstituteRule = 'three-days' | 'weekend' | 'none';

interface Primary {
  day: DayNumber;
  name: HolidayName;
  rule: SubstituteRule;
  /** The holiday the substitute is named after (설날 for all three days). */
  group: HolidayName;
  /** First and last day of the holiday's span (the three days of 설날·추석). */
  spanStart: DayNumber;
  spanEnd: DayNumber;
}

/**
 * Temporary holidays (임시공휴일) and early elections of past years: facts, not
 * rules, listed so the computed years before the official data are right.
 */
const PAST_ONE_OFFS: ReadonlyArray<{ date: [number, number, number]; name: HolidayName }> = [
  { date: [2015, 8, 14], name: { ko: '임시공휴일', en: 'Temporary Public Holiday' } },
  { date: [2016, 5, 6], name: { ko: '임시공휴일', en: 'Temporary Public Holiday' } },
  {
    date: [2017, 5, 9],
    name: { ko: '임시공휴일(제19대 대통령선거)', en: 'Temporary Public Holiday (Presidential Election (19th))' },
  },
  { date: [2017, 10, 2], name: { ko: '임시공휴일', en: 'Temporary Public Holiday' } },
  { date: [2020, 8, 17], name: { ko: '임시공휴일', en: 'Temporary Public Holiday' } },
  { date: [2023, 10, 2], name: { ko: '임시공휴일', en: 'Temporary Public Holiday' } },
];

function utcDay(year: number, month: number, day: number): DayNumber {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function weekday(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}

function primariesOf(year: number): Primary[] | undefined {
  const lunar = lunarAnchors(year);
  if (!lunar) return undefined;
  const list: Primary[] = [];
  const single = (day: DayNumber, name: HolidayName, rule: SubstituteRule): void => {
    list.push({ day, name, rule, group: name, spanStart: day, spanEnd: day });
  };
  const fixed = (month: number, date: number, name: HolidayName, rule: SubstituteRule): void => {
    single(utcDay(year, month, date), name, rule);
  };
  const threeDays = (centre: DayNumber, names: [HolidayName, HolidayName, HolidayName]): void => {
    names.forEach((name, offset) => {
      list.push({
        day: centre - 1 + offset,
        name,
        rule: 'three-days',
        group: names[1],
        spanStart: centre - 1,
        spanEnd: centre + 1,
      });
    });
  };
  const national = year >= 2021 ? 'weekend' : 'none';
  const since2023 = year >= 2023 ? 'weekend' : 'none';
  fixed(1, 1, N.newYear, 'none');
  threeDays(lunar.seollal, [N.seollalEve, N.seollal, N.seollalAfter]);
  fixed(3, 1, N.independence, national);
  if (year >= 2026) fixed(5, 1, N.labour, 'weekend');
  fixed(5, 5, N.children, 'weekend');
  single(lunar.buddhasBirthday, N.buddha, since2023);
  fixed(6, 6, N.memorial, 'none');
  if (year >= 2026) fixed(7, 17, N.constitution, 'weekend');
  fixed(8, 15, N.liberation, national);
  threeDays(lunar.chuseok, [N.chuseokEve, N.chuseok, N.chuseokAfter]);
  fixed(10, 3, N.foundation, national);
  fixed(10, 9, N.hangeul, national);
  fixed(12, 25, N.christmas, since2023);
  for (const oneOff of PAST_ONE_OFFS) {
    if (oneOff.date[0] === year) single(utcDay(...oneOff.date), oneOff.name, 'none');
  }
  // On a shared day the holiday whose span began first is named first (추석·개천절).
  return list.sort((a, b) => a.day - b.day || a.spanStart - b.spanStart);
}

/** Whether the holiday loses its day on `day` for the reason of its rule. */
function conflicts(holiday: Primary, sharedWithAnother: boolean): boolean {
  if (holiday.rule === 'none') return false;
  if (sharedWithAnother) return true;
  const dow = weekday(holiday.day);
  return holiday.rule === 'three-days' ? dow === 0 : dow === 0 || dow === 6;
}

/** Substitute requests of each day, in date order: after which day, named after what. */
function substituteRequests(primaries: readonly Primary[]): Array<{ after: DayNumber; of: HolidayName[] }> {
  const byDay = new Map<DayNumber, Primary[]>();
  for (const holiday of primaries) byDay.set(holiday.day, [...(byDay.get(holiday.day) ?? []), holiday]);
  const requests: Array<{ after: DayNumber; of: HolidayName[] }> = [];
  for (const [day, holidays] of byDay) {
    const shared = holidays.length > 1;
    const losing = holidays.filter((holiday) => conflicts(holiday, shared));
    if (losing.length === 0) continue;
    const after = Math.max(...losing.map((holiday) => holiday.spanEnd));
    const groups = [...new Set(losing.map((holiday) => holiday.group))];
    if (isWeekend(day)) {
      // On a weekend every losing holiday lost a day of its own.
      for (const holiday of losing) requests.push({ after: holiday.spanEnd, of: [holiday.group] });
    } else {
      // On a weekday the holidays share one day off: one day was lost per extra holiday.
      for (let lost = 0; lost < holidays.length - 1; lost += 1) requests.push({ after, of: groups });
    }
  }
  return requests;
}

/**
 * The public holidays of `year` by the rules, one entry per holiday (a day
 * can have two), in date order; undefined outside the years the rules cover.
 */
export function koreanHolidaysByRule(year: number): RuleHoliday[] | undefined {
  const primaries = primariesOf(year);
  if (!primaries) return undefined;
  const closed = new Set(primaries.map((holiday) => holiday.day));
  const result: RuleHoliday[] = primaries.map(({ day, name }) => ({ day, name }));
  for (const request of substituteRequests(primaries)) {
    let day = request.after + 1;
    while (closed.has(day) || isWeekend(day)) day += 1;
    closed.add(day);
    result.push({ day, name: substituteName(request.of) });
  }
  for (const election of koreanElectionDays(year, (day) => closed.has(day))) {
    result.push(election);
  }
  // Stable: a day's holidays keep the order above.
  return result.sort((a, b) => a.day - b.day);
}
