/**
 * Planning the reminders of one member for one round: where each slot of the
 * policy falls, moved out of quiet hours and closed days, without the ones
 * that would come too early, too late or twice.
 */
import type { BusinessCalendar } from '../calendar/index.ts';
import type { CalendarSettings, ReminderPolicy, ReminderSlot } from '../model.ts';
import {
  type AllowedTimeRules,
  type DisallowedReason,
  disallowedReason,
  latestDecentMomentBefore,
  nextAllowedMoment,
} from './allowed-time.ts';
import { formatLocal, instantAtLocal, localDateOf, minutesOfTimeOfDay } from '../time.ts';

const MINUTE_MS = 60_000;

/** A reminder moved forward must still leave the member this long before the deadline. */
const MIN_LEAD_BEFORE_DEADLINE_MINUTES = 60;
/** The invitation is the first nudge: no reminder this soon after opening. */
const QUIET_AFTER_OPENING_MINUTES = 120;
/** Two reminders this close together (inclusive) are one reminder. */
const DUPLICATE_WINDOW_MINUTES = 60;

/** One reminder to send to one member. */
export interface PlannedReminder {
  /** Stable per slot of the policy: `bd-2`, `last-bd`, `h-3`. */
  slotId: string;
  /** When to send (UTC instant). */
  at: Date;
  /** `YYYY-MM-DD HH:mm` of `at` in the member's zone. */
  local: string;
  /** `YYYY-MM-DD HH:mm` in the member's zone where the policy put it before shifting. */
  nominalLocal: string;
  /** Set when the reminder was moved out of disallowed time, and why. */
  shifted?: DisallowedReason;
}

/** What {@link planReminders} needs. */
export interface PlanInput {
  policy: ReminderPolicy;
  opensAt: Date;
  closesAt: Date;
  /** The member's IANA zone. */
  timeZone: string;
  /** The committee's business calendar. */
  calendar: BusinessCalendar;
  /** The committee's calendar settings (quiet hours, reminders on closed days). */
  settings: CalendarSettings;
}

/** The stable id of a slot, used in job keys: `bd-2`, `last-bd`, `h-3`. */
function slotIdOf(slot: ReminderSlot): string {
  switch (slot.kind) {
    case 'business_days_before':
      return `bd-${slot.days}`;
    case 'last_business_day':
      return 'last-bd';
    case 'hours_before':
      return `h-${slot.hours}`;
  }
}

/**
 * Where the policy puts a slot, before any shifting. All local dates and times
 * are the member's (`timeZone`); "the deadline's date" is the local date of
 * `closesAt` on the member's clock.
 * @throws RangeError on a malformed slot (negative or fractional days, bad `HH:mm`).
 */
export function nominalMomentOf(
  slot: ReminderSlot,
  closesAt: Date,
  timeZone: string,
  calendar: BusinessCalendar,
): Date {
  const deadlineDate = localDateOf(closesAt, timeZone);
  switch (slot.kind) {
    case 'business_days_before': {
      if (!Number.isInteger(slot.days) || slot.days < 0) {
        throw new RangeError(`Invalid reminder slot: business_days_before needs whole days >= 0, got ${slot.days}`);
      }
      // From a closed deadline date, "0 business days before" is the last business day, not the next one.
      const date =
        slot.days === 0
          ? calendar.businessDayOnOrBefore(deadlineDate)
          : calendar.addBusinessDays(deadlineDate, -slot.days);
      return instantAtLocal(date, minutesOfTimeOfDay(slot.at), timeZone);
    }
    case 'last_business_day': {
      const minutes = minutesOfTimeOfDay(slot.at);
      const lastDay = calendar.businessDayOnOrBefore(deadlineDate);
      const onLastDay = instantAtLocal(lastDay, minutes, timeZone);
      if (onLastDay < closesAt) return onLastDay;
      return instantAtLocal(calendar.addBusinessDays(lastDay, -1), minutes, timeZone);
    }
    case 'hours_before': {
      if (!Number.isFinite(slot.hours)) {
        throw new RangeError(`Invalid reminder slot: hours_before needs a number of hours, got ${slot.hours}`);
      }
      return new Date(closesAt.getTime() - slot.hours * 60 * MINUTE_MS);
    }
  }
}

/**
 * Plans the reminders of one member for one round. Pure: same input, same plan.
 *
 * Slots, on the member's clock:
 * - `business_days_before {days: N, at}`: the day N business days (per the
 *   calendar) before the deadline's local date, at `at`; N = 0 is the last
 *   business day on or before the deadline's date.
 * - `last_business_day {at}`: the last business day on or before the
 *   deadline's local date, at `at`; when that moment is at or after the
 *   deadline, the business day before it.
 * - `hours_before {hours: H}`: `closesAt` − H hours of real time (DST-safe).
 *
 * A slot whose nominal moment is not before the deadline is dropped. A slot in
 * disallowed time (quiet hours, or a closed day unless `remindOnClosedDays`)
 * moves FORWARD to the start of the next allowed stretch (e.g. 08:00) if that
 * is at least {@link MIN_LEAD_BEFORE_DEADLINE_MINUTES} before the deadline;
 * otherwise BACKWARD to the previous allowed stretch's end minus
 * `BACKWARD_MARGIN_MINUTES` of allowed-time.ts (with default quiet hours: 20:00 of the
 * previous allowed day). Quiet hours are the only time-of-day guard: a
 * committee that sets them to 12:00–13:00 accepts reminders at night.
 *
 * Then reminders are dropped unless at least {@link QUIET_AFTER_OPENING_MINUTES}
 * after `opensAt` (the invitation is the first nudge) and strictly before
 * `closesAt`. Of reminders within {@link DUPLICATE_WINDOW_MINUTES} of each other
 * (inclusive) only the one whose slot comes first in the policy is kept.
 *
 * @returns the reminders sorted by time (ties in policy order).
 * @throws RangeError on a malformed slot or an unknown time zone.
 */
export function planReminders(input: PlanInput): PlannedReminder[] {
  const { policy, opensAt, closesAt, timeZone } = input;
  const rules: AllowedTimeRules = { timeZone, calendar: input.calendar, settings: input.settings };
  const earliest = new Date(opensAt.getTime() + QUIET_AFTER_OPENING_MINUTES * MINUTE_MS);
  const latestForward = new Date(closesAt.getTime() - MIN_LEAD_BEFORE_DEADLINE_MINUTES * MINUTE_MS);

  const kept: PlannedReminder[] = [];
  for (const slot of policy.slots) {
    const nominal = nominalMomentOf(slot, closesAt, timeZone, input.calendar);
    if (nominal >= closesAt) continue;
    const reason = disallowedReason(nominal, rules);
    // Still before the deadline: a shift goes forward to an hour before it at the latest, or backward.
    const at = reason === null ? nominal : shift(nominal, rules, latestForward, earliest);
    if (at === null || at < earliest) continue;
    if (kept.some((other) => Math.abs(other.at.getTime() - at.getTime()) <= DUPLICATE_WINDOW_MINUTES * MINUTE_MS)) {
      continue;
    }
    const reminder: PlannedReminder = {
      slotId: slotIdOf(slot),
      at,
      local: formatLocal(at, timeZone),
      nominalLocal: formatLocal(nominal, timeZone),
    };
    if (reason !== null) reminder.shifted = reason;
    kept.push(reminder);
  }
  // Array.prototype.sort is stable, so equal times keep policy order.
  return kept.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Forward if it leaves enough time before the deadline, else backward; null when neither fits. */
function shift(nominal: Date, rules: AllowedTimeRules, latestForward: Date, earliest: Date): Date | null {
  return nextAllowedMoment(nominal, rules, latestForward) ?? latestDecentMomentBefore(nominal, rules, earliest);
}
