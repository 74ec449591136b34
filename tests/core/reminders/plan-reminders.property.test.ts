/**
 * Property-style check of planReminders over many random rounds. The PRNG is
 * seeded, so every run checks the same cases and a failure names its case.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../src/core/calendar/index.ts';
import type { CalendarSettings, ReminderSlot } from '../../../src/core/model.ts';
import { nominalMomentOf, type PlanInput, planReminders } from '../../../src/core/reminders/index.ts';
import { settingsWith } from './fixtures.ts';

const ZONES = [
  'Asia/Seoul',
  'America/New_York',
  'Europe/Berlin',
  'Australia/Sydney',
  'Asia/Kolkata',
  'America/St_Johns',
  'Pacific/Chatham',
];
const CALENDARS = [
  createBusinessCalendar({ country: 'KR', extraClosedDays: ['2025-03-04'], extraWorkingDays: [] }),
  createBusinessCalendar({ country: 'DE', extraClosedDays: [], extraWorkingDays: [] }),
];
const CASES = 400;
const MINUTE = 60_000;

/** mulberry32: a tiny deterministic PRNG. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function randomCase(random: () => number): PlanInput {
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
  const hhmm = (quarter: number): string =>
    `${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}`;

  const slots: ReminderSlot[] = Array.from({ length: int(1, 4) }, (): ReminderSlot => {
    const kind = int(0, 2);
    if (kind === 0) return { kind: 'business_days_before', days: int(0, 5), at: hhmm(int(0, 95)) };
    if (kind === 1) return { kind: 'last_business_day', at: hhmm(int(0, 95)) };
    return { kind: 'hours_before', hours: int(1, 400) / 4 };
  });
  const quietStart = int(0, 95);
  const quietEnd = random() < 0.1 ? quietStart : int(0, 95);
  const settings: CalendarSettings = settingsWith({
    quietHours: { start: hhmm(quietStart), end: hhmm(quietEnd) },
    remindOnClosedDays: random() < 0.3,
  });
  const opensAt = new Date(Date.UTC(2024, 0, 1) + int(0, 900 * 24 * 60) * MINUTE);
  const closesAt = new Date(opensAt.getTime() + int(30, 21 * 24 * 60) * MINUTE);
  return {
    policy: { slots, graceMinutes: 120 },
    opensAt,
    closesAt,
    timeZone: pick(ZONES),
    calendar: pick(CALENDARS),
    settings,
  };
}

/** Independent of the planner: read the member's wall clock with luxon and apply the rules directly. */
function isAllowed(at: Date, input: PlanInput): boolean {
  const local = DateTime.fromJSDate(at, { zone: input.timeZone });
  const minute = local.hour * 60 + local.minute;
  const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const start = toMinutes(input.settings.quietHours.start);
  const end = toMinutes(input.settings.quietHours.end);
  const quiet = start === end ? false : start < end ? minute >= start && minute < end : minute >= start || minute < end;
  const open = input.settings.remindOnClosedDays || input.calendar.isBusinessDay(local.toFormat('yyyy-MM-dd'));
  return open && !quiet;
}

describe(`planReminders over ${CASES} random rounds (seeded)`, () => {
  const random = prng(20240208);
  const cases = Array.from({ length: CASES }, () => randomCase(random));

  it('GIVEN any round, zone, policy and quiet hours THEN every reminder is in allowed time, ≥2h after opening, before closing, sorted and ≥61 min apart', () => {
    let planned = 0;
    cases.forEach((input, index) => {
      const reminders = planReminders(input);
      planned += reminders.length;
      const label = `case ${index}: ${JSON.stringify(input)}`;
      expect(reminders.length, label).toBeLessThanOrEqual(input.policy.slots.length);
      reminders.forEach((reminder, i) => {
        const detail = `${label} → ${JSON.stringify(reminder)}`;
        expect(isAllowed(reminder.at, input), detail).toBe(true);
        expect(reminder.at.getTime() - input.opensAt.getTime(), detail).toBeGreaterThanOrEqual(120 * MINUTE);
        expect(reminder.at.getTime(), detail).toBeLessThan(input.closesAt.getTime());
        expect(reminder.local, detail).toBe(
          DateTime.fromJSDate(reminder.at, { zone: input.timeZone }).toFormat('yyyy-MM-dd HH:mm'),
        );
        const previous = reminders[i - 1];
        if (previous) expect(reminder.at.getTime() - previous.at.getTime(), detail).toBeGreaterThan(60 * MINUTE);
      });
    });
    // The generator must produce real plans, or the properties above hold vacuously.
    expect(planned).toBeGreaterThan(CASES / 2);
  });

  it('GIVEN any round THEN a reminder moved forward still leaves at least an hour before the deadline', () => {
    let forward = 0;
    for (const input of cases) {
      for (const reminder of planReminders(input)) {
        const slot = input.policy.slots.find((s) => slotIdMatches(s, reminder.slotId));
        if (!slot || !reminder.shifted) continue;
        const nominal = nominalMomentOf(slot, input.closesAt, input.timeZone, input.calendar);
        if (reminder.at <= nominal) continue;
        forward += 1;
        expect(input.closesAt.getTime() - reminder.at.getTime()).toBeGreaterThanOrEqual(60 * MINUTE);
      }
    }
    expect(forward).toBeGreaterThan(0);
  });

  it('GIVEN the same input twice THEN the plans are equal', () => {
    for (const input of cases.slice(0, 50)) expect(planReminders(input)).toEqual(planReminders(input));
  });
});

function slotIdMatches(slot: ReminderSlot, slotId: string): boolean {
  if (slot.kind === 'business_days_before') return slotId === `bd-${slot.days}`;
  if (slot.kind === 'last_business_day') return slotId === 'last-bd';
  return slotId === `h-${slot.hours}`;
}
