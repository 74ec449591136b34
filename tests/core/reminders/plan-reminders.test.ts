import { describe, expect, it } from 'vitest';
import type { ReminderPolicy, ReminderSlot } from '../../../src/core/model.ts';
import { type PlanInput, planReminders } from '../../../src/core/reminders/index.ts';
import { at, BERLIN, DEFAULT_POLICY, krCalendar, kst, NEW_YORK, SEED, SEOUL, settingsWith } from './fixtures.ts';

function policyOf(...slots: ReminderSlot[]): ReminderPolicy {
  return { slots, graceMinutes: 120 };
}

function plan(overrides: Partial<PlanInput>): ReturnType<typeof planReminders> {
  return planReminders({
    policy: DEFAULT_POLICY,
    ...SEED,
    timeZone: SEOUL,
    calendar: krCalendar,
    settings: settingsWith(),
    ...overrides,
  });
}

describe('planReminders', () => {
  describe('GIVEN the seed round across Seollal (2024-02-08 09:00 → 02-15 18:00 KST) and the default policy', () => {
    const reminders = plan({});

    it('THEN reminders fall on 02-13 10:00, 02-15 09:30 and 02-15 15:00 KST, unshifted', () => {
      expect(reminders).toEqual([
        { slotId: 'bd-2', at: kst('2024-02-13 10:00'), local: '2024-02-13 10:00', nominalLocal: '2024-02-13 10:00' },
        { slotId: 'last-bd', at: kst('2024-02-15 09:30'), local: '2024-02-15 09:30', nominalLocal: '2024-02-15 09:30' },
        { slotId: 'h-3', at: kst('2024-02-15 15:00'), local: '2024-02-15 15:00', nominalLocal: '2024-02-15 15:00' },
      ]);
    });

    it('THEN nothing falls on the holiday 02-09…02-12 or the weekend', () => {
      const days = reminders.map((r) => r.local.slice(0, 10));
      for (const closed of ['2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12']) expect(days).not.toContain(closed);
    });
  });

  describe('GIVEN a deadline on Monday 2024-02-19 and a 3-hours-before slot', () => {
    const policy = policyOf({ kind: 'hours_before', hours: 3 });
    const opensAt = kst('2024-02-14 09:00');

    it('WHEN the deadline is 09:00 THEN the 06:00 slot moves forward to 08:00 (one hour left)', () => {
      expect(plan({ policy, opensAt, closesAt: kst('2024-02-19 09:00') })).toEqual([
        {
          slotId: 'h-3',
          at: kst('2024-02-19 08:00'),
          local: '2024-02-19 08:00',
          nominalLocal: '2024-02-19 06:00',
          shifted: 'quiet_hours',
        },
      ]);
    });

    it('WHEN the deadline is 08:30 THEN the slot moves back to 20:00 of Friday, the previous business day', () => {
      expect(plan({ policy, opensAt, closesAt: kst('2024-02-19 08:30') })).toEqual([
        {
          slotId: 'h-3',
          at: kst('2024-02-16 20:00'),
          local: '2024-02-16 20:00',
          nominalLocal: '2024-02-19 05:30',
          shifted: 'quiet_hours',
        },
      ]);
    });

    it('WHEN the deadline is 09:00 with the default policy THEN no reminder falls on the weekend', () => {
      const locals = plan({ opensAt, closesAt: kst('2024-02-19 09:00') }).map((r) => r.local);
      expect(locals).toEqual(['2024-02-15 10:00', '2024-02-16 09:30', '2024-02-19 08:00']);
    });
  });

  describe('GIVEN a slot that falls on a public holiday', () => {
    it('WHEN 150 hours before the seed deadline is Seollal Friday noon THEN it moves to 08:00 of the next business day', () => {
      const reminders = plan({ policy: policyOf({ kind: 'hours_before', hours: 150 }) });
      expect(reminders).toEqual([
        {
          slotId: 'h-150',
          at: kst('2024-02-13 08:00'),
          local: '2024-02-13 08:00',
          nominalLocal: '2024-02-09 12:00',
          shifted: 'closed_day',
        },
      ]);
    });

    it('WHEN the next business day is too close to the deadline THEN it moves back to the evening before the holiday', () => {
      // Deadline Tue 2024-02-13 08:30: Seollal runs Fri 02-09 to Mon 02-12, so the last decent moment is Thu 02-08 20:00.
      const reminders = plan({
        policy: policyOf({ kind: 'hours_before', hours: 48 }),
        opensAt: kst('2024-02-07 09:00'),
        closesAt: kst('2024-02-13 08:30'),
      });
      expect(reminders.map((r) => [r.local, r.shifted])).toEqual([['2024-02-08 20:00', 'closed_day']]);
    });
  });

  describe('GIVEN remindOnClosedDays', () => {
    const settings = settingsWith({ remindOnClosedDays: true });

    it('WHEN a slot falls on Saturday afternoon THEN it stays there', () => {
      const reminders = plan({ policy: policyOf({ kind: 'hours_before', hours: 120 }), settings });
      expect(reminders.map((r) => [r.local, r.shifted])).toEqual([['2024-02-10 18:00', undefined]]);
    });

    it('WHEN a slot falls in the night of a holiday THEN it still moves out of quiet hours', () => {
      const reminders = plan({ policy: policyOf({ kind: 'hours_before', hours: 156 }), settings });
      expect(reminders.map((r) => [r.local, r.nominalLocal, r.shifted])).toEqual([
        ['2024-02-09 08:00', '2024-02-09 06:00', 'quiet_hours'],
      ]);
    });
  });

  describe('GIVEN a member in New York in the Seoul seed round (deadline 04:00 EST on 02-15)', () => {
    const reminders = plan({ timeZone: NEW_YORK });

    it('THEN each reminder is at a decent local hour on a business day in New York time', () => {
      expect(reminders.map((r) => [r.slotId, r.local, r.shifted])).toEqual([
        ['bd-2', '2024-02-13 10:00', undefined],
        ['last-bd', '2024-02-14 09:30', undefined],
        ['h-3', '2024-02-14 20:00', 'quiet_hours'],
      ]);
      expect(reminders[0]?.at).toEqual(at('2024-02-13 10:00', NEW_YORK));
    });

    it('THEN the 3-hours-before slot at 01:00 local moved back to the previous evening', () => {
      expect(reminders[2]?.nominalLocal).toBe('2024-02-15 01:00');
    });
  });

  describe('GIVEN time-zone changes (DST)', () => {
    it('WHEN a New York slot at 00:00 EST moves forward across the spring change THEN it lands at 08:00 EDT (12:00Z)', () => {
      const reminders = plan({
        policy: policyOf({ kind: 'hours_before', hours: 11 }),
        opensAt: at('2024-03-08 09:00', NEW_YORK),
        closesAt: at('2024-03-10 12:00', NEW_YORK),
        timeZone: NEW_YORK,
        settings: settingsWith({ remindOnClosedDays: true }),
      });
      expect(reminders).toEqual([
        {
          slotId: 'h-11',
          at: new Date('2024-03-10T12:00:00Z'),
          local: '2024-03-10 08:00',
          nominalLocal: '2024-03-10 00:00',
          shifted: 'quiet_hours',
        },
      ]);
    });

    it('WHEN a Berlin deadline is in summer time and the slot two business days earlier in winter time THEN it is 10:00 CET (09:00Z)', () => {
      const reminders = plan({
        policy: policyOf({ kind: 'business_days_before', days: 2, at: '10:00' }),
        opensAt: at('2024-03-25 09:00', BERLIN),
        closesAt: at('2024-04-01 18:00', BERLIN),
        timeZone: BERLIN,
      });
      expect(reminders.map((r) => [r.local, r.at.toISOString()])).toEqual([
        ['2024-03-28 10:00', '2024-03-28T09:00:00.000Z'],
      ]);
    });

    it('WHEN 30 hours before a Berlin deadline is Sunday 06:00 on the autumn change day THEN it moves to Monday 08:00 CET', () => {
      const input = {
        policy: policyOf({ kind: 'hours_before', hours: 30 }),
        opensAt: at('2024-10-21 09:00', BERLIN),
        closesAt: at('2024-10-28 12:00', BERLIN),
        timeZone: BERLIN,
      };
      expect(plan(input).map((r) => [r.nominalLocal, r.local, r.at.toISOString(), r.shifted])).toEqual([
        ['2024-10-27 06:00', '2024-10-28 08:00', '2024-10-28T07:00:00.000Z', 'closed_day'],
      ]);
      const onClosedDays = plan({ ...input, settings: settingsWith({ remindOnClosedDays: true }) });
      expect(onClosedDays.map((r) => [r.local, r.at.toISOString()])).toEqual([
        ['2024-10-27 08:00', '2024-10-27T07:00:00.000Z'],
      ]);
    });
  });

  describe('GIVEN quiet hours that do not wrap midnight (12:00–13:00)', () => {
    const settings = settingsWith({ quietHours: { start: '12:00', end: '13:00' } });
    const opensAt = kst('2024-02-19 09:00');

    it('WHEN a slot falls at 12:30 THEN it moves forward to 13:00', () => {
      const reminders = plan({
        policy: policyOf({ kind: 'hours_before', hours: 5.5 }),
        opensAt,
        closesAt: kst('2024-02-21 18:00'),
        settings,
      });
      expect(reminders.map((r) => [r.local, r.shifted])).toEqual([['2024-02-21 13:00', 'quiet_hours']]);
    });

    it('WHEN 13:00 is less than an hour before the deadline THEN it moves back to 11:00', () => {
      const reminders = plan({
        policy: policyOf({ kind: 'hours_before', hours: 1 }),
        opensAt,
        closesAt: kst('2024-02-21 13:30'),
        settings,
      });
      expect(reminders.map((r) => [r.local, r.shifted])).toEqual([['2024-02-21 11:00', 'quiet_hours']]);
    });

    it('WHEN a slot falls at 23:00 THEN it stays, since the committee allows evenings', () => {
      const reminders = plan({
        policy: policyOf({ kind: 'hours_before', hours: 19 }),
        opensAt,
        closesAt: kst('2024-02-21 18:00'),
        settings,
      });
      expect(reminders.map((r) => [r.local, r.shifted])).toEqual([['2024-02-20 23:00', undefined]]);
    });
  });

  describe('GIVEN slots that land close together', () => {
    it('WHEN two slots shift to the same moment THEN only the earlier-listed one is kept', () => {
      const reminders = plan({
        policy: policyOf({ kind: 'hours_before', hours: 150 }, { kind: 'hours_before', hours: 120 }),
      });
      expect(reminders.map((r) => [r.slotId, r.local])).toEqual([['h-150', '2024-02-13 08:00']]);
    });

    it('WHEN a later slot is listed first THEN the later one is kept and the earlier-in-time one dropped', () => {
      const reminders = plan({
        policy: policyOf({ kind: 'hours_before', hours: 3 }, { kind: 'hours_before', hours: 3.5 }),
      });
      expect(reminders.map((r) => r.slotId)).toEqual(['h-3']);
    });

    it('WHEN two slots are exactly 60 minutes apart THEN they collapse, and 61 minutes apart both stay', () => {
      const sixty = plan({ policy: policyOf({ kind: 'hours_before', hours: 3 }, { kind: 'hours_before', hours: 4 }) });
      expect(sixty.map((r) => r.slotId)).toEqual(['h-3']);
      const sixtyOne = plan({
        policy: policyOf({ kind: 'hours_before', hours: 3 }, { kind: 'hours_before', hours: 4 + 1 / 60 }),
      });
      expect(sixtyOne.map((r) => r.local)).toEqual(['2024-02-15 13:59', '2024-02-15 15:00']);
    });
  });

  describe('GIVEN slots around the opening', () => {
    it('WHEN the round opens on 02-13 09:00 THEN the 10:00 reminder of that day is dropped (the invitation just went out)', () => {
      expect(plan({ opensAt: kst('2024-02-13 09:00') }).map((r) => r.slotId)).toEqual(['last-bd', 'h-3']);
    });

    it('WHEN the round opens exactly two hours before a slot THEN that slot is kept', () => {
      expect(plan({ opensAt: kst('2024-02-13 08:00') }).map((r) => r.slotId)).toEqual(['bd-2', 'last-bd', 'h-3']);
    });

    it('WHEN the round opens after a slot THEN that slot is dropped', () => {
      expect(plan({ opensAt: kst('2024-02-14 09:00') }).map((r) => r.slotId)).toEqual(['last-bd', 'h-3']);
    });
  });

  describe('GIVEN short rounds', () => {
    it('WHEN a round runs 09:00–18:00 on one day THEN only the 15:00 reminder remains', () => {
      const reminders = plan({ opensAt: kst('2024-02-14 09:00'), closesAt: kst('2024-02-14 18:00') });
      expect(reminders.map((r) => [r.slotId, r.local])).toEqual([['h-3', '2024-02-14 15:00']]);
    });

    it('WHEN a round closes at 08:30 THEN the 09:30 slot takes the day before and 05:30 moves back to the evening before', () => {
      const reminders = plan({ opensAt: kst('2024-02-13 17:00'), closesAt: kst('2024-02-15 08:30') });
      expect(reminders.map((r) => [r.slotId, r.local, r.shifted])).toEqual([
        ['last-bd', '2024-02-14 09:30', undefined],
        ['h-3', '2024-02-14 20:00', 'quiet_hours'],
      ]);
    });
  });

  describe('GIVEN a deadline on a Saturday (2024-02-17 12:00 KST)', () => {
    it('THEN business days count back from Friday, duplicates collapse and nothing lands on the weekend', () => {
      const reminders = plan({
        policy: policyOf(
          { kind: 'business_days_before', days: 0, at: '10:00' },
          { kind: 'business_days_before', days: 1, at: '10:00' },
          { kind: 'business_days_before', days: 2, at: '10:00' },
          { kind: 'last_business_day', at: '16:00' },
          { kind: 'hours_before', hours: 3 },
        ),
        opensAt: kst('2024-02-13 09:00'),
        closesAt: kst('2024-02-17 12:00'),
      });
      expect(reminders.map((r) => [r.slotId, r.local, r.shifted])).toEqual([
        ['bd-2', '2024-02-15 10:00', undefined],
        ['bd-0', '2024-02-16 10:00', undefined],
        ['last-bd', '2024-02-16 16:00', undefined],
        ['h-3', '2024-02-16 20:00', 'closed_day'],
      ]);
    });
  });

  describe('GIVEN slots at or past the deadline', () => {
    it('WHEN hours_before is 0 or the slot is after closing THEN it is dropped', () => {
      const reminders = plan({
        policy: policyOf({ kind: 'hours_before', hours: 0 }, { kind: 'business_days_before', days: 0, at: '19:00' }),
      });
      expect(reminders).toEqual([]);
    });

    it('WHEN the deadline is at 22:00, in quiet hours, THEN a slot at or after it is dropped, not moved back to 20:00', () => {
      const closesAt = kst('2024-02-15 22:00');
      const reminders = plan({
        policy: policyOf({ kind: 'hours_before', hours: 0 }, { kind: 'hours_before', hours: -1 }),
        closesAt,
      });
      expect(reminders).toEqual([]);
    });

    it('WHEN the last business day slot is at the deadline time THEN it is the business day before at that time', () => {
      const reminders = plan({ policy: policyOf({ kind: 'last_business_day', at: '18:00' }) });
      expect(reminders.map((r) => [r.slotId, r.local])).toEqual([['last-bd', '2024-02-14 18:00']]);
    });
  });

  describe('GIVEN a malformed policy', () => {
    it('WHEN a time is not HH:mm THEN planning throws a RangeError', () => {
      expect(() => plan({ policy: policyOf({ kind: 'last_business_day', at: '9:30' }) })).toThrow(RangeError);
    });

    it('WHEN business days are fractional THEN planning throws a RangeError that names the slot', () => {
      expect(() => plan({ policy: policyOf({ kind: 'business_days_before', days: 1.5, at: '10:00' }) })).toThrow(
        new RangeError('Invalid reminder slot: business_days_before needs whole days >= 0, got 1.5'),
      );
    });

    it('WHEN hours are not a finite number THEN planning throws a RangeError that names the slot', () => {
      for (const hours of [Number.NaN, Number.POSITIVE_INFINITY]) {
        expect(() => plan({ policy: policyOf({ kind: 'hours_before', hours }) })).toThrow(
          new RangeError(`Invalid reminder slot: hours_before needs a number of hours, got ${hours}`),
        );
      }
    });

    it('WHEN business days are negative THEN planning throws a RangeError', () => {
      expect(() => plan({ policy: policyOf({ kind: 'business_days_before', days: -1, at: '10:00' }) })).toThrow(
        RangeError,
      );
    });

    it('WHEN the time zone is unknown THEN planning throws a RangeError', () => {
      expect(() => plan({ timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    });
  });
});
