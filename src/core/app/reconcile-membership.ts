/**
 * A member removed from the committee file (or set inactive) while a round
 * runs keeps their invitation and answers for the record, but is no longer
 * reminded, counted as missing, or paid.
 */
import type { AppContext } from './app-context.ts';

export async function reconcileMembership(ctx: AppContext): Promise<number> {
  // Members staff removed in chat (stored roster entries) count as the files' inactive ones.
  await ctx.refreshRoster();
  let marked = 0;
  const now = ctx.now();
  for (const round of await ctx.store.listRounds()) {
    if (round.status !== 'open') continue;
    const committee = ctx.committees.get(round.committeeId);
    if (!committee) continue;
    await ctx.store.syncCommittee(committee);
    for (const invitation of await ctx.store.listInvitations(round.id)) {
      if (invitation.removedAt || invitation.submittedAt) continue;
      const member = committee.members.find((m) => m.id === invitation.memberId);
      if (member?.active) continue;
      await ctx.store.updateInvitation(round.id, invitation.memberId, { removedAt: now });
      await ctx.store.audit({
        at: now,
        actor: 'system',
        action: 'member.removed',
        roundId: round.id,
        memberId: invitation.memberId,
      });
      marked += 1;
    }
  }
  return marked;
}
