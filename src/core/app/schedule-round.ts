/**
 * Turns a round definition into a stored round and its durable jobs:
 * one invitation per member, the planned reminders, and the close.
 */
import { err, ok, type Result } from '../errors.ts';
import type { Committee, Member, Round, RoundDefinition } from '../model.ts';
import type { NewJob } from '../ports/store.ts';
import { planReminders, reminderJobKey } from '../reminders/index.ts';
import { instantOf } from '../time.ts';
import type { AppContext } from './app-context.ts';

/** The round a definition describes, as a draft with its window as instants. */
export function roundFromDefinition(def: RoundDefinition, committee: Committee): Result<Round> {
  const opensAt = instantOf(def.window.opens, committee.timeZone);
  const closesAt = instantOf(def.window.closes, committee.timeZone);
  if (!opensAt) return err('DATE.INVALID', { value: def.window.opens });
  if (!closesAt) return err('DATE.INVALID', { value: def.window.closes });
  return ok({
    id: def.id,
    committeeId: def.committeeId,
    title: def.title,
    ...(def.description === undefined ? {} : { description: def.description }),
    agenda: def.agenda,
    anonymous: def.anonymous,
    allowLate: def.allowLate,
    reminders: def.reminders,
    status: 'draft',
    opensAt,
    closesAt,
  });
}

export function inviteJobKey(roundId: string, memberId: string): string {
  return `invite:${roundId}:${memberId}`;
}

export function closeJobKey(roundId: string, closesAt: Date): string {
  return `close:${roundId}:${closesAt.toISOString()}`;
}

/** Reminder jobs for these members under the round's current deadline. */
export function reminderJobs(ctx: AppContext, round: Round, committee: Committee, members: Member[]): NewJob[] {
  const jobs: NewJob[] = [];
  const calendar = ctx.calendarOf(committee);
  // The plan depends on the member only through the time zone: planned once per zone, not per
  // member (per member it took 13.8 s of one event-loop turn to open 10,000 members).
  const plans = new Map<string, ReturnType<typeof planReminders>>();
  for (const member of members) {
    const timeZone = ctx.zoneOfMember(committee, member);
    let plan = plans.get(timeZone);
    if (!plan) {
      plan = planReminders({
        policy: round.reminders,
        opensAt: round.opensAt,
        closesAt: round.closesAt,
        timeZone,
        calendar,
        settings: committee.calendar,
      });
      plans.set(timeZone, plan);
    }
    for (const slot of plan) {
      jobs.push({
        key: reminderJobKey(round.id, member.id, slot.slotId, round.closesAt),
        kind: 'remind',
        roundId: round.id,
        memberId: member.id,
        dueAt: slot.at,
        payload: { slotId: slot.slotId, local: slot.local },
      });
    }
  }
  return jobs;
}

/** Every job of a freshly opened round. Invitations go at the window's opening, or now if it has passed. */
export function openingJobs(
  ctx: AppContext,
  round: Round,
  committee: Committee,
  members: Member[],
  now: Date,
): NewJob[] {
  return [...memberOpeningJobs(ctx, round, committee, members, now), closeJob(round)];
}

/** The jobs of these members in a freshly opened round: the invitation and the reminders. */
export function memberOpeningJobs(
  ctx: AppContext,
  round: Round,
  committee: Committee,
  members: Member[],
  now: Date,
): NewJob[] {
  const inviteAt = round.opensAt.getTime() > now.getTime() ? round.opensAt : now;
  return [
    ...members.map(
      (m): NewJob => ({
        key: inviteJobKey(round.id, m.id),
        kind: 'invite',
        roundId: round.id,
        memberId: m.id,
        dueAt: inviteAt,
      }),
    ),
    ...reminderJobs(ctx, round, committee, members),
  ];
}

/** The job that closes the round at its deadline. */
export function closeJob(round: Round): NewJob {
  return { key: closeJobKey(round.id, round.closesAt), kind: 'close', roundId: round.id, dueAt: round.closesAt };
}

/** One notice job per member about a change of the round (`version` keeps each change's notices apart). */
export function noticeJobs(
  roundId: string,
  members: Member[],
  change: 'extended' | 'reopened' | 'cancelled',
  version: string,
  now: Date,
): NewJob[] {
  return members.map((m) => ({
    key: `notice:${roundId}:${m.id}:${change}:${version}`,
    kind: 'notice',
    roundId,
    memberId: m.id,
    dueAt: now,
    payload: { change },
  }));
}
