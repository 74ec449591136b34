/**
 * The reminder policies staff pick from in the chat form (issue 12), so
 * nobody writes slots by hand there. `standard` is also what a round file
 * without `reminders:` gets.
 */
import type { ReminderPolicy } from '../model.ts';

/** Presets by name; each call site copies what it keeps. */
const REMINDER_PRESETS = {
  /** Two business days before at 10:00, the last business day at 09:30, three hours before the deadline. */
  standard: {
    slots: [
      { kind: 'business_days_before', days: 2, at: '10:00' },
      { kind: 'last_business_day', at: '09:30' },
      { kind: 'hours_before', hours: 3 },
    ],
    graceMinutes: 120,
  },
  /** Only the morning of the last business day. */
  light: { slots: [{ kind: 'last_business_day', at: '09:30' }], graceMinutes: 120 },
  /** No reminders. */
  none: { slots: [], graceMinutes: 120 },
} as const satisfies Record<string, ReminderPolicy>;

export type ReminderPresetName = keyof typeof REMINDER_PRESETS;

/** A fresh copy of a preset's policy. */
export function presetPolicy(name: ReminderPresetName): ReminderPolicy {
  const preset: ReminderPolicy = structuredClone(REMINDER_PRESETS[name]) as ReminderPolicy;
  return preset;
}

/** The preset a policy is, or null for a policy of its own (a round file's). */
export function presetOf(policy: ReminderPolicy): ReminderPresetName | null {
  for (const name of Object.keys(REMINDER_PRESETS) as ReminderPresetName[]) {
    if (JSON.stringify(presetPolicy(name)) === JSON.stringify(policy)) return name;
  }
  return null;
}
