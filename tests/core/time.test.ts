/**
 * Tests of `src/core/time.ts`. They live beside the text tests because
 * `formatOfficialDate` is what every message shows as a deadline.
 */
import { describe, expect, it } from 'vitest';
import {
  formatLocal,
  formatOfficialDate,
  formatOfficialDay,
  formatOfficialDayRange,
  instantOf,
  localDateOf,
  localDateTimeOf,
} from '../../src/core/time.ts';

const SEOUL = 'Asia/Seoul';
const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';
/** 2024-02-15 18:00 in Seoul (UTC+9, no DST). */
const SEED_DEADLINE = new Date('2024-02-15T09:00:00Z');

describe('instantOf', () => {
  it('GIVEN "YYYY-MM-DD HH:mm" in Seoul THEN it is that wall-clock time in Seoul', () => {
    expect(instantOf('2024-02-15 18:00', SEOUL)).toEqual(SEED_DEADLINE);
  });

  it('GIVEN "YYYY-MM-DDTHH:mm" THEN it reads the same as with a space', () => {
    expect(instantOf('2024-02-15T18:00', SEOUL)).toEqual(SEED_DEADLINE);
  });

  it('GIVEN surrounding spaces THEN they are ignored', () => {
    expect(instantOf('  2024-02-15 18:00 ', SEOUL)).toEqual(SEED_DEADLINE);
  });

  it('GIVEN a date only THEN the default time 18:00 applies', () => {
    expect(instantOf('2024-02-15', SEOUL)).toEqual(SEED_DEADLINE);
  });

  it('GIVEN a date only and a default time THEN that time applies', () => {
    expect(instantOf('2024-02-15', SEOUL, '09:00')).toEqual(new Date('2024-02-15T00:00:00Z'));
  });

  it('GIVEN the same wall-clock time in another zone THEN the instant differs by the offset', () => {
    expect(instantOf('2024-02-15 18:00', NEW_YORK)).toEqual(new Date('2024-02-15T23:00:00Z'));
  });

  it('GIVEN 29 February of a leap year THEN it is valid', () => {
    expect(instantOf('2024-02-29', SEOUL)).toEqual(new Date('2024-02-29T09:00:00Z'));
  });

  it.each(['2024-02-30', '2023-02-29', '2024-02-30 10:00', '2024-13-01', '2024-02-15 25:00', '2024-02-15 24:00'])(
    'GIVEN the impossible date-time %j THEN null',
    (value) => {
      expect(instantOf(value, SEOUL)).toBeNull();
    },
  );

  it.each(['', 'tomorrow', '2024-2-5', '15.02.2024', '2024-02-15 18:00:00', '2024-02-15 18:00Z', '2024-02-15 6pm'])(
    'GIVEN the unsupported format %j THEN null',
    (value) => {
      expect(instantOf(value, SEOUL)).toBeNull();
    },
  );

  it('GIVEN a time skipped by the DST change in Berlin (2024-03-31 02:30) THEN null', () => {
    expect(instantOf('2024-03-31 02:30', BERLIN)).toBeNull();
  });

  it('GIVEN the first valid time after the Berlin DST change (03:30) THEN it is summer time', () => {
    expect(instantOf('2024-03-31 03:30', BERLIN)).toEqual(new Date('2024-03-31T01:30:00Z'));
  });

  it('GIVEN a time that occurs twice when DST ends in Berlin THEN it is an instant that reads back as that time', () => {
    const at = instantOf('2024-10-27 02:30', BERLIN);
    expect(at).not.toBeNull();
    if (at) expect(formatLocal(at, BERLIN)).toBe('2024-10-27 02:30');
  });

  it('GIVEN an unknown time zone THEN null', () => {
    expect(instantOf('2024-02-15 18:00', 'Mars/Olympus_Mons')).toBeNull();
  });
});

describe('formatLocal, localDateTimeOf, localDateOf', () => {
  it('GIVEN the seed deadline THEN it reads 2024-02-15 18:00 in Seoul and 04:00 in New York', () => {
    expect(formatLocal(SEED_DEADLINE, SEOUL)).toBe('2024-02-15 18:00');
    expect(formatLocal(SEED_DEADLINE, NEW_YORK)).toBe('2024-02-15 04:00');
  });

  it('GIVEN an instant THEN localDateTimeOf uses the T form that instantOf reads back', () => {
    const text = localDateTimeOf(SEED_DEADLINE, SEOUL);
    expect(text).toBe('2024-02-15T18:00');
    expect(instantOf(text, SEOUL)).toEqual(SEED_DEADLINE);
  });

  it('GIVEN an instant late in the UTC day THEN localDateOf is already the next day in Seoul', () => {
    expect(localDateOf(new Date('2024-02-15T16:00:00Z'), SEOUL)).toBe('2024-02-16');
    expect(localDateOf(new Date('2024-02-15T16:00:00Z'), NEW_YORK)).toBe('2024-02-15');
  });
});

describe('formatOfficialDate', () => {
  it('GIVEN Korean THEN it shows the date, the Korean weekday in brackets and the time', () => {
    expect(formatOfficialDate(SEED_DEADLINE, SEOUL, 'ko')).toBe('2024. 2. 15.(목) 18:00');
  });

  it('GIVEN the start of the seed window in Korean THEN Thursday 2024-02-08 is (목) and the holiday Friday is (금)', () => {
    expect(formatOfficialDate(new Date('2024-02-08T00:00:00Z'), SEOUL, 'ko')).toBe('2024. 2. 8.(목) 09:00');
    expect(formatOfficialDate(new Date('2024-02-09T00:00:00Z'), SEOUL, 'ko')).toBe('2024. 2. 9.(금) 09:00');
  });

  it('GIVEN English THEN it shows the English weekday first', () => {
    expect(formatOfficialDate(SEED_DEADLINE, SEOUL, 'en')).toBe('Thu 15 Feb 2024 18:00');
  });

  it('GIVEN a member in another zone THEN the weekday is the one of their local day', () => {
    expect(formatOfficialDate(new Date('2024-02-15T16:00:00Z'), SEOUL, 'ko')).toBe('2024. 2. 16.(금) 01:00');
    expect(formatOfficialDate(new Date('2024-02-15T16:00:00Z'), NEW_YORK, 'en')).toBe('Thu 15 Feb 2024 11:00');
  });
});

describe('formatOfficialDay and formatOfficialDayRange', () => {
  it("GIVEN the seed window THEN the report overview reads '24. 2. 8.(목) ~ 2. 15.(목)", () => {
    expect(formatOfficialDayRange('2024-02-08', '2024-02-15', 'ko', { year: 'short' })).toBe(
      "'24. 2. 8.(목) ~ 2. 15.(목)",
    );
  });

  it('GIVEN a range across years THEN both days carry the year', () => {
    expect(formatOfficialDayRange('2024-12-30', '2025-01-03', 'ko')).toBe('2024. 12. 30.(월) ~ 2025. 1. 3.(금)');
  });

  it('GIVEN no weekday and no year THEN the holiday note style 2. 9.', () => {
    expect(formatOfficialDay('2024-02-09', 'ko', { year: 'none', weekday: false })).toBe('2. 9.');
  });

  it('GIVEN English THEN weekday, day, month and year', () => {
    expect(formatOfficialDay('2024-02-12', 'en')).toBe('Mon 12 Feb 2024');
  });
});
