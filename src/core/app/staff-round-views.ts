/**
 * How staff see a round: the list line, `show`, `status`, in words and as
 * facts for scripts (`--json`). Every view reports the round's real dates
 * (`roundDates`): a round closed early says so, "마감됨" (closed) is never
 * confused with "마감 기한" (deadline), and members never reached are not
 * counted as members who did not answer.
 */
import { t } from '../i18n/catalogue.ts';
import type { Committee, Locale, Round } from '../model.ts';
import { roundDates } from '../rounds/round-dates.ts';
import { progressBar } from '../text/render-views.ts';
import type { RoundFacts, StatusView } from './inbound.ts';

/** Formats an instant for staff of a committee. */
export type WhenText = (at: Date) => string;

/** The round as scripts read it: ISO instants, real dates. */
export function roundFacts(round: Round, committee: Committee): RoundFacts {
  const dates = roundDates(round);
  return {
    roundId: round.id,
    title: round.title,
    committeeId: committee.id,
    status: round.status,
    timeZone: committee.timeZone,
    opensAt: dates.startedAt.toISOString(),
    deadline: dates.deadline.toISOString(),
    ...(dates.closedAt ? { closedAt: dates.closedAt.toISOString() } : {}),
    closedEarly: dates.closedEarly,
  };
}

/** "마감 기한 …", "… 마감됨" or "… 조기 마감 (마감 기한 …)". */
export function datesText(round: Round, locale: Locale, when: WhenText): string {
  const dates = roundDates(round);
  if (dates.closedAt === undefined) return t(locale, 'staff.dates.deadline', { deadline: when(dates.deadline) });
  if (dates.closedEarly)
    return t(locale, 'staff.dates.closedEarly', { closedAt: when(dates.closedAt), deadline: when(dates.deadline) });
  return t(locale, 'staff.dates.closed', { closedAt: when(dates.closedAt) });
}

export function listLine(round: Round, locale: Locale, when: WhenText): string {
  return t(locale, 'staff.list.line', {
    roundId: round.id,
    title: round.title,
    status: t(locale, `staff.status.${round.status}` as const),
    dates: datesText(round, locale, when),
  });
}

/** The lines of `status` after the counts: who did not answer, who was never reached, what failed. */
export function statusLines(round: Round, view: StatusView, locale: Locale, when: WhenText): string[] {
  const lines = [
    t(locale, 'staff.status', {
      title: view.roundTitle,
      roundId: view.roundId,
      status: t(locale, `staff.status.${round.status}` as const),
      dates: datesText(round, locale, when),
      bar: progressBar(view.submitted, view.total),
      submitted: view.submitted,
      total: view.total,
      delivered: view.delivered,
      pending: view.pending,
      answering: view.answering,
      declined: view.declined,
      failed: view.failed,
    }),
  ];
  if (round.status !== 'draft' && view.total > 0 && view.delivered === 0)
    lines.push(t(locale, 'staff.status.neverReached', { count: view.total }));
  if (view.notSubmitted.length > 0)
    lines.push(t(locale, 'staff.status.notSubmitted', { names: view.notSubmitted.join(', ') }));
  if (view.notReached.length > 0)
    lines.push(t(locale, 'staff.status.notReached', { names: view.notReached.join(', ') }));
  if (view.failures.length > 0)
    lines.push(
      t(locale, 'staff.status.failures', { items: view.failures.map((f) => `${f.name} (${f.reason})`).join(', ') }),
    );
  return lines;
}
