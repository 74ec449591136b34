import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../src/core/calendar/index.ts';

/**
 * The official public holidays of 관공서의 공휴일에 관한 규정 / 공휴일에 관한
 * 법률, written out by hand. They pin both the library data and our corrections.
 */
const korea = createBusinessCalendar({ country: 'KR', extraClosedDays: [], extraWorkingDays: [] });

function isWeekday(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

function namedHolidays(year: number): Array<[string, string | undefined]> {
  return korea
    .closedDaysBetween(`${year}-01-01`, `${year}-12-31`)
    .filter((day) => day.reason === 'public_holiday')
    .map((day) => [day.date, day.name]);
}

function weekdayClosures(year: number): string[] {
  return korea
    .closedDaysBetween(`${year}-01-01`, `${year}-12-31`)
    .map((day) => day.date)
    .filter(isWeekday);
}

describe('GIVEN the calendar of South Korea (KR)', () => {
  describe('WHEN listing the public holidays of 2024', () => {
    it('THEN it gives every official holiday with its Korean name, weekend ones included', () => {
      expect(namedHolidays(2024)).toEqual([
        ['2024-01-01', '신정'],
        ['2024-02-09', '설날'],
        ['2024-02-10', '설날'],
        ['2024-02-11', '설날'],
        ['2024-02-12', '설날 (대체공휴일)'],
        ['2024-03-01', '3·1절'],
        ['2024-04-10', '제22대 국회의원 선거일'],
        ['2024-05-05', '어린이날'],
        ['2024-05-06', '어린이날 (대체공휴일)'],
        ['2024-05-15', '부처님오신날'],
        ['2024-06-06', '현충일'],
        ['2024-08-15', '광복절'],
        ['2024-09-16', '추석'],
        ['2024-09-17', '추석'],
        ['2024-09-18', '추석'],
        ['2024-10-01', '임시공휴일(국군의 날)'],
        ['2024-10-03', '개천절'],
        ['2024-10-09', '한글날'],
        ['2024-12-25', '기독탄신일'],
      ]);
    });

    it('THEN exactly these weekdays are closed', () => {
      expect(weekdayClosures(2024)).toEqual([
        '2024-01-01',
        '2024-02-09',
        '2024-02-12',
        '2024-03-01',
        '2024-04-10',
        '2024-05-06',
        '2024-05-15',
        '2024-06-06',
        '2024-08-15',
        '2024-09-16',
        '2024-09-17',
        '2024-09-18',
        '2024-10-01',
        '2024-10-03',
        '2024-10-09',
        '2024-12-25',
      ]);
    });

    it('THEN the year has 262 weekdays minus 16 closures = 246 business days', () => {
      expect(korea.businessDaysBetween('2024-01-01', '2024-12-31')).toBe(246);
    });
  });

  describe('WHEN listing the public holidays of 2025', () => {
    it('THEN it gives every official holiday, shared and substitute days included', () => {
      expect(namedHolidays(2025)).toEqual([
        ['2025-01-01', '신정'],
        ['2025-01-27', '임시공휴일'],
        ['2025-01-28', '설날'],
        ['2025-01-29', '설날'],
        ['2025-01-30', '설날'],
        ['2025-03-01', '3·1절'],
        ['2025-03-03', '3·1절 (대체공휴일)'],
        ['2025-05-05', '어린이날, 부처님오신날'],
        ['2025-05-06', '어린이날 (대체공휴일), 부처님오신날 (대체공휴일)'],
        ['2025-06-03', '제21대 대통령 선거일'],
        ['2025-06-06', '현충일'],
        ['2025-08-15', '광복절'],
        ['2025-10-03', '개천절'],
        ['2025-10-05', '추석'],
        ['2025-10-06', '추석'],
        ['2025-10-07', '추석'],
        ['2025-10-08', '추석 (대체공휴일)'],
        ['2025-10-09', '한글날'],
        ['2025-12-25', '기독탄신일'],
      ]);
    });

    it('THEN exactly these weekdays are closed', () => {
      expect(weekdayClosures(2025)).toEqual([
        '2025-01-01',
        '2025-01-27',
        '2025-01-28',
        '2025-01-29',
        '2025-01-30',
        '2025-03-03',
        '2025-05-05',
        '2025-05-06',
        '2025-06-03',
        '2025-06-06',
        '2025-08-15',
        '2025-10-03',
        '2025-10-06',
        '2025-10-07',
        '2025-10-08',
        '2025-10-09',
        '2025-12-25',
      ]);
    });

    it('THEN the year has 261 weekdays minus 17 closures = 244 business days', () => {
      expect(korea.businessDaysBetween('2025-01-01', '2025-12-31')).toBe(244);
    });
  });

  describe('WHEN listing the public holidays of 2026', () => {
    it('THEN it gives every official holiday, including 노동절 and 제헌절 made public holidays in 2026', () => {
      expect(namedHolidays(2026)).toEqual([
        ['2026-01-01', '신정'],
        ['2026-02-16', '설날'],
        ['2026-02-17', '설날'],
        ['2026-02-18', '설날'],
        ['2026-03-01', '3·1절'],
        ['2026-03-02', '3·1절 (대체공휴일)'],
        ['2026-05-01', '노동절'],
        ['2026-05-05', '어린이날'],
        ['2026-05-24', '부처님오신날'],
        ['2026-05-25', '부처님오신날 (대체공휴일)'],
        ['2026-06-03', '제9회 전국동시지방선거일'],
        ['2026-06-06', '현충일'],
        ['2026-07-17', '제헌절'],
        ['2026-08-15', '광복절'],
        ['2026-08-17', '광복절 (대체공휴일)'],
        ['2026-09-24', '추석'],
        ['2026-09-25', '추석'],
        ['2026-09-26', '추석'],
        ['2026-10-03', '개천절'],
        ['2026-10-05', '개천절 (대체공휴일)'],
        ['2026-10-09', '한글날'],
        ['2026-12-25', '기독탄신일'],
      ]);
    });

    it('THEN exactly these weekdays are closed (no substitute for Chuseok ending on a Saturday)', () => {
      expect(weekdayClosures(2026)).toEqual([
        '2026-01-01',
        '2026-02-16',
        '2026-02-17',
        '2026-02-18',
        '2026-03-02',
        '2026-05-01',
        '2026-05-05',
        '2026-05-25',
        '2026-06-03',
        '2026-07-17',
        '2026-08-17',
        '2026-09-24',
        '2026-09-25',
        '2026-10-05',
        '2026-10-09',
        '2026-12-25',
      ]);
    });

    it('THEN the year has 261 weekdays minus 16 closures = 245 business days', () => {
      expect(korea.businessDaysBetween('2026-01-01', '2026-12-31')).toBe(245);
    });
  });

  describe('WHEN counting the round of the domain report (2024-02-08 to 2024-02-15)', () => {
    it('THEN it spans exactly 4 business days: 2/8, 2/13, 2/14, 2/15', () => {
      expect(korea.businessDaysBetween('2024-02-08', '2024-02-15')).toBe(4);
      const open = ['2024-02-08', '2024-02-13', '2024-02-14', '2024-02-15'];
      for (const date of open) expect(korea.isBusinessDay(date)).toBe(true);
    });

    it('THEN 2/9 to 2/12 (Seollal and its substitute day) are closed', () => {
      expect(korea.closedDaysBetween('2024-02-08', '2024-02-15')).toEqual([
        { date: '2024-02-09', reason: 'public_holiday', name: '설날' },
        { date: '2024-02-10', reason: 'public_holiday', name: '설날' },
        { date: '2024-02-11', reason: 'public_holiday', name: '설날' },
        { date: '2024-02-12', reason: 'public_holiday', name: '설날 (대체공휴일)' },
      ]);
    });
  });

  describe('WHEN looking at years outside the pinned ones', () => {
    it('THEN Seollal 2023 is the day before to the day after, plus the substitute for the Sunday', () => {
      expect(namedHolidays(2023).filter(([, name]) => name?.startsWith('설날'))).toEqual([
        ['2023-01-21', '설날'],
        ['2023-01-22', '설날'],
        ['2023-01-23', '설날'],
        ['2023-01-24', '설날 (대체공휴일)'],
      ]);
    });

    it('THEN the 2023 temporary holiday and the 2022 election days are closed', () => {
      for (const date of ['2023-10-02', '2022-03-09', '2022-06-01']) {
        expect(korea.closedDay(date)?.reason).toBe('public_holiday');
      }
    });

    it('THEN 노동절 stays a public holiday after 2026 and 제헌절 was a working day before', () => {
      expect(korea.closedDay('2028-05-01')).toEqual({ date: '2028-05-01', reason: 'public_holiday', name: '노동절' });
      expect(korea.isBusinessDay('2025-05-01')).toBe(true);
      expect(korea.isBusinessDay('2025-07-17')).toBe(true);
    });
  });
});
