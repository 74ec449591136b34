/**
 * Staff commands that cause sends, made safe to repeat: a command repeated
 * within minutes (a double click, a replayed request, two staff at once)
 * sends nothing again and says when it last went out; `resend` sends one
 * member's invitation again on purpose, audited.
 */
import { ok, type Result } from '../errors.ts';
import { t } from '../i18n/catalogue.ts';
import type { Committee, Member, Round } from '../model.ts';
import type { AuditEvent } from '../ports/store.ts';
import { checkRemind } from '../rounds/lifecycle.ts';
import { titled } from './titled.ts';
import type { AppContext } from './app-context.ts';
import type { StaffReply } from './inbound.ts';
import { inviteJobKey } from './schedule-round.ts';

/** A send-causing command repeated within this long is answered, not carried out again. */
const REPEAT_WINDOW_MS = 10 * 60_000;

/** The latest audit event of `action` on the round (and member) within the window before `now`, if any. */
async function recentAction(
  ctx: AppContext,
  roundId: string,
  action: string,
  now: Date,
  memberId?: string,
): Promise<AuditEvent | undefined> {
  const since = now.getTime() - REPEAT_WINDOW_MS;
  const events = await ctx.store.listAudit(roundId);
  return events
    .filter((e) => e.action === action && e.at.getTime() > since && (memberId === undefined || e.memberId === memberId))
    .at(-1);
}

/** Whole minutes since `at`, at least 1 (people do not read "0 minutes ago"). */
function minutesSince(at: Date, now: Date): number {
  return Math.max(1, Math.round((now.getTime() - at.getTime()) / 60_000));
}

/** The words of "you can ask again after …" in the committee's zone. */
function againAfter(ctx: AppContext, committee: Committee, at: Date): string {
  return ctx.when(new Date(at.getTime() + REPEAT_WINDOW_MS), committee.timeZone, committee.locale);
}

/** The reply to a `remind` repeated within the window, or null when it may go ahead. */
export async function repeatedRemind(ctx: AppContext, round: Round, committee: Committee): Promise<StaffReply | null> {
  const now = ctx.now();
  const last = await recentAction(ctx, round.id, 'round.remind', now);
  if (!last) return null;
  return {
    text: t(committee.locale, 'staff.repeat.remind', {
      minutes: minutesSince(last.at, now),
      until: againAfter(ctx, committee, last.at),
    }),
    ephemeral: true,
  };
}

/** A member of the committee by id, name or platform user id (as staff type it). */
function findMember(committee: Committee, text: string): Member | undefined {
  const wanted = text.trim().replace(/^<@!?([^>]+)>$/, '$1');
  const lower = wanted.toLowerCase();
  return (
    committee.members.find((m) => m.id === wanted) ??
    committee.members.find((m) => m.name.toLowerCase() === lower) ??
    committee.members.find((m) => Object.values(m.platforms).includes(wanted))
  );
}

/** `resend ROUND MEMBER`: queues the invitation again under a new key, on purpose. */
export async function resendInvitation(
  ctx: AppContext,
  roundId: string,
  memberText: string,
  actor: string,
): Promise<Result<StaffReply>> {
  const found = await ctx.round(roundId);
  if (!found.ok) return found;
  const round = found.value;
  const check = titled(checkRemind(round), round);
  if (!check.ok) return check;
  const committee = ctx.committee(round.committeeId);
  const locale = committee.locale;
  const member = findMember(committee, memberText);
  const invitation = member ? await ctx.store.getInvitation(roundId, member.id) : null;
  if (!member || !invitation || invitation.removedAt)
    return ok({ text: t(locale, 'staff.resend.unknownMember', { member: memberText }), ephemeral: true });
  if (invitation.submittedAt)
    return ok({ text: t(locale, 'staff.resend.submitted', { name: member.name }), ephemeral: true });
  const now = ctx.now();
  const last = await recentAction(ctx, roundId, 'invite.resend', now, member.id);
  if (last)
    return ok({
      text: t(locale, 'staff.repeat.resend', {
        name: member.name,
        minutes: minutesSince(last.at, now),
        until: againAfter(ctx, committee, last.at),
      }),
      ephemeral: true,
    });
  await ctx.store.enqueueJobs([
    {
      key: `${inviteJobKey(roundId, member.id)}:resend:${now.toISOString()}`,
      kind: 'invite',
      roundId,
      memberId: member.id,
      dueAt: now,
      payload: { resend: true, actor },
    },
  ]);
  await ctx.store.audit({ at: now, actor, action: 'invite.resend', roundId, memberId: member.id });
  ctx.workDue();
  return ok({ text: t(locale, 'staff.resend.queued', { name: member.name, roundId }), ephemeral: true });
}
