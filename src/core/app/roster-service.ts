/**
 * Rosters in chat (issue 12): `/jamun members` lists a committee's members
 * with whether their DM works, and staff add, change and remove members
 * with the platform's user picker. Every change is a stored roster entry
 * laid over the committee file (see roster-overlay.ts), audited with who,
 * when, and the member before and after. Only staff of the committee may
 * see or change its roster; a refusal is audited. A member removed while a
 * round runs leaves it as reconcile-membership.ts says; a member added is
 * invited from the next round that opens (as with the committee file).
 */
import { err, ok, type Result } from '../errors.ts';
import { type MessageKey, t } from '../i18n/catalogue.ts';
import type { Actor, Committee, Invitation, Member, Platform } from '../model.ts';
import { clip } from '../text/split-text.ts';
import { isTimeZone } from '../time.ts';
import { actorLabel, type AppContext } from './app-context.ts';
import { failureText } from './failure-text.ts';
import { reconcileMembership } from './reconcile-membership.ts';
import type { MemberInput, Reachability, RosterChange, RosterMemberView, RosterView } from './roster-api.ts';
import type { RosterConflict } from './roster-overlay.ts';
import { overlayRoster, sameMember } from './roster-overlay.ts';

/** Longest name and role kept: Slack's and Discord's form inputs allow this much. */
const NAME_MAX = 100;
const ROLE_MAX = 50;

/** Who asks: a platform user (checked against the committee's staff) or the operator at the CLI. */
export type RosterCaller = { kind: 'user'; actor: Actor } | { kind: 'operator' };

function labelOf(caller: RosterCaller): string {
  return caller.kind === 'operator' ? 'cli' : actorLabel(caller.actor);
}

/**
 * The committee, when the caller is its staff. Unknown committee: an error;
 * not its staff: the refusal is audited and STAFF.FORBIDDEN returned.
 */
async function committeeFor(
  ctx: AppContext,
  caller: RosterCaller,
  committeeId: string | undefined,
  verb: string,
): Promise<Result<Committee>> {
  let id = committeeId;
  if (id === undefined) {
    // No committee named: the one the caller is staff of, when there is exactly one.
    const mine = [...ctx.committees.values()].filter(
      (c) => caller.kind === 'operator' || ctx.isStaffOf(c, caller.actor),
    );
    if (mine.length !== 1 || !mine[0]) {
      if (mine.length === 0) return refuse(ctx, caller, verb, undefined);
      return err('ROSTER.COMMITTEE_REQUIRED', { committees: mine.map((c) => c.id).join(', ') });
    }
    id = mine[0].id;
  }
  const committee = ctx.committees.get(id.normalize('NFC'));
  if (!committee) return err('DRAFT.UNKNOWN_COMMITTEE', { committeeId: id });
  if (caller.kind === 'user' && !ctx.isStaffOf(committee, caller.actor)) return refuse(ctx, caller, verb, committee.id);
  return ok(committee);
}

async function refuse(
  ctx: AppContext,
  caller: RosterCaller,
  verb: string,
  committeeId: string | undefined,
): Promise<Result<never>> {
  await ctx.store.audit({
    at: ctx.now(),
    actor: labelOf(caller),
    action: 'staff.refused',
    detail: { verb, ...(committeeId ? { committeeId } : {}) },
  });
  return err('STAFF.FORBIDDEN');
}

/** Each member's latest delivered or failed invitation of this committee's rounds (the store lists them oldest first). */
async function lastDeliveries(ctx: AppContext, committee: Committee): Promise<Map<string, Invitation>> {
  const rounds = (await ctx.store.listRounds()).filter((r) => r.committeeId === committee.id && r.status !== 'draft');
  const last = new Map<string, Invitation>();
  for (const round of rounds) {
    for (const invitation of await ctx.store.listInvitations(round.id)) {
      if (invitation.deliveryState === 'pending') continue;
      // An uncertain send tells nothing about the DM itself.
      if (invitation.failureReason === 'uncertain') continue;
      last.set(invitation.memberId, invitation);
    }
  }
  return last;
}

function reachOf(
  ctx: AppContext,
  committee: Committee,
  member: Member,
  last: Invitation | undefined,
): { reach: Reachability; reason?: string } {
  if (!ctx.addressOf(committee, member)) return { reach: 'none' };
  if (!last) return { reach: 'unknown' };
  if (last.deliveryState === 'delivered') return { reach: 'works' };
  return { reach: 'closed', reason: failureText(last.failureReason, committee.locale) };
}

/** A conflict in staff's words; a file member left out is named as the file names them. */
function conflictText(conflict: RosterConflict, file: Committee | undefined, working: Committee): string {
  const fileName = file?.members.find((m) => m.id === conflict.fileMemberId)?.name;
  const member = working.members.find((m) => m.id === conflict.memberId)?.name ?? conflict.memberId;
  return t(working.locale, `roster.conflict.${conflict.kind}`, {
    member,
    fileMember: fileName ?? conflict.fileMemberId ?? '',
  });
}

/**
 * Where the committee files (`committees`: as read now, for `config check`;
 * none: the ones the app runs with) and the roster changes made in chat
 * overlap, under a header; no lines when they do not.
 */
export async function rosterConflictLines(ctx: AppContext, committees?: readonly Committee[]): Promise<string[]> {
  const lines: string[] = [];
  if (committees) {
    const entries = await ctx.store.listRosterEntries();
    for (const file of committees) {
      const { committee, conflicts } = overlayRoster(file, entries);
      lines.push(...conflicts.map((c) => conflictText(c, file, committee)));
    }
  } else {
    for (const conflict of ctx.rosterConflicts()) {
      const working = ctx.committees.get(conflict.committeeId);
      if (working) lines.push(conflictText(conflict, ctx.fileCommittee(conflict.committeeId), working));
    }
  }
  return lines.length > 0 ? [t(ctx.defaultLocale(), 'roster.conflicts.header'), ...lines] : [];
}

/** The roster of a committee as staff see it. */
export async function rosterView(
  ctx: AppContext,
  caller: RosterCaller,
  committeeId: string | undefined,
): Promise<Result<RosterView>> {
  await ctx.refreshRoster();
  const found = await committeeFor(ctx, caller, committeeId, 'members');
  if (!found.ok) return found;
  const committee = found.value;
  const last = await lastDeliveries(ctx, committee);
  const fromChat = new Set((await ctx.store.listRosterEntries(committee.id)).map((e) => e.member.id));
  const members: RosterMemberView[] = committee.members.map((member) => {
    const { reach, reason } = reachOf(ctx, committee, member, last.get(member.id));
    return {
      member,
      timeZone: ctx.zoneOfMember(committee, member),
      reach,
      ...(reason ? { reachReason: reason } : {}),
      fromChat: fromChat.has(member.id),
    };
  });
  const conflicts = ctx
    .rosterConflicts()
    .filter((c) => c.committeeId === committee.id)
    .map((c) => conflictText(c, ctx.fileCommittee(committee.id), committee));
  return ok({
    committeeId: committee.id,
    committeeName: committee.name,
    locale: committee.locale,
    timeZone: committee.timeZone,
    members,
    conflicts,
  });
}

/** `/jamun members` as text: a header, a line per member, conflicts, then the hint for the buttons. */
export function rosterText(view: RosterView): string {
  const { locale } = view;
  const active = view.members.filter((m) => m.member.active).length;
  const lines = [
    t(locale, 'roster.header', {
      committee: view.committeeName,
      active,
      inactive: view.members.length - active,
    }),
  ];
  view.members.forEach((m, i) => {
    const params = {
      number: i + 1,
      name: m.member.name,
      role: m.member.role ?? t(locale, 'roster.role.none'),
      timeZone: m.timeZone,
      reach: t(locale, `roster.reach.${m.reach}`, { reason: m.reachReason ?? '' }),
    };
    const line = t(locale, m.member.active ? 'roster.line' : 'roster.line.inactive', params);
    lines.push(m.fromChat ? `${line} ${t(locale, 'roster.fromChat')}` : line);
  });
  lines.push(...view.conflicts, t(locale, 'roster.hint'));
  return lines.join('\n');
}

function memberOfUser(committee: Committee, platform: Platform, userId: string): Member | undefined {
  return committee.members.find((m) => m.platforms[platform] === userId);
}

/** A member id for a person added in chat: from the platform id, unique in the committee. */
function newMemberId(committee: Committee, platform: Platform, userId: string): string {
  const base = `${platform}-${userId}`.replace(/[^\p{L}\p{N}._-]/gu, '_');
  let id = base;
  for (let n = 2; committee.members.some((m) => m.id === id); n += 1) id = `${base}-${n}`;
  return id;
}

function checkLength(value: string | undefined, max: number, field: MessageKey, committee: Committee) {
  if (value !== undefined && [...value].length > max)
    return err('ROSTER.TOO_LONG', { field: t(committee.locale, field), max });
  return null;
}

/** Writes the entry, audits before and after, and lays it over the working roster. */
async function store(
  ctx: AppContext,
  caller: RosterCaller,
  committee: Committee,
  before: Member | undefined,
  after: Member,
  action: string,
): Promise<void> {
  const at = ctx.now();
  const fileBase = ctx.fileCommittee(committee.id)?.members.find((m) => m.id === after.id) ?? null;
  await ctx.store.saveRosterEntry({ committeeId: committee.id, member: after, fileBase, by: labelOf(caller), at });
  await ctx.store.audit({
    at,
    actor: labelOf(caller),
    action,
    memberId: after.id,
    detail: { committeeId: committee.id, before: before ?? null, after },
  });
  await ctx.refreshRoster();
}

function describeMember(ctx: AppContext, committee: Committee, member: Member) {
  return {
    name: member.name,
    committee: committee.name,
    role: member.role ?? t(committee.locale, 'roster.role.none'),
    timeZone: ctx.zoneOfMember(committee, member),
  };
}

/** Adds the picked person, or changes (and re-appoints) the member they are. */
export async function setMember(
  ctx: AppContext,
  caller: RosterCaller,
  committeeId: string,
  input: MemberInput,
): Promise<Result<RosterChange>> {
  await ctx.refreshRoster();
  const found = await committeeFor(ctx, caller, committeeId, 'members.set');
  if (!found.ok) return found;
  const committee = found.value;
  const locale = committee.locale;
  const name = input.name?.trim() || undefined;
  const role = input.role?.trim() || undefined;
  const zone = input.timeZone?.trim() || undefined;
  const tooLong =
    checkLength(name, NAME_MAX, 'roster.field.name', committee) ??
    checkLength(role, ROLE_MAX, 'roster.field.role', committee);
  if (tooLong) return tooLong;
  if (zone !== undefined && !isTimeZone(zone)) return err('ROSTER.TIME_ZONE', { value: clip(zone, 40) });
  const before = memberOfUser(committee, input.platform, input.userId);
  if (before) {
    const after: Member = {
      ...before,
      ...(name ? { name } : {}),
      ...(role ? { role } : {}),
      ...(zone ? { timeZone: zone } : {}),
      active: true,
    };
    const params = describeMember(ctx, committee, after);
    if (sameMember(before, after)) return ok({ text: t(locale, 'roster.unchanged', params), member: after, locale });
    await store(ctx, caller, committee, before, after, 'roster.member.changed');
    const key = before.active ? 'roster.changed' : 'roster.reactivated';
    return ok({ text: t(locale, key, params), member: after, locale });
  }
  // A new member: what staff left blank comes from the platform's profile.
  const profile = await ctx.messengers.get(input.platform)?.profileOf?.(input.userId);
  if (profile === null) return err('ROSTER.USER_NOT_FOUND');
  if (profile && !profile.person) return err('ROSTER.NOT_A_PERSON');
  const profileName = profile?.name?.trim() ? clip(profile.name.trim(), NAME_MAX) : undefined;
  const memberName = name ?? profileName;
  if (!memberName) return err('ROSTER.NAME_REQUIRED');
  const profileZone = profile?.timeZone && isTimeZone(profile.timeZone) ? profile.timeZone : undefined;
  const memberZone = zone ?? profileZone;
  const after: Member = {
    id: newMemberId(committee, input.platform, input.userId),
    name: memberName,
    platforms: { [input.platform]: input.userId },
    active: true,
    ...(role ? { role } : {}),
    ...(memberZone && memberZone !== committee.timeZone ? { timeZone: memberZone } : {}),
  };
  await store(ctx, caller, committee, undefined, after, 'roster.member.added');
  const lines = [t(locale, 'roster.added', describeMember(ctx, committee, after))];
  const open = (await ctx.store.listRounds()).filter((r) => r.committeeId === committee.id && r.status === 'open');
  if (open.length > 0)
    lines.push(t(locale, 'roster.added.openRounds', { rounds: open.map((r) => r.title).join(', ') }));
  return ok({ text: lines.join('\n'), member: after, locale });
}

/** Removes (deactivates) the member the picked person is; running rounds drop them as reconcile-membership does. */
export async function removeMember(
  ctx: AppContext,
  caller: RosterCaller,
  committeeId: string,
  user: { platform: Platform; userId: string },
): Promise<Result<RosterChange>> {
  await ctx.refreshRoster();
  const found = await committeeFor(ctx, caller, committeeId, 'members.remove');
  if (!found.ok) return found;
  const committee = found.value;
  const locale = committee.locale;
  const before = memberOfUser(committee, user.platform, user.userId);
  if (!before) return err('ROSTER.NOT_A_MEMBER');
  const params = describeMember(ctx, committee, before);
  if (!before.active) return ok({ text: t(locale, 'roster.removed.already', params), member: before, locale });
  const after: Member = { ...before, active: false };
  await store(ctx, caller, committee, before, after, 'roster.member.removed');
  const taken = await reconcileMembership(ctx);
  const lines = [t(locale, 'roster.removed', params)];
  if (taken > 0) lines.push(t(locale, 'roster.removed.rounds', { count: taken }));
  return ok({ text: lines.join('\n'), member: after, locale });
}
