/**
 * Which follow-up actions are overdue on a day, and when staff are told that
 * one falls due. Pure: the day and the calendar are passed in.
 */
import type { BusinessCalendar } from '../calendar/index.ts';
import type { FollowUpAction, LocalDate } from '../model.ts';
import { addCalendarDays, instantAtLocal } from '../time.ts';

/** Staff hear of an action due at 09:00 of its last working day: office hours, before it is late. */
const NOTICE_MINUTES = 9 * 60;
/** A calendar closed longer than this before a due date gets its notice on the due date itself. */
const MAX_LOOKBACK_DAYS = 31;

/** Open actions whose due date is before `today` (the committee's date), earliest first. */
export function overdueActions(actions: readonly FollowUpAction[], today: LocalDate): FollowUpAction[] {
  return actions
    .filter((a) => a.status === 'open' && a.dueDate !== undefined && a.dueDate < today)
    .sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || a.number - b.number);
}

/**
 * When staff are told an action falls due: 09:00 of the due date in the
 * committee's zone, or of the last business day before it when the due date
 * is a weekend or holiday (staff read the channel on working days).
 */
export function dueNoticeMoment(dueDate: LocalDate, zone: string, calendar: BusinessCalendar): Date {
  let day = dueDate;
  for (let back = 0; back < MAX_LOOKBACK_DAYS && !calendar.isBusinessDay(day); back++) day = addCalendarDays(day, -1);
  return instantAtLocal(calendar.isBusinessDay(day) ? day : dueDate, NOTICE_MINUTES, zone);
}

/** The job key of the due notice of one action and due date: a new due date is a new notice. */
export function dueNoticeJobKey(roundId: string, number: number, dueDate: LocalDate): string {
  return `action-due:${roundId}:${number}:${dueDate}`;
}
