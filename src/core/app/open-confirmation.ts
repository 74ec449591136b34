/**
 * What `/jamun open ROUND` shows before it opens (issue 12): the members it
 * will invite, the window in business days of the committee's calendar and
 * the reminder times it will use, so staff confirm what they see. The open
 * itself stays the staff verb `open`.
 */
import { domainError } from '../errors.ts';
import { t } from '../i18n/catalogue.ts';
import type { Actor } from '../model.ts';
import { planReminders } from '../reminders/index.ts';
import { checkOpen } from '../rounds/lifecycle.ts';
import { localDateOf } from '../time.ts';
import type { AppContext } from './app-context.ts';
import type { Authored, OpenConfirmation } from './authoring-api.ts';
import { calendarNotice } from './calendar-notice.ts';
import { editable, refusal } from './round-authoring.ts';
import { roundFromDefinition } from './schedule-round.ts';
import { titled } from './titled.ts';

export async function openConfirmation(
  ctx: AppContext,
  actor: Actor,
  roundId: string,
): Promise<Authored<OpenConfirmation>> {
  const found = await editable(ctx, actor, roundId, 'open');
  if (!found.ok) {
    // An opened round cannot be opened again: say that, not that it cannot become a draft.
    return found.error?.code === 'DRAFT.ROUND_EXISTS'
      ? refusal(found.locale, domainError('ROUND.ALREADY_OPEN', found.error.params))
      : found;
  }
  const { definition, committee } = found;
  const locale = committee.locale;
  const built = roundFromDefinition(definition, committee);
  if (!built.ok) return refusal(locale, built.error);
  const round = built.value;
  const now = ctx.now();
  const zone = committee.timeZone;
  const check = titled(checkOpen(round, now, ctx.when(round.closesAt, zone, locale)), round);
  if (!check.ok) return refusal(locale, check.error);
  // Invitations go at the opening, or at once when it has passed.
  const opensAt = round.opensAt.getTime() > now.getTime() ? round.opensAt : now;
  const calendar = ctx.calendarOf(committee);
  const from = localDateOf(opensAt, zone);
  const to = localDateOf(round.closesAt, zone);
  const businessDays = calendar.businessDaysBetween(from, to);
  const reminders = planReminders({
    policy: round.reminders,
    opensAt: round.opensAt,
    closesAt: round.closesAt,
    timeZone: zone,
    calendar,
    settings: committee.calendar,
  })
    .filter((r) => r.at.getTime() > now.getTime())
    .map((r) => ctx.when(r.at, zone, locale));
  const members = committee.members.filter((m) => m.active).length;
  const text = [
    t(locale, 'authoring.open.confirm', {
      title: round.title,
      members,
      opens: ctx.when(opensAt, zone, locale),
      closes: ctx.when(round.closesAt, zone, locale),
      days: businessDays,
      reminders: reminders.length === 0 ? t(locale, 'authoring.open.no-reminders') : reminders.join(', '),
    }),
    ...calendarNotice(calendar, from, to, locale),
  ].join('\n');
  return { ok: true, locale, roundId, title: round.title, members, businessDays, reminders, text };
}
