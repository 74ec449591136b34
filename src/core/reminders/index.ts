/** Reminder planning and run-time checks. Pure: clocks and calendars come in as arguments. */
export {
  type AllowedTimeRules,
  BACKWARD_MARGIN_MINUTES,
  type DisallowedReason,
  disallowedReason,
  isQuietMinute,
  latestDecentMomentBefore,
  nextAllowedMoment,
} from './allowed-time.ts';
export {
  DUPLICATE_WINDOW_MINUTES,
  MIN_LEAD_BEFORE_DEADLINE_MINUTES,
  nominalMomentOf,
  type PlanInput,
  type PlannedReminder,
  planReminders,
  QUIET_AFTER_OPENING_MINUTES,
  slotIdOf,
} from './plan-reminders.ts';
export { reminderJobKey } from './reminder-keys.ts';
export {
  decideReminderAtRunTime,
  type ReminderDecision,
  type ReminderRunInput,
  type ReminderSkipReason,
} from './should-send.ts';
