/**
 * The job runner's promises about failures: a transient failure is retried a
 * bounded number of times with growing delays, then reported; a refusal is
 * reported at once; a send cut by a crash is never repeated on its own.
 */
import { describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import { createMemoryStore } from '../../../src/adapters/memory/memory-store.ts';
import { UNCERTAIN_NOTE } from '../../../src/core/app/deliver.ts';
import { inviteJobKey } from '../../../src/core/app/schedule-round.ts';
import type { Claimants } from '../../../src/core/ports/claimants.ts';
import type { Delivery, MemberAddress, MemberMessage } from '../../../src/core/ports/messenger.ts';
import { createTestApp, kst, runUntil, type TestApp } from '../../fakes/app-harness.ts';

const ROUND = '2024-1';
const staff = { platform: 'local' as const, userId: 'staff-son' };
const SECOND = 1000;
/** Another process (or host) that claimed a send. */
const OTHER = 'host:1:other';

/** The local messenger, counting every attempt to reach a member (failed ones too). */
class CountingMessenger extends LocalMessenger {
  readonly tries = new Map<string, Date[]>();
  constructor(private readonly clockNow: () => Date) {
    super();
  }
  override sendToMember(to: MemberAddress, message: MemberMessage, key: string): Promise<Delivery> {
    const list = this.tries.get(`${message.kind}:${to.userId}`) ?? [];
    list.push(this.clockNow());
    this.tries.set(`${message.kind}:${to.userId}`, list);
    return super.sendToMember(to, message, key);
  }
}

async function openWith(failure: Extract<Delivery, { ok: false }>) {
  let now = () => new Date(0);
  const messenger = new CountingMessenger(() => now());
  const t = await createTestApp({ messengers: [messenger] });
  now = () => t.clock.now();
  messenger.failFor('m-kim', failure);
  const opened = t.clock.now();
  await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
  return { t, messenger, opened };
}

const rateLimited = { ok: false, permanent: false, reason: 'rate_limited' } as const;

describe('an invitation that fails for now', () => {
  it('GIVEN every send to a member is rate limited THEN it is tried five times, 30 s, 60 s, 120 s and 240 s apart, and never again', async () => {
    const { t, messenger, opened } = await openWith(rateLimited);
    await runUntil(t, new Date(opened.getTime() + 24 * 3600 * SECOND));
    const offsets = (messenger.tries.get('invitation:m-kim') ?? []).map(
      (at) => (at.getTime() - opened.getTime()) / SECOND,
    );
    expect(offsets).toEqual([0, 30, 90, 210, 450]);
  });

  it('GIVEN the fourth try failed THEN the member is still pending; GIVEN the fifth failed THEN the invitation failed as exhausted, audited with the reason', async () => {
    const { t, opened } = await openWith(rateLimited);
    await runUntil(t, new Date(opened.getTime() + 449 * SECOND));
    expect((await t.store.getInvitation(ROUND, 'm-kim'))?.deliveryState).toBe('pending');
    await runUntil(t, new Date(opened.getTime() + 450 * SECOND));
    expect(await t.store.getInvitation(ROUND, 'm-kim')).toMatchObject({
      deliveryState: 'failed',
      platform: 'local',
      failureReason: 'exhausted',
    });
    const job = (await t.store.listJobs(ROUND)).find((j) => j.key === inviteJobKey(ROUND, 'm-kim'));
    expect(job).toMatchObject({ state: 'failed', attempts: 5, lastError: 'rate_limited' });
    const audit = (await t.store.listAudit(ROUND)).filter((e) => e.memberId === 'm-kim');
    expect(audit.map((e) => [e.action, e.actor, e.detail])).toEqual([
      ['invite.failed', 'system', { reason: 'rate_limited' }],
    ]);
  });

  it('GIVEN a member whose DMs are closed (a refusal) THEN one try, and the invitation fails at once with that reason', async () => {
    const { t, messenger } = await openWith({ ok: false, permanent: true, reason: 'dm_closed' });
    await t.app.runDueJobs();
    expect(messenger.tries.get('invitation:m-kim')).toHaveLength(1);
    expect(await t.store.getInvitation(ROUND, 'm-kim')).toMatchObject({
      deliveryState: 'failed',
      platform: 'local',
      failureReason: 'dm_closed',
    });
    const status = await t.app.runStaffCommand(staff, { verb: 'status', roundId: ROUND });
    expect(status.text).toContain('김정환');
  });

  it('GIVEN the other members THEN each is invited once and marked delivered with the message reference', async () => {
    const { t, messenger } = await openWith(rateLimited);
    await t.app.runDueJobs();
    expect(messenger.tries.get('invitation:m-kang')).toHaveLength(1);
    const kang = await t.store.getInvitation(ROUND, 'm-kang');
    expect(kang).toMatchObject({ deliveryState: 'delivered', platform: 'local', channelRef: 'dm:m-kang' });
    expect(kang?.messageRef).toEqual(expect.any(String));
    expect(kang?.deliveredAt).toEqual(t.clock.now());
  });
});

describe('a reminder that fails for now', () => {
  it('GIVEN staff remind and the member is rate limited THEN the reminder is tried five times and its job ends failed with the reason', async () => {
    const { t, messenger, opened } = await openWith({ ok: false, permanent: true, reason: 'dm_closed' });
    await t.app.runDueJobs();
    // Reachable again for the invitation's sake: invited, then rate limited for the reminder.
    messenger.failFor('m-kang', rateLimited);
    await t.store.updateInvitation(ROUND, 'm-kang', { deliveryState: 'delivered' });
    await t.app.runStaffCommand(staff, { verb: 'remind', roundId: ROUND });
    await runUntil(t, new Date(opened.getTime() + 3600 * SECOND));
    expect(messenger.tries.get('reminder:m-kang')).toHaveLength(5);
    const job = (await t.store.listJobs(ROUND)).find((j) => j.kind === 'remind' && j.memberId === 'm-kang');
    expect(job).toMatchObject({ state: 'failed', attempts: 5, lastError: 'rate_limited' });
  });
});

describe('an invitation whose send another process holds or cut', () => {
  async function heldBy(claimants?: Claimants) {
    const store = createMemoryStore();
    const messenger = new CountingMessenger(() => new Date(0));
    // A platform that cannot tell whether a cut send arrived (certainty.test.ts has one that can).
    messenger.canSettle = false;
    const t = await createTestApp({ messengers: [messenger], store, ...(claimants ? { claimants } : {}) });
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
    const now = t.clock.now();
    await store.claimOutbox(inviteJobKey(ROUND, 'm-kang'), 'local', now, {
      claimant: OTHER,
      leaseUntil: new Date(now.getTime() + 10 * 60 * SECOND),
    });
    await t.app.runDueJobs();
    const job = (await store.listJobs(ROUND)).find((j) => j.key === inviteJobKey(ROUND, 'm-kang'));
    return { t, messenger, now, job };
  }

  it('GIVEN a live process is sending it THEN nothing is sent, the invitation stays pending and the job looks again a minute later', async () => {
    const { t, messenger, now, job } = await heldBy();
    expect(messenger.tries.get('invitation:m-kang')).toBeUndefined();
    expect((await t.store.getInvitation(ROUND, 'm-kang'))?.deliveryState).toBe('pending');
    expect(job).toMatchObject({
      state: 'pending',
      dueAt: new Date(now.getTime() + 60 * SECOND),
      lastError: 'in flight elsewhere',
    });
  });

  it('GIVEN the process that was sending it is gone THEN nothing is sent, the member is uncertain on this platform, audited, and the job failed as uncertain', async () => {
    const { t, messenger, job } = await heldBy({ self: 'host:2:new', isGone: (c) => c === OTHER });
    expect(messenger.tries.get('invitation:m-kang')).toBeUndefined();
    expect(await t.store.getInvitation(ROUND, 'm-kang')).toMatchObject({
      deliveryState: 'failed',
      platform: 'local',
      failureReason: 'uncertain',
    });
    const audit = (await t.store.listAudit(ROUND)).filter((e) => e.memberId === 'm-kang');
    expect(audit.map((e) => [e.action, e.actor])).toEqual([['invite.uncertain', 'system']]);
    expect(job).toMatchObject({ state: 'failed', lastError: UNCERTAIN_NOTE });
  });
});

describe('planned and manual reminders', () => {
  /** The seed plan's first slot: two business days before the deadline, at 10:00 (Tue 13 Feb). */
  const FIRST_SLOT = kst('2024-02-13 10:00');
  const remindJobOf = async (t: TestApp, memberId: string) =>
    (await t.store.listJobs(ROUND)).filter((j) => j.kind === 'remind' && j.memberId === memberId);

  it('GIVEN a member whose invitation was refused THEN the planned reminder skips them and reaches the others on time', async () => {
    const { t, messenger } = await openWith({ ok: false, permanent: true, reason: 'dm_closed' });
    await runUntil(t, FIRST_SLOT);
    expect(messenger.tries.get('reminder:m-kim')).toBeUndefined();
    expect(messenger.tries.get('reminder:m-kang')).toEqual([FIRST_SLOT]);
    const [first] = await remindJobOf(t, 'm-kim');
    expect(first).toMatchObject({ state: 'skipped', lastError: 'invitation not delivered' });
  });

  it('GIVEN the bot was down past the grace of a slot THEN the reminder is skipped, not sent late, and the skip is audited with the slot time', async () => {
    const { t, messenger } = await openWith({ ok: false, permanent: true, reason: 'dm_closed' });
    await t.app.runDueJobs();
    t.clock.set(new Date(FIRST_SLOT.getTime() + 121 * 60 * SECOND));
    await t.app.runDueJobs();
    expect(messenger.tries.get('reminder:m-kang')).toBeUndefined();
    const skipped = (await t.store.listAudit(ROUND)).filter(
      (e) => e.action === 'remind.skipped' && e.memberId === 'm-kang',
    );
    expect(skipped.map((e) => [e.actor, e.detail])).toEqual([
      ['system', { reason: 'missed_grace', dueAt: FIRST_SLOT.toISOString() }],
    ]);
  });

  it('GIVEN staff remind at 23:00 (quiet hours) THEN the nudge goes out at once: staff chose the hour', async () => {
    const { t, messenger } = await openWith({ ok: false, permanent: true, reason: 'dm_closed' });
    await t.app.runDueJobs();
    t.clock.set(kst('2024-02-08 23:00'));
    await t.app.runStaffCommand(staff, { verb: 'remind', roundId: ROUND });
    await t.app.runDueJobs();
    expect(messenger.tries.get('reminder:m-kang')).toEqual([kst('2024-02-08 23:00')]);
  });

  it('GIVEN staff remind on a Saturday THEN the nudge goes out at once: closed days do not hold it back', async () => {
    const { t, messenger } = await openWith({ ok: false, permanent: true, reason: 'dm_closed' });
    await t.app.runDueJobs();
    t.clock.set(kst('2024-02-10 11:00'));
    await t.app.runStaffCommand(staff, { verb: 'remind', roundId: ROUND });
    await t.app.runDueJobs();
    expect(messenger.tries.get('reminder:m-kang')).toEqual([kst('2024-02-10 11:00')]);
  });

  it('GIVEN a planned slot at a time that became quiet (the job is due at 23:00) THEN it is skipped as quiet hours', async () => {
    const { t, messenger } = await openWith({ ok: false, permanent: true, reason: 'dm_closed' });
    await t.app.runDueJobs();
    await t.store.enqueueJobs([
      {
        key: 'remind:late',
        kind: 'remind',
        roundId: ROUND,
        memberId: 'm-kang',
        dueAt: kst('2024-02-08 23:00'),
        payload: { slotId: 'x' },
      },
    ]);
    await runUntil(t, kst('2024-02-08 23:00'));
    expect(messenger.tries.get('reminder:m-kang')).toBeUndefined();
    expect((await remindJobOf(t, 'm-kang')).find((j) => j.key === 'remind:late')).toMatchObject({
      state: 'skipped',
      lastError: 'quiet_hours',
    });
    // Only a slot missed by downtime is worth an audit entry.
    expect((await t.store.listAudit(ROUND)).filter((e) => e.action === 'remind.skipped')).toEqual([]);
  });
});

describe('invitation jobs that have nothing to send', () => {
  const inviteJob = async (t: TestApp, memberId: string) =>
    (await t.store.listJobs(ROUND)).find((j) => j.key === inviteJobKey(ROUND, memberId));

  it('GIVEN a member with no id on any platform the bot runs THEN the invitation fails as no_platform, nothing is sent, and staff see it', async () => {
    const messenger = new CountingMessenger(() => new Date(0));
    const t = await createTestApp({
      messengers: [messenger],
      mutateCommittee: (c) => {
        const kim = c.members.find((m) => m.id === 'm-kim');
        if (kim) kim.platforms = { discord: '100000000000000102' };
      },
    });
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
    await t.app.runDueJobs();
    expect(messenger.tries.get('invitation:m-kim')).toBeUndefined();
    expect(await t.store.getInvitation(ROUND, 'm-kim')).toMatchObject({
      deliveryState: 'failed',
      failureReason: 'no_platform',
    });
    expect(await inviteJob(t, 'm-kim')).toMatchObject({ state: 'failed', lastError: 'no_platform' });
    const progress = messenger.messagesIn('staff').find((m) => m.kind === 'progress');
    expect(progress?.text).toContain('김정환');
  });

  it('GIVEN the round was cancelled before the invitations ran THEN none is sent and each job says why', async () => {
    const messenger = new CountingMessenger(() => new Date(0));
    const t = await createTestApp({ messengers: [messenger] });
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
    await t.store.updateRound(ROUND, { status: 'cancelled', cancelledAt: t.clock.now() });
    await t.app.runDueJobs();
    expect(messenger.tries.size).toBe(0);
    expect(await inviteJob(t, 'm-kang')).toMatchObject({ state: 'skipped', lastError: 'round cancelled' });
  });

  it('GIVEN a member removed from the round, or inactive, before the job ran THEN they are not invited', async () => {
    const messenger = new CountingMessenger(() => new Date(0));
    const t = await createTestApp({ messengers: [messenger] });
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
    await t.store.updateInvitation(ROUND, 'm-kang', { removedAt: t.clock.now() });
    const kim = t.committees[0]?.members.find((m) => m.id === 'm-kim');
    if (kim) kim.active = false;
    await t.app.runDueJobs();
    expect(messenger.tries.get('invitation:m-kang')).toBeUndefined();
    expect(messenger.tries.get('invitation:m-kim')).toBeUndefined();
    expect(messenger.tries.get('invitation:m-oh')).toHaveLength(1);
    expect((await inviteJob(t, 'm-kang'))?.state).toBe('skipped');
    expect(await inviteJob(t, 'm-kang')).toMatchObject({ state: 'skipped', lastError: 'member removed' });
    expect(await inviteJob(t, 'm-kim')).toMatchObject({ state: 'skipped', lastError: 'member inactive' });
  });

  it('GIVEN a round of a committee gone from the configuration THEN its member jobs are skipped as gone, not failed', async () => {
    const messenger = new CountingMessenger(() => new Date(0));
    const t = await createTestApp({ messengers: [messenger] });
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
    const seed = await t.store.getRound(ROUND);
    if (!seed) throw new Error('the seed round did not open');
    await t.store.createRound({ ...seed, id: 'orphan', committeeId: 'gone' });
    await t.store.createInvitations([{ roundId: 'orphan', memberId: 'm-kang', deliveryState: 'pending', late: false }]);
    await t.store.enqueueJobs([
      { key: 'invite:orphan:m-kang', kind: 'invite', roundId: 'orphan', memberId: 'm-kang', dueAt: t.clock.now() },
    ]);
    await t.app.runDueJobs();
    expect(messenger.tries.get('invitation:m-kang')).toHaveLength(1);
    expect((await t.store.listJobs('orphan')).map((j) => [j.state, j.lastError])).toEqual([
      ['skipped', 'member or round gone'],
    ]);
  });

  it('GIVEN a member gone from the configuration THEN the job is skipped as gone', async () => {
    const messenger = new CountingMessenger(() => new Date(0));
    const t = await createTestApp({ messengers: [messenger] });
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
    const committee = t.committees[0];
    if (committee) committee.members = committee.members.filter((m) => m.id !== 'm-oh');
    await t.app.runDueJobs();
    expect(messenger.tries.get('invitation:m-oh')).toBeUndefined();
    expect(await inviteJob(t, 'm-oh')).toMatchObject({ state: 'skipped', lastError: 'member or round gone' });
  });
});
