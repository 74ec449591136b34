/**
 * The last check before a reminder goes out. Plans are made in advance; by the
 * time a job runs the member may have answered, or the bot may have been down
 * and woken up at 03:00 with a backlog. Nothing is ever sent late at night.
 */
import type { BusinessCalendar } from '../calendar/index.ts';
import type { CalendarSettings } from '../model.ts';
import { disallowedReason } from './allowed-time.ts';

/** What the scheduler knows when a reminder job comes due. */
export interface ReminderRunInput {
  /** When the job was planned to run. */
  dueAt: Date;
  now: Date;
  /** From the round's policy: how late a reminder may still go out. */
  graceMinutes: number;
  /** The member's IANA zone. */
  timeZone: string;
  calendar: BusinessCalendar;
  settings: CalendarSettings;
  closesAt: Date;
  submitted: boolean;
  declined: boolean;
  /** Removed from the committee while the round ran. */
  removed: boolean;
}

/** Why a due reminder is skipped; the scheduler records it on the job. */
type ReminderSkipReason =
  | 'submitted'
  | 'declined'
  | 'removed'
  | 'missed_grace'
  | 'quiet_hours'
  | 'closed_day'
  | 'after_deadline';

export type ReminderDecision = { send: true } | { send: false; reason: ReminderSkipReason };

/**
 * Whether to send a reminder whose job is due now. Checks, first match wins:
 * removed, declined, submitted (nothing to remind about); `now` at or after
 * `closesAt`; more than `graceMinutes` past `dueAt` (a slot missed during
 * downtime is skipped, never sent late); and finally whether `now` is allowed
 * time on the member's clock (closed day, then quiet hours) — a job within its
 * grace may still have slid into the night.
 */
export function decideReminderAtRunTime(input: ReminderRunInput): ReminderDecision {
  if (input.removed) return { send: false, reason: 'removed' };
  if (input.declined) return { send: false, reason: 'declined' };
  if (input.submitted) return { send: false, reason: 'submitted' };
  if (input.now >= input.closesAt) return { send: false, reason: 'after_deadline' };
  if (input.now.getTime() - input.dueAt.getTime() > input.graceMinutes * 60_000) {
    return { send: false, reason: 'missed_grace' };
  }
  const reason = disallowedReason(input.now, input);
  if (reason !== null) return { send: false, reason };
  return { send: true };
}
