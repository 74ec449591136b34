import { describe, expect, it } from 'vitest';
import {
  type AllowedTimeRules,
  disallowedReason,
  isQuietMinute,
  latestDecentMomentBefore,
  nextAllowedMoment,
} from '../../../src/core/reminders/index.ts';
import { createBusinessCalendar } from '../../../src/core/calendar/index.ts';
import { addCalendarDays } from '../../../src/core/time.ts';
import { krCalendar, kst, SEOUL, settingsWith } from './fixtures.ts';

const rules: AllowedTimeRules = { timeZone: SEOUL, calendar: krCalendar, settings: settingsWith() };
const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
/** The default rules with other quiet hours. */
const quietFrom = (start: string, end: string): AllowedTimeRules => ({
  ...rules,
  settings: settingsWith({ quietHours: { start, end } }),
});

/** A calendar whose every day from `from` for `days` days is closed; the searches give up after 400 days. */
function closedFor(from: string, days: number): AllowedTimeRules {
  const closed = Array.from({ length: days }, (_, i) => addCalendarDays(from, i));
  const calendar = createBusinessCalendar({ country: 'KR', extraClosedDays: closed, extraWorkingDays: [] });
  return { ...rules, calendar };
}

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

  it('GIVEN reminders allowed on closed days THEN a Saturday afternoon is allowed and its night is quiet', () => {
    const onClosedDays = { ...rules, settings: settingsWith({ remindOnClosedDays: true }) };
    expect(disallowedReason(kst('2024-02-17 15:00'), onClosedDays)).toBeNull();
    expect(disallowedReason(kst('2024-02-17 03:00'), onClosedDays)).toBe('quiet_hours');
  });
});

describe('nextAllowedMoment', () => {
  it('GIVEN Friday night before Seollal THEN the next allowed moment is Tuesday 08:00', () => {
    expect(nextAllowedMoment(kst('2024-02-08 22:00'), rules, kst('2024-02-20 00:00'))).toEqual(kst('2024-02-13 08:00'));
  });

  it('GIVEN a limit before that moment THEN there is none', () => {
    expect(nextAllowedMoment(kst('2024-02-08 22:00'), rules, kst('2024-02-13 07:59'))).toBeNull();
  });

  it('GIVEN the limit exactly at that moment THEN it is the answer', () => {
    expect(nextAllowedMoment(kst('2024-02-08 22:00'), rules, kst('2024-02-13 08:00'))).toEqual(kst('2024-02-13 08:00'));
  });

  it('GIVEN an allowed moment THEN it is its own answer while the limit allows, else there is none', () => {
    const tuesday = kst('2024-02-20 10:00');
    expect(nextAllowedMoment(tuesday, rules, tuesday)).toEqual(tuesday);
    expect(nextAllowedMoment(tuesday, rules, kst('2024-02-20 09:59'))).toBeNull();
  });

  it('GIVEN quiet hours at noon THEN a closed Saturday moves to Monday 00:00, the start of its first stretch', () => {
    expect(nextAllowedMoment(kst('2024-02-17 10:00'), quietFrom('12:00', '13:00'), kst('2024-02-28 00:00'))).toEqual(
      kst('2024-02-19 00:00'),
    );
  });

  it('GIVEN no quiet hours (23:30–23:30) THEN a closed Saturday moves to Monday 00:00', () => {
    expect(nextAllowedMoment(kst('2024-02-17 10:00'), quietFrom('23:30', '23:30'), kst('2024-02-28 00:00'))).toEqual(
      kst('2024-02-19 00:00'),
    );
  });

  it('GIVEN a calendar closed for 400 days THEN the search gives up, and with one closed day fewer it finds the 400th day', () => {
    const start = kst('2024-03-04 10:00');
    const limit = kst('2026-01-01 00:00');
    expect(nextAllowedMoment(start, closedFor('2024-03-04', 400), limit)).toBeNull();
    // The search looks at 400 days, 2024-03-04 to Monday 2025-04-07.
    expect(nextAllowedMoment(start, closedFor('2024-03-04', 399), limit)).toEqual(kst('2025-04-07 08:00'));
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

  it('GIVEN the lower bound exactly at that moment THEN it is the answer', () => {
    expect(latestDecentMomentBefore(kst('2024-02-21 06:00'), rules, kst('2024-02-20 20:00'))).toEqual(
      kst('2024-02-20 20:00'),
    );
  });

  it('GIVEN 21:00, the end of the day stretch THEN 20:00 of the same day', () => {
    expect(latestDecentMomentBefore(kst('2024-02-20 21:00'), rules, kst('2024-02-01 00:00'))).toEqual(
      kst('2024-02-20 20:00'),
    );
  });

  it('GIVEN a stretch shorter than an hour (quiet 21:00–20:30) THEN its start, 20:30', () => {
    expect(
      latestDecentMomentBefore(kst('2024-02-20 22:00'), quietFrom('21:00', '20:30'), kst('2024-02-01 00:00')),
    ).toEqual(kst('2024-02-20 20:30'));
  });

  it("GIVEN quiet hours at noon and a closed Saturday THEN Friday 23:00, the later of Friday's two stretches", () => {
    expect(
      latestDecentMomentBefore(kst('2024-02-17 12:30'), quietFrom('12:00', '13:00'), kst('2024-02-01 00:00')),
    ).toEqual(kst('2024-02-16 23:00'));
  });

  it('GIVEN no quiet hours (23:30–23:30) THEN a closed Saturday moves back to Friday 23:00', () => {
    expect(
      latestDecentMomentBefore(kst('2024-02-17 10:00'), quietFrom('23:30', '23:30'), kst('2024-02-01 00:00')),
    ).toEqual(kst('2024-02-16 23:00'));
  });

  it('GIVEN a calendar closed for 400 days THEN the search gives up, and with one closed day fewer it finds the 400th day back', () => {
    const end = kst('2025-04-08 10:00');
    const limit = kst('2023-01-01 00:00');
    // The search looks at 400 days, 2025-04-08 back to Tuesday 2024-03-05.
    expect(latestDecentMomentBefore(end, closedFor('2024-03-05', 400), limit)).toBeNull();
    expect(latestDecentMomentBefore(end, closedFor('2024-03-06', 399), limit)).toEqual(kst('2024-03-05 20:00'));
  });
});
