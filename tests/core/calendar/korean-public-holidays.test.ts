import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../src/core/calendar/index.ts';
import { koreanHolidaysByRule } from '../../../src/core/calendar/korean-rules.ts';

/**
 * The South Korean calendar against the official lists of 2024–2028. The
 * expected lists are read straight from the shipped data files (not from the
 * rules), so the calendar, the data files and the rules are checked against
 * each other; the business-day counts are worked out by hand.
 */
const korea = createBusinessCalendar({ country: 'KR', extraClosedDays: [], extraWorkingDays: [] });

interface ServiceItem {
  locdate: number;
  dateName: string;
  isHoliday: string;
}

/** [date, name] of every closing entry of a shipped data file, as the file lists them. */
function dataFile(year: number): Array<[string, string]> {
  const text = readFileSync(new URL(`../../../src/core/calendar/data/kr-${year}.json`, import.meta.url), 'utf8');
  const items = (JSON.parse(text) as { response: { body: { items: { item: ServiceItem[] } } } }).response.body.items
    .item;
  return items
    .filter((item) => item.isHoliday === 'Y')
    .map((item) => {
      const d = String(item.locdate);
      return [`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`, item.dateName];
    });
}

/** The data file's entries merged per day the way the calendar names a day with two holidays. */
function dataFileByDay(year: number): Array<[string, string]> {
  const byDay = new Map<string, string[]>();
  for (const [date, name] of dataFile(year)) byDay.set(date, [...(byDay.get(date) ?? []), name]);
  return [...byDay].map(([date, names]) => [date, names.join(', ')]);
}

function namedHolidays(year: number): Array<[string, string | undefined]> {
  return korea
    .closedDaysBetween(`${year}-01-01`, `${year}-12-31`)
    .filter((day) => day.reason === 'public_holiday')
    .map((day) => [day.date, day.name]);
}

function isoOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function byRule(year: number): Array<[string, string]> {
  return (koreanHolidaysByRule(year) ?? []).map((holiday) => [isoOf(holiday.day), holiday.name.ko]);
}

describe('GIVEN the shipped official lists of 2024–2028', () => {
  it.each([2024, 2025, 2026, 2027, 2028])('WHEN listing %i THEN the calendar gives exactly the data file', (year) => {
    expect(korea.trustOfYear(year).level).toBe('official');
    expect(namedHolidays(year)).toEqual(dataFileByDay(year));
  });

  it('THEN the data files hold the dates of the published lists', () => {
    expect(dataFile(2024).map(([date]) => date.slice(5))).toEqual(
      '01-01 02-09 02-10 02-11 02-12 03-01 04-10 05-05 05-06 05-15 06-06 08-15 09-16 09-17 09-18 10-01 10-03 10-09 12-25'.split(
        ' ',
      ),
    );
    expect(dataFile(2025).map(([date]) => date.slice(5))).toEqual(
      '01-01 01-27 01-28 01-29 01-30 03-01 03-03 05-05 05-05 05-06 06-03 06-06 08-15 10-03 10-05 10-06 10-07 10-08 10-09 12-25'.split(
        ' ',
      ),
    );
    expect(dataFile(2026).map(([date]) => date.slice(5))).toEqual(
      '01-01 02-16 02-17 02-18 03-01 03-02 05-01 05-05 05-24 05-25 06-03 06-06 07-17 08-15 08-17 09-24 09-25 09-26 10-03 10-05 10-09 12-25'.split(
        ' ',
      ),
    );
    expect(dataFile(2027).map(([date]) => date.slice(5))).toEqual(
      '01-01 02-06 02-07 02-08 02-09 03-01 05-01 05-03 05-05 05-13 06-06 07-17 07-19 08-15 08-16 09-14 09-15 09-16 10-03 10-04 10-09 10-11 12-25 12-27'.split(
        ' ',
      ),
    );
    expect(dataFile(2028).map(([date]) => date.slice(5))).toEqual(
      '01-01 01-26 01-27 01-28 03-01 04-12 05-01 05-02 05-05 06-06 07-17 08-15 10-02 10-03 10-03 10-04 10-05 10-09 12-25'.split(
        ' ',
      ),
    );
  });

  it('THEN the names are those of the official list', () => {
    expect(korea.closedDay('2024-01-01')?.name).toBe('1월 1일');
    expect(namedHolidays(2024).slice(1, 5)).toEqual([
      ['2024-02-09', '설날 전날'],
      ['2024-02-10', '설날'],
      ['2024-02-11', '설날 다음 날'],
      ['2024-02-12', '대체공휴일(설날)'],
    ]);
    expect(korea.closedDay('2024-05-06')?.name).toBe('대체공휴일(어린이날)');
    expect(korea.closedDay('2025-05-06')?.name).toBe('대체공휴일(어린이날·부처님오신날)');
    expect(korea.closedDay('2025-06-03')?.name).toBe('임시공휴일(제21대 대통령선거)');
    expect(korea.closedDay('2028-10-03')?.name).toBe('추석, 개천절');
  });

  it('THEN every name has its English name', () => {
    expect(korea.closedDay('2024-01-01')?.englishName).toBe("New Year's Day");
    expect(korea.closedDay('2025-05-06')?.englishName).toBe("Substitute Holiday (Children's Day, Buddha's Birthday)");
    expect(korea.closedDay('2025-06-03')?.englishName).toBe('Temporary Public Holiday (Presidential Election (21st))');
    expect(korea.closedDay('2028-04-12')?.englishName).toBe('National Assembly Election (23rd)');
    expect(korea.closedDay('2024-10-01')?.englishName).toBe('Temporary Public Holiday (Armed Forces Day)');
  });

  it('THEN 2028-04-12, the 23rd National Assembly election, is closed', () => {
    expect(korea.businessDaysBetween('2028-04-12', '2028-04-12')).toBe(0);
  });

  it('THEN the yearly business days are the weekdays less the weekday holidays (worked out by hand)', () => {
    expect(korea.businessDaysBetween('2024-01-01', '2024-12-31')).toBe(262 - 16);
    expect(korea.businessDaysBetween('2025-01-01', '2025-12-31')).toBe(261 - 17);
    expect(korea.businessDaysBetween('2026-01-01', '2026-12-31')).toBe(261 - 16);
    expect(korea.businessDaysBetween('2027-01-01', '2027-12-31')).toBe(261 - 15);
    expect(korea.businessDaysBetween('2028-01-01', '2028-12-31')).toBe(260 - 17);
  });
});

describe('GIVEN the rules WHEN checked against the official lists of the years both cover', () => {
  /** Designations no rule can predict: temporary holidays and the early presidential election. */
  const designated = new Set(['2024-10-01', '2025-01-27', '2025-06-03']);

  it.each([2024, 2025, 2026, 2027, 2028])('THEN the rules give the list of %i, designations aside', (year) => {
    const official = dataFile(year).filter(([date]) => !designated.has(date));
    expect(byRule(year)).toEqual(official);
  });
});

describe('GIVEN years no official list covers', () => {
  it('WHEN 2029 is asked THEN it is computed, and 2101 (past the lunisolar table) unknown', () => {
    expect(korea.trustOfYear(2029).level).toBe('computed');
    expect(korea.trustOfYear(2101).level).toBe('unknown');
    expect(korea.trustBetween('2028-12-01', '2030-01-10').map((trust) => trust.level)).toEqual([
      'official',
      'computed',
      'computed',
    ]);
  });

  it('WHEN a year is unknown THEN only weekends close', () => {
    expect(korea.isBusinessDay('2101-01-03')).toBe(true);
    expect(korea.closedDaysBetween('2101-01-01', '2101-01-31').every((day) => day.reason === 'weekend')).toBe(true);
  });

  it('WHEN 2033 is computed THEN 추석 is 9/7–9/9 (the leap 11th month of 2033, not 10/6–10/8)', () => {
    expect(byRule(2033).filter(([, name]) => name.startsWith('추석'))).toEqual([
      ['2033-09-07', '추석 전날'],
      ['2033-09-08', '추석'],
      ['2033-09-09', '추석 다음 날'],
    ]);
  });

  it('WHEN a substitute would fall on another holiday THEN it moves to the first following non-holiday (제3조)', () => {
    // 부처님오신날 on Sat 5/3, 5/5 어린이날 on Monday.
    expect(korea.closedDay('2036-05-06')?.name).toBe('대체공휴일(부처님오신날)');
    // 어린이날 on Sunday, 부처님오신날 on Monday 5/6.
    expect(korea.closedDay('2052-05-07')?.name).toBe('대체공휴일(어린이날)');
    // 개천절 on Sunday, 추석 Mon 10/4 – Wed 10/6.
    expect(korea.closedDay('2055-10-07')?.name).toBe('대체공휴일(개천절)');
    expect(korea.isBusinessDay('2055-10-08')).toBe(true);
  });

  it('WHEN two holidays share a weekday THEN they give one substitute, and one more per Sunday lost (2036)', () => {
    expect(byRule(2036).filter(([date]) => date >= '2036-10-01' && date <= '2036-10-09')).toEqual([
      ['2036-10-03', '추석 전날'],
      ['2036-10-03', '개천절'],
      ['2036-10-04', '추석'],
      ['2036-10-05', '추석 다음 날'],
      ['2036-10-06', '대체공휴일(추석·개천절)'],
      ['2036-10-07', '대체공휴일(추석)'],
      ['2036-10-09', '한글날'],
    ]);
  });

  it('WHEN 설날 or 추석 overlaps a Sunday after 2050 THEN the substitute is still given', () => {
    expect(korea.closedDay('2052-09-09')?.name).toBe('대체공휴일(추석)');
    expect(korea.closedDay('2060-02-04')?.name).toBe('대체공휴일(설날)');
    expect(korea.closedDay('2099-01-20')?.name).toBe('설날 전날');
  });

  it('WHEN 노동절 falls on a weekend THEN its substitute is the first following non-holiday, not "next Monday"', () => {
    // 2039: 부처님오신날 Sat 4/30 takes Mon 5/2; 노동절 (Sun 5/1) moves on to Tue 5/3.
    expect(korea.closedDay('2039-05-02')?.name).toBe('대체공휴일(부처님오신날)');
    expect(korea.closedDay('2039-05-03')?.name).toBe('대체공휴일(노동절)');
    expect(korea.closedDay('2027-05-03')?.name).toBe('대체공휴일(노동절)');
  });

  it('WHEN elections are due THEN their days follow 공직선거법 제34조', () => {
    expect(byRule(2032).filter(([, name]) => name.includes('선거'))).toEqual([['2032-04-14', '제24대 국회의원선거']]);
    // The 21st president's term ends 2030-06-03: the first Wednesday from 3/25.
    // Local: Wed 6/5 is next to 현충일 (Thu 6/6), so the Wednesday after (제34조②).
    expect(byRule(2030).filter(([, name]) => name.includes('선거'))).toEqual([
      ['2030-03-27', '제22대 대통령선거'],
      ['2030-06-12', '제10회 전국동시지방선거'],
    ]);
    // The 50th day before 29 May, 4/9/2036, is itself a Wednesday.
    expect(korea.closedDay('2036-04-09')?.name).toBe('제25대 국회의원선거');
  });

  it('WHEN past years are computed THEN they match what was observed', () => {
    expect(byRule(2023).filter(([, name]) => name.includes('설날') || name === '임시공휴일')).toEqual([
      ['2023-01-21', '설날 전날'],
      ['2023-01-22', '설날'],
      ['2023-01-23', '설날 다음 날'],
      ['2023-01-24', '대체공휴일(설날)'],
      ['2023-10-02', '임시공휴일'],
    ]);
    expect(byRule(2022).filter(([, name]) => name.includes('선거'))).toEqual([
      ['2022-03-09', '제20대 대통령선거'],
      ['2022-06-01', '제8회 전국동시지방선거'],
    ]);
    expect(korea.isBusinessDay('2025-05-01')).toBe(true);
    expect(korea.isBusinessDay('2025-07-17')).toBe(true);
  });
});
