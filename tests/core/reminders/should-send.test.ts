import { describe, expect, it } from 'vitest';
import { decideReminderAtRunTime, type ReminderRunInput } from '../../../src/core/reminders/index.ts';
import { at, krCalendar, kst, NEW_YORK, SEED, SEOUL, settingsWith } from './fixtures.ts';

function decide(overrides: Partial<ReminderRunInput>): ReturnType<typeof decideReminderAtRunTime> {
  return decideReminderAtRunTime({
    dueAt: kst('2024-02-13 10:00'),
    now: kst('2024-02-13 10:00'),
    graceMinutes: 120,
    timeZone: SEOUL,
    calendar: krCalendar,
    settings: settingsWith(),
    closesAt: SEED.closesAt,
    submitted: false,
    declined: false,
    removed: false,
    ...overrides,
  });
}

describe('decideReminderAtRunTime', () => {
  it('GIVEN a pending member and a job run on time on a business morning THEN it is sent', () => {
    expect(decide({})).toEqual({ send: true });
  });

  it('GIVEN a job run late but within grace at a decent hour THEN it is sent', () => {
    expect(decide({ now: kst('2024-02-13 12:00') })).toEqual({ send: true });
  });

  it('GIVEN the member submitted THEN it is skipped as submitted', () => {
    expect(decide({ submitted: true })).toEqual({ send: false, reason: 'submitted' });
  });

  it('GIVEN the member declined THEN it is skipped as declined', () => {
    expect(decide({ declined: true })).toEqual({ send: false, reason: 'declined' });
  });

  it('GIVEN the member was removed THEN it is skipped as removed, whatever else holds', () => {
    expect(decide({ removed: true, submitted: true, now: SEED.closesAt })).toEqual({ send: false, reason: 'removed' });
  });

  it('GIVEN the deadline has passed THEN it is skipped as after_deadline', () => {
    expect(decide({ dueAt: kst('2024-02-15 17:00'), now: SEED.closesAt })).toEqual({
      send: false,
      reason: 'after_deadline',
    });
  });

  it('GIVEN a job due 03:00 found at 09:00 after downtime with grace 120 THEN it is skipped as missed_grace', () => {
    expect(decide({ dueAt: kst('2024-02-14 03:00'), now: kst('2024-02-14 09:00') })).toEqual({
      send: false,
      reason: 'missed_grace',
    });
  });

  it('GIVEN a job exactly grace minutes late THEN it is still sent, one minute more and it is missed', () => {
    expect(decide({ now: kst('2024-02-13 12:00') })).toEqual({ send: true });
    expect(decide({ now: kst('2024-02-13 12:01') })).toEqual({ send: false, reason: 'missed_grace' });
  });

  it('GIVEN a job due 20:30 that runs at 21:10 within grace THEN it is skipped as quiet_hours', () => {
    expect(decide({ dueAt: kst('2024-02-13 20:30'), now: kst('2024-02-13 21:10') })).toEqual({
      send: false,
      reason: 'quiet_hours',
    });
  });

  it('GIVEN a job that runs on Seollal THEN it is skipped as closed_day', () => {
    expect(decide({ dueAt: kst('2024-02-09 10:00'), now: kst('2024-02-09 10:05') })).toEqual({
      send: false,
      reason: 'closed_day',
    });
  });

  it('GIVEN remindOnClosedDays THEN a job on Seollal at 10:00 is sent', () => {
    const settings = settingsWith({ remindOnClosedDays: true });
    expect(decide({ dueAt: kst('2024-02-09 10:00'), now: kst('2024-02-09 10:05'), settings })).toEqual({ send: true });
  });

  it('GIVEN a member in New York THEN quiet hours are judged on the New York clock', () => {
    // 20:00 EST on 02-13 is 10:00 KST on 02-14, 21:30 EST is 11:30 KST: the New York clock decides.
    expect(
      decide({ timeZone: NEW_YORK, now: at('2024-02-13 20:00', NEW_YORK), dueAt: at('2024-02-13 20:00', NEW_YORK) }),
    ).toEqual({
      send: true,
    });
    expect(
      decide({ timeZone: NEW_YORK, now: at('2024-02-13 21:30', NEW_YORK), dueAt: at('2024-02-13 20:00', NEW_YORK) }),
    ).toEqual({
      send: false,
      reason: 'quiet_hours',
    });
  });
});
