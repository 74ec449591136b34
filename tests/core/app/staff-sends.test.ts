/**
 * Staff commands that cause sends, safe to repeat: `remind` repeated within
 * ten minutes is answered with when it last went out; `resend` finds the
 * member as staff type them, refuses who cannot be sent to, queues one
 * audited invitation under a new key, and is answered if repeated.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../src/adapters/memory/memory-store.ts';
import { AppContext } from '../../../src/core/app/app-context.ts';
import { repeatedRemind, resendInvitation } from '../../../src/core/app/staff-sends.ts';
import type { Committee, Invitation, Round } from '../../../src/core/model.ts';
import { ManualClock } from '../../../src/core/ports/clock.ts';
import { silentLogger } from '../../../src/core/ports/logger.ts';
import { committee, member, round } from '../summary/builders.ts';

const NOW = new Date('2024-02-13T01:00:00Z');
const MINUTE = 60_000;
const ago = (ms: number) => new Date(NOW.getTime() - ms);

async function setup(status: Round['status'] = 'open') {
  const c: Committee = committee(
    [
      { ...member('m-kang', 'Kang Do'), platforms: { slack: 'U1KANG' } },
      { ...member('m-lee', 'Lee'), platforms: { slack: 'U2LEE' } },
      { ...member('m-oh', 'Oh'), platforms: { slack: 'U3OH' } },
    ],
    { locale: 'en', timeZone: 'Asia/Seoul' },
  );
  const store = createMemoryStore();
  let due = 0;
  const ctx = new AppContext({
    store,
    messengers: [],
    committees: [c],
    rounds: [],
    clock: new ManualClock(NOW),
    logger: silentLogger,
    onWorkDue: () => void (due += 1),
  });
  const r = round([], { id: 'R1', title: 'Round one', status });
  await store.createRound(r);
  const invite = (memberId: string, patch: Partial<Invitation> = {}): Invitation => ({
    roundId: 'R1',
    memberId,
    deliveryState: 'delivered',
    late: false,
    ...patch,
  });
  await store.createInvitations([invite('m-kang'), invite('m-lee', { submittedAt: ago(MINUTE) })]);
  return { ctx, store, committee: c, round: r, due: () => due };
}

describe('repeatedRemind', () => {
  it('GIVEN no reminder audited THEN it may go ahead', async () => {
    const { ctx, round: r, committee: c } = await setup();
    expect(await repeatedRemind(ctx, r, c)).toBeNull();
  });

  it('GIVEN reminders 8 and 3 minutes ago THEN the answer names the latest and when one may ask again, privately', async () => {
    const { ctx, store, round: r, committee: c } = await setup();
    await store.audit({ at: ago(8 * MINUTE), actor: 'cli', action: 'round.remind', roundId: 'R1' });
    await store.audit({ at: ago(3 * MINUTE), actor: 'cli', action: 'round.remind', roundId: 'R1' });
    expect(await repeatedRemind(ctx, r, c)).toEqual({
      text: 'A reminder went out 3 minutes ago, so none was sent now. You can ask again after Tue 13 Feb 2024 10:07.',
      ephemeral: true,
    });
  });

  it.each([
    [20_000, 1],
    [90_000, 2],
  ])('GIVEN a reminder %i ms ago THEN it says %i minute(s), never 0', async (ms, minutes) => {
    const { ctx, store, round: r, committee: c } = await setup();
    await store.audit({ at: ago(ms), actor: 'cli', action: 'round.remind', roundId: 'R1' });
    expect((await repeatedRemind(ctx, r, c))?.text).toMatch(new RegExp(`^A reminder went out ${minutes} minutes? ago`));
  });

  it('GIVEN a reminder exactly 10 minutes ago, another action just now, or a reminder of another round THEN it may go ahead', async () => {
    const { ctx, store, round: r, committee: c } = await setup();
    await store.audit({ at: ago(10 * MINUTE), actor: 'cli', action: 'round.remind', roundId: 'R1' });
    await store.audit({ at: ago(MINUTE), actor: 'cli', action: 'round.open', roundId: 'R1' });
    await store.audit({ at: ago(MINUTE), actor: 'cli', action: 'round.remind', roundId: 'R2' });
    expect(await repeatedRemind(ctx, r, c)).toBeNull();
    await store.audit({ at: ago(10 * MINUTE - 1000), actor: 'cli', action: 'round.remind', roundId: 'R1' });
    expect(await repeatedRemind(ctx, r, c)).not.toBeNull();
  });
});

describe('resendInvitation', () => {
  it('GIVEN a member who has not submitted THEN one invitation job under a new key, due now, audited, with work due', async () => {
    const { ctx, store, due } = await setup();
    expect(await resendInvitation(ctx, 'R1', 'm-kang', 'slack:U-staff')).toEqual({
      ok: true,
      value: { text: 'Sending the invitation to Kang Do again. See how it went with `status R1`.', ephemeral: true },
    });
    const jobs = (await store.listJobs('R1')).filter((j) => j.memberId === 'm-kang');
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      key: 'invite:R1:m-kang:resend:2024-02-13T01:00:00.000Z',
      kind: 'invite',
      roundId: 'R1',
      memberId: 'm-kang',
      dueAt: NOW,
      payload: { resend: true, actor: 'slack:U-staff' },
    });
    expect(await store.listAudit('R1')).toEqual([
      { at: NOW, actor: 'slack:U-staff', action: 'invite.resend', roundId: 'R1', memberId: 'm-kang' },
    ]);
    expect(due()).toBe(1);
  });

  it.each(['m-kang', '  m-kang ', 'kang do', 'KANG DO', 'U1KANG', '<@U1KANG>', '<@!U1KANG>'])(
    'GIVEN the member typed as %j THEN it is Kang',
    async (typed) => {
      const { ctx } = await setup();
      const reply = await resendInvitation(ctx, 'R1', typed, 'cli');
      expect(reply.ok && reply.value.text).toBe(
        'Sending the invitation to Kang Do again. See how it went with `status R1`.',
      );
    },
  );

  it.each(['nobody', 'm-oh', '<@U9>', 'U1KAN', ''])(
    'GIVEN %j (unknown or not invited) THEN no member matches, nothing queued',
    async (typed) => {
      const { ctx, store } = await setup();
      expect(await resendInvitation(ctx, 'R1', typed, 'cli')).toEqual({
        ok: true,
        value: { text: `No member matches "${typed}". Check the member id or name.`, ephemeral: true },
      });
      expect(await store.listJobs('R1')).toEqual([]);
    },
  );

  it('GIVEN a member removed from the round THEN no member matches', async () => {
    const { ctx, store } = await setup();
    await store.updateInvitation('R1', 'm-kang', { removedAt: ago(MINUTE) });
    const reply = await resendInvitation(ctx, 'R1', 'm-kang', 'cli');
    expect(reply.ok && reply.value.text).toBe('No member matches "m-kang". Check the member id or name.');
  });

  it('GIVEN a member who submitted THEN nothing is sent and staff are told why', async () => {
    const { ctx, store } = await setup();
    expect(await resendInvitation(ctx, 'R1', 'Lee', 'cli')).toEqual({
      ok: true,
      value: { text: 'Lee has already submitted, so the invitation was not sent again.', ephemeral: true },
    });
    expect(await store.listJobs('R1')).toEqual([]);
  });

  it('GIVEN a resend of this member 2 minutes ago THEN nothing more is queued and the reply says when; another member may be resent', async () => {
    const { ctx, store } = await setup();
    await store.createInvitations([
      { roundId: 'R1', memberId: 'm-oh', deliveryState: 'failed', failureReason: 'uncertain', late: false },
    ]);
    await store.audit({
      at: ago(2 * MINUTE),
      actor: 'cli',
      action: 'invite.resend',
      roundId: 'R1',
      memberId: 'm-kang',
    });
    expect(await resendInvitation(ctx, 'R1', 'm-kang', 'cli')).toEqual({
      ok: true,
      value: {
        text: 'The invitation was sent to Kang Do again 2 minutes ago, so it was not sent now. You can ask again after Tue 13 Feb 2024 10:08.',
        ephemeral: true,
      },
    });
    expect(await store.listJobs('R1')).toEqual([]);
    const other = await resendInvitation(ctx, 'R1', 'm-oh', 'cli');
    expect(other.ok && other.value.text).toContain('Sending the invitation to Oh again');
  });

  it('GIVEN a round that cannot be reminded, or no such round THEN the refusal, titled', async () => {
    const { ctx } = await setup('cancelled');
    expect(await resendInvitation(ctx, 'R1', 'm-kang', 'cli')).toEqual({
      ok: false,
      error: { code: 'ROUND.CANCELLED', params: { roundId: 'R1', roundTitle: 'Round one' } },
    });
    expect(await resendInvitation(ctx, 'R9', 'm-kang', 'cli')).toMatchObject({
      ok: false,
      error: { code: 'ROUND.NOT_FOUND' },
    });
  });
});
