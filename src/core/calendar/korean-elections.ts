/**
 * Election days fixed by law. Under 「공휴일에 관한 법률」 제2조 and
 * 「관공서의 공휴일에 관한 규정」 제2조제10호 the election day of an election
 * held because a term ends (임기만료에 의한 선거) is a public holiday, and
 * 「공직선거법」 제34조 fixes that day years ahead:
 *
 * - ① 대통령선거: the first Wednesday on or after the 70th day before the
 *   president's term ends; 국회의원선거: … the 50th day before the Assembly's
 *   term ends (29 May); 지방선거: … the 30th day before the local term ends
 *   (30 June). ("이후" includes the day itself: 2008-04-09 and 2006-05-31
 *   were such Wednesdays.)
 * - ② When that Wednesday is a 민속절 or public holiday, or the day before or
 *   after it is a public holiday, the election is on the Wednesday after.
 *
 * Terms: the Assembly's runs 30 May–29 May every four years (22nd: 2024–2028);
 * local terms 1 July–30 June every four years (9th elections: 2026); the 21st
 * president, elected early on 2025-06-03, took office on 2025-06-04, so the
 * term ends 2030-06-03 and each later regular term five years after.
 * An early (궐위) election or a by-election cannot be predicted; an early
 * presidential election also moves every later presidential date. Those come
 * only from official data.
 */
import { englishOrdinal, type HolidayName } from './korean-names.ts';
import { MS_PER_DAY, type DayNumber } from './local-date.ts';

/** An election day of a year, before the holiday check of 제34조②. */
interface ElectionTerm {
  /** Last day of the term the election fills, as a day number. */
  termEnd: DayNumber;
  /** Days before the term end from which the first Wednesday is taken. */
  daysBefore: number;
  name: HolidayName;
}

/** The last presidential term end not on the five-year cycle below (the 20th president's). */
const PRESIDENTIAL_TERM_ENDS_BEFORE_CYCLE: Readonly<Record<number, { ordinal: number; termEnd: string }>> = {
  2022: { ordinal: 20, termEnd: '2022-05-09' },
};
const PRESIDENTIAL_CYCLE_START = 2030;
const PRESIDENTIAL_CYCLE_ORDINAL = 22;
const ASSEMBLY_ANCHOR_YEAR = 2024;
const ASSEMBLY_ANCHOR_ORDINAL = 22;
const LOCAL_ANCHOR_YEAR = 2026;
const LOCAL_ANCHOR_ORDINAL = 9;

function utcDay(year: number, month: number, day: number): DayNumber {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function termsOf(year: number): ElectionTerm[] {
  const terms: ElectionTerm[] = [];
  const fixed = PRESIDENTIAL_TERM_ENDS_BEFORE_CYCLE[year];
  if (fixed) {
    const [y, m, d] = fixed.termEnd.split('-').map(Number) as [number, number, number];
    terms.push({ termEnd: utcDay(y, m, d), daysBefore: 70, name: presidential(fixed.ordinal) });
  } else if (year >= PRESIDENTIAL_CYCLE_START && (year - PRESIDENTIAL_CYCLE_START) % 5 === 0) {
    const ordinal = PRESIDENTIAL_CYCLE_ORDINAL + (year - PRESIDENTIAL_CYCLE_START) / 5;
    terms.push({ termEnd: utcDay(year, 6, 3), daysBefore: 70, name: presidential(ordinal) });
  }
  if ((year - ASSEMBLY_ANCHOR_YEAR) % 4 === 0) {
    const ordinal = ASSEMBLY_ANCHOR_ORDINAL + (year - ASSEMBLY_ANCHOR_YEAR) / 4;
    if (ordinal > 0) {
      terms.push({
        termEnd: utcDay(year, 5, 29),
        daysBefore: 50,
        name: { ko: `제${ordinal}대 국회의원선거`, en: `National Assembly Election (${englishOrdinal(ordinal)})` },
      });
    }
  }
  if ((year - LOCAL_ANCHOR_YEAR) % 4 === 0) {
    const ordinal = LOCAL_ANCHOR_ORDINAL + (year - LOCAL_ANCHOR_YEAR) / 4;
    if (ordinal > 0) {
      terms.push({
        termEnd: utcDay(year, 6, 30),
        daysBefore: 30,
        name: { ko: `제${ordinal}회 전국동시지방선거`, en: `Local Elections (${englishOrdinal(ordinal)})` },
      });
    }
  }
  return terms;
}

function presidential(ordinal: number): HolidayName {
  return { ko: `제${ordinal}대 대통령선거`, en: `Presidential Election (${englishOrdinal(ordinal)})` };
}

/** Day of week, 0 = Sunday (1970-01-01 was a Thursday). */
function weekday(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * The election days of `year` fixed by 공직선거법 제34조.
 * @param isPublicHoliday whether a day is a public holiday (elections aside).
 */
export function koreanElectionDays(
  year: number,
  isPublicHoliday: (day: DayNumber) => boolean,
): Array<{ day: DayNumber; name: HolidayName }> {
  return termsOf(year).map((term) => {
    const from = term.termEnd - term.daysBefore;
    let day = from + ((3 - weekday(from) + 7) % 7);
    while (isPublicHoliday(day) || isPublicHoliday(day - 1) || isPublicHoliday(day + 1)) day += 7;
    return { day, name: term.name };
  });
}
