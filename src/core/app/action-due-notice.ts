/**
 * The staff notice that a follow-up action falls due: posted to the staff
 * channel in office hours (a business day, outside quiet hours) once per
 * action and due date. An action done, dropped or given another due date
 * since the notice was queued gets none (the new date has its own).
 */
import { t } from '../i18n/catalogue.ts';
import type { Job } from '../model.ts';
import type { JobOutcome } from '../ports/store.ts';
import { disallowedReason, nextAllowedMoment } from '../reminders/index.ts';
import { formatOfficialDay } from '../time.ts';
import type { AppContext } from './app-context.ts';
import { deliverOnce } from './deliver.ts';

/** A notice held back by a closed office waits this long at most for the next working moment. */
const MAX_WAIT_MS = 31 * 24 * 60 * 60_000;

export async function runActionDueNotice(ctx: AppContext, job: Job): Promise<JobOutcome> {
  const round = await ctx.store.getRound(job.roundId);
  const committee = round ? ctx.committees.get(round.committeeId) : undefined;
  if (!round || !committee) return { state: 'skipped', note: 'round or committee gone' };
  const number = Number(job.payload.number);
  const action = (await ctx.store.listActions(round.id)).find((a) => a.number === number);
  if (!action?.dueDate || action.status !== 'open' || action.dueDate !== job.payload.dueDate)
    return { state: 'skipped', note: 'action closed or due date changed' };
  const now = ctx.now();
  // Staff hours, not members': the office's calendar and quiet hours, weekends never.
  const rules = {
    timeZone: committee.timeZone,
    calendar: ctx.calendarOf(committee),
    settings: { ...committee.calendar, remindOnClosedDays: false },
  };
  if (disallowedReason(now, rules) !== null) {
    const next = nextAllowedMoment(now, rules, new Date(now.getTime() + MAX_WAIT_MS));
    if (next) return { state: 'retry', dueAt: next, note: 'outside office hours' };
  }
  const locale = committee.locale;
  const text = t(locale, 'followUp.due.notice', {
    roundId: round.id,
    roundTitle: round.title,
    number: action.number,
    due: formatOfficialDay(action.dueDate, locale),
    text: action.text,
    department: action.department ? t(locale, 'followUp.due.department', { department: action.department }) : '',
  });
  let sent = 0;
  for (const { messenger, channelId } of ctx.staffChannels(committee)) {
    const key = `${job.key}:${messenger.platform}`;
    const outcome = await deliverOnce(ctx, key, messenger.platform, () =>
      messenger.postToStaff(channelId, { kind: 'text', locale, text }, key),
    );
    if (outcome.sent || outcome.duplicate) sent++;
  }
  return sent > 0 ? { state: 'done' } : { state: 'failed', note: 'no staff channel took the notice' };
}
