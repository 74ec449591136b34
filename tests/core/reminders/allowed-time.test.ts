import { describe, expect, it } from 'vitest';
import {
  type AllowedTimeRules,
  disallowedReason,
  isQuietMinute,
  latestDecentMomentBefore,
  nextAllowedMoment,
} from '../../../src/core/reminders/index.ts';
import { krCalendar, kst, SEOUL, settingsWith } from './fixtures.ts';

const rules: AllowedTimeRules = { timeZone: SEOUL, calendar: krCalendar, settings: settingsWith() };
const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

describe('isQuietMinute', () => {
  it('GIVEN quiet hours 21:00–08:00 (wrapping) THEN 21:00 and 07:59 are quiet, 08:00 and 20:59 are not', () => {
    const quiet = { start: '21:00', end: '08:00' };
    expect(['21:00', '23:59', '00:00', '07:59'].map((t) => isQuietMinute(minutes(t), quiet))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['08:00', '12:00', '20:59'].map((t) => isQuietMinute(minutes(t), quiet))).toEqual([false, false, false]);
  });

  it('GIVEN quiet hours 12:00–13:00 (not wrapping) THEN only 12:00–12:59 is quiet', () => {
    const quiet = { start: '12:00', end: '13:00' };
    expect(['11:59', '12:00', '12:59', '13:00', '23:00'].map((t) => isQuietMinute(minutes(t), quiet))).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
  });

  it('GIVEN equal start and end THEN no minute is quiet', () => {
    expect(isQuietMinute(minutes('03:00'), { start: '00:00', end: '00:00' })).toBe(false);
  });
});

describe('disallowedReason', () => {
  it('GIVEN a business morning THEN it is allowed', () => {
    expect(disallowedReason(kst('2024-02-13 10:00'), rules)).toBeNull();
  });

  it('GIVEN a night on a holiday THEN the closed day is the reason', () => {
    expect(disallowedReason(kst('2024-02-10 03:00'), rules)).toBe('closed_day');
  });

  it('GIVEN a business-day night THEN quiet hours are the reason', () => {
    expect(disallowedReason(kst('2024-02-13 21:00'), rules)).toBe('quiet_hours');
  });
});

describe('nextAllowedMoment', () => {
  it('GIVEN Friday night before Seollal THEN the next allowed moment is Tuesday 08:00', () => {
    expect(nextAllowedMoment(kst('2024-02-08 22:00'), rules, kst('2024-02-20 00:00'))).toEqual(kst('2024-02-13 08:00'));
  });

  it('GIVEN a limit before that moment THEN there is none', () => {
    expect(nextAllowedMoment(kst('2024-02-08 22:00'), rules, kst('2024-02-13 07:59'))).toBeNull();
  });
});

describe('latestDecentMomentBefore', () => {
  it('GIVEN Tuesday 06:00 after Seollal THEN the latest decent moment is Thursday 20:00 before it', () => {
    expect(latestDecentMomentBefore(kst('2024-02-13 06:00'), rules, kst('2024-02-01 00:00'))).toEqual(
      kst('2024-02-08 20:00'),
    );
  });

  it('GIVEN a lower bound after that moment THEN there is none', () => {
    expect(latestDecentMomentBefore(kst('2024-02-13 06:00'), rules, kst('2024-02-08 20:01'))).toBeNull();
  });
});
