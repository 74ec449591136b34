/** Reminder planning and run-time checks. Pure: clocks and calendars come in as arguments. */
export {
  type AllowedTimeRules,
  disallowedReason,
  isQuietMinute,
  latestDecentMomentBefore,
  nextAllowedMoment,
} from './allowed-time.ts';
export { nominalMomentOf, type PlanInput, planReminders } from './plan-reminders.ts';
export { reminderJobKey } from './reminder-keys.ts';
export { decideReminderAtRunTime, type ReminderRunInput } from './should-send.ts';
