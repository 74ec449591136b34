/**
 * Certain or reported: a send cut by a crash becomes uncertain on the very
 * next tick (the claiming process is gone), staff see the member by name and
 * may resend on purpose; send-causing commands repeated within minutes send
 * nothing again and say so; opening is one transaction or resumes.
 */
import { describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import { createMemoryStore } from '../../../src/adapters/memory/memory-store.ts';
import { inviteJobKey } from '../../../src/core/app/schedule-round.ts';
import type { Claimants } from '../../../src/core/ports/claimants.ts';
import { createTestApp, kst, runUntil } from '../../fakes/app-harness.ts';

const ROUND = '2024-1';
const staff = { platform: 'local' as const, userId: 'staff-son' };
/** The process that crashed: a restarted process knows it is gone. */
const DEAD = 'host:111:dead';
const restarted: Claimants = { self: 'host:222:new', isGone: (c) => c === DEAD };

/**
 * Opens the round on a first "process" and leaves m-kang's invitation cut mid-send by a crash.
 * `canSettle: false` plays a platform that cannot tell whether the cut send arrived.
 */
async function crashDuringFanOut({ canSettle = false }: { canSettle?: boolean } = {}) {
  const store = createMemoryStore();
  const first = await createTestApp({ messengers: [new LocalMessenger()], store });
  await first.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
  const now = first.clock.now();
  // The crashed process had claimed every invitation job and was sending m-kang's when it died.
  await store.claimDueJobs(now, 50, 5 * 60_000, DEAD);
  await store.claimOutbox(inviteJobKey(ROUND, 'm-kang'), 'local', now, {
    claimant: DEAD,
    leaseUntil: new Date(now.getTime() + 10 * 60_000),
  });
  const local = new LocalMessenger();
  local.canSettle = canSettle;
  const t = await createTestApp({ messengers: [local], store, now, claimants: restarted });
  return { t, local, store };
}

const invitationsTo = (local: LocalMessenger, userId: string) =>
  local.messagesIn(local.dmChannelOf(userId)).filter((m) => m.kind === 'invitation');

describe('a send cut by a crash, on a platform that can tell', () => {
  const kangKey = inviteJobKey(ROUND, 'm-kang');
  const kang = { memberId: 'm-kang', userId: 'm-kang', name: '강도영', locale: 'ko' as const, timeZone: 'Asia/Seoul' };

  it('GIVEN the cut invitation never arrived WHEN the restarted bot runs THEN the platform says so, it is sent now and m-kang has exactly one; nobody is uncertain', async () => {
    const { t, local, store } = await crashDuringFanOut({ canSettle: true });
    await t.app.runDueJobs();
    for (const id of ['m-kang', 'm-kim', 'm-park-jb', 'm-park-jy', 'm-oh', 'm-chae', 'm-choi'])
      expect(invitationsTo(local, id)).toHaveLength(1);
    expect(await store.getOutbox(kangKey)).toMatchObject({
      state: 'sent',
      messageId: invitationsTo(local, 'm-kang')[0]?.id,
    });
    expect(await store.getInvitation(ROUND, 'm-kang')).toMatchObject({ deliveryState: 'delivered' });
    const audit = await store.listAudit();
    expect(audit.filter((e) => e.action === 'outbox.settled').map((e) => e.detail)).toEqual([
      { key: kangKey, delivered: true },
    ]);
    expect(audit.map((e) => e.action)).not.toContain('invite.uncertain');
  });

  it('GIVEN the cut invitation did arrive WHEN the restarted bot runs THEN it is found and recorded, and nothing is sent again', async () => {
    const { t, local, store } = await crashDuringFanOut({ canSettle: true });
    const arrived = await local.sendToMember(kang, { kind: 'notice', locale: 'ko', text: '안내' }, kangKey);
    await t.app.runDueJobs();
    const withKey = local.messagesIn(local.dmChannelOf('m-kang')).filter((m) => m.idempotencyKey === kangKey);
    expect(withKey).toHaveLength(1);
    expect(invitationsTo(local, 'm-kang')).toHaveLength(0);
    expect(arrived.ok && arrived.ref.messageId).toBe(withKey[0]?.id);
    expect(await store.getInvitation(ROUND, 'm-kang')).toMatchObject({
      deliveryState: 'delivered',
      messageRef: withKey[0]?.id,
    });
  });

  it('GIVEN the cut invitation never arrived and the DM is now closed WHEN the bot runs THEN nothing went out: it is a plain failure, named with its reason, not uncertain', async () => {
    const { t, local, store } = await crashDuringFanOut({ canSettle: true });
    local.failFor('m-kang');
    await t.app.runDueJobs();
    expect(await store.getInvitation(ROUND, 'm-kang')).toMatchObject({
      deliveryState: 'failed',
      failureReason: 'dm_closed',
    });
    expect((await store.getOutbox(kangKey))?.state).toBe('failed');
  });
});

describe('a send cut by a crash, on a platform that cannot tell', () => {
  it('GIVEN the platform cannot tell WHEN the restarted bot asks THEN the cut send stays uncertain, is not sent again, and says why', async () => {
    const { t, local, store } = await crashDuringFanOut();
    await t.app.runDueJobs();
    expect(await store.getOutbox(inviteJobKey(ROUND, 'm-kang'))).toMatchObject({
      state: 'uncertain',
      error: 'no history to look up',
    });
    expect(invitationsTo(local, 'm-kang')).toHaveLength(0);
  });

  it('GIVEN a restart seconds after the crash WHEN the first tick runs THEN the cut send is uncertain at once, the others go out once, and m-kang gets nothing', async () => {
    const { t, local, store } = await crashDuringFanOut();
    await t.app.runDueJobs();
    expect((await store.getOutbox(inviteJobKey(ROUND, 'm-kang')))?.state).toBe('uncertain');
    expect(await store.getInvitation(ROUND, 'm-kang')).toMatchObject({
      deliveryState: 'failed',
      failureReason: 'uncertain',
    });
    expect(invitationsTo(local, 'm-kang')).toHaveLength(0);
    for (const id of ['m-kim', 'm-park-jb', 'm-park-jy', 'm-oh', 'm-chae', 'm-choi'])
      expect(invitationsTo(local, id)).toHaveLength(1);
    expect((await store.listAudit(ROUND)).map((e) => e.action)).toContain('invite.uncertain');
  });

  it('GIVEN the uncertain invitation THEN status, the progress message and the summary name the member', async () => {
    const { t, local } = await crashDuringFanOut();
    await t.app.runDueJobs();
    const status = await t.app.runStaffCommand(staff, { verb: 'status', roundId: ROUND });
    expect(status.text).toContain('강도영');
    expect(status.text).toContain('도착 여부');
    expect(status.text).toContain(`resend ${ROUND}`);
    const progress = local.messagesIn('staff').find((m) => m.kind === 'progress');
    expect(progress?.text).toContain('강도영');
    await runUntil(t, kst('2024-02-15 18:05'));
    const summary = local.messagesIn('staff').find((m) => m.kind === 'summary');
    expect(summary?.text).toContain('강도영');
  });

  it('GIVEN the progress post was cut by the same crash WHEN the restarted bot runs THEN a new progress post names the member (a post that may be missing is not left as the only one)', async () => {
    const { t, local, store } = await crashDuringFanOut();
    const now = t.clock.now();
    await store.claimOutbox(`progress:${ROUND}:local`, 'local', now, {
      claimant: DEAD,
      leaseUntil: new Date(now.getTime() + 10 * 60_000),
    });
    await t.app.runDueJobs();
    expect((await store.getOutbox(`progress:${ROUND}:local`))?.state).toBe('uncertain');
    const progress = local.messagesIn('staff').filter((m) => m.kind === 'progress');
    expect(progress).toHaveLength(1);
    expect(progress[0]?.text).toContain('6/7');
    expect(progress[0]?.text).toContain('강도영');
  });

  it('GIVEN the uncertain invitation WHEN the reminder slots come THEN m-kang is reminded like everyone who has not submitted', async () => {
    const { t, local } = await crashDuringFanOut();
    await runUntil(t, kst('2024-02-15 17:00'));
    const kinds = local.messagesIn(local.dmChannelOf('m-kang')).map((m) => m.kind);
    expect(kinds.filter((k) => k === 'reminder').length).toBeGreaterThan(0);
    expect(kinds).not.toContain('invitation');
  });

  it('GIVEN the uncertain invitation WHEN staff resend it THEN it goes out once more, is audited, and the member is no longer uncertain; a second resend within minutes is refused in words', async () => {
    const { t, local, store } = await crashDuringFanOut();
    await t.app.runDueJobs();
    const reply = await t.app.runStaffCommand(staff, { verb: 'resend', roundId: ROUND, member: '강도영' });
    expect(reply.text).toContain('강도영');
    expect(reply.ephemeral).toBe(true);
    await t.app.runDueJobs();
    expect(invitationsTo(local, 'm-kang')).toHaveLength(1);
    expect((await store.getInvitation(ROUND, 'm-kang'))?.deliveryState).toBe('delivered');
    const actions = (await store.listAudit(ROUND)).filter((e) => e.memberId === 'm-kang').map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['invite.resend', 'invite.resent']));
    t.clock.advance(2 * 60_000);
    const again = await t.app.runStaffCommand(staff, { verb: 'resend', roundId: ROUND, member: 'm-kang' });
    expect(again.text).toContain('2분 전');
    await t.app.runDueJobs();
    expect(invitationsTo(local, 'm-kang')).toHaveLength(1);
    const status = await t.app.runStaffCommand(staff, { verb: 'status', roundId: ROUND });
    expect(status.text).not.toContain('도착 여부');
  });

  it('GIVEN a crash after the send was recorded but before the invitation was WHEN the job runs again THEN it is marked delivered, not sent again', async () => {
    const store = createMemoryStore();
    const local = new LocalMessenger();
    const t = await createTestApp({ messengers: [local], store, claimants: restarted });
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
    const now = t.clock.now();
    await store.claimDueJobs(now, 50, 5 * 60_000, DEAD);
    await store.claimOutbox(inviteJobKey(ROUND, 'm-oh'), 'local', now);
    await store.settleOutbox(inviteJobKey(ROUND, 'm-oh'), { state: 'sent', channelId: 'dm:m-oh', messageId: '9' }, now);
    await t.app.runDueJobs();
    expect(invitationsTo(local, 'm-oh')).toHaveLength(0);
    expect(await store.getInvitation(ROUND, 'm-oh')).toMatchObject({ deliveryState: 'delivered', messageRef: '9' });
  });

  it('GIVEN a send whose claimant may still be alive (another host) WHEN its lease runs out THEN it becomes uncertain on the next tick', async () => {
    const store = createMemoryStore();
    const t = await createTestApp({ messengers: [new LocalMessenger()], store });
    const now = t.clock.now();
    await store.claimOutbox('receipt:x', 'local', now, {
      claimant: 'other:1:x',
      leaseUntil: new Date(now.getTime() + 60_000),
    });
    await t.app.runDueJobs();
    expect((await store.getOutbox('receipt:x'))?.state).toBe('sending');
    t.clock.advance(60_000);
    await t.app.runDueJobs();
    expect((await store.getOutbox('receipt:x'))?.state).toBe('uncertain');
  });
});

describe('send-causing commands repeated within minutes', () => {
  it('GIVEN a reminder sent 2 minutes ago WHEN remind is run again (a replay, a double click) THEN nothing is sent and the reply says when it went out', async () => {
    const local = new LocalMessenger();
    const t = await createTestApp({ messengers: [local] });
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
    await t.app.runDueJobs();
    await t.app.runStaffCommand(staff, { verb: 'remind', roundId: ROUND });
    await t.app.runDueJobs();
    const reminders = () => local.all().filter((m) => m.kind === 'reminder').length;
    expect(reminders()).toBe(7);
    t.clock.advance(65_000 + 60_000);
    const again = await t.app.runStaffCommand(staff, { verb: 'remind', roundId: ROUND });
    await t.app.runDueJobs();
    expect(again.text).toContain('2분 전에 재안내를 보냈으므로');
    expect(reminders()).toBe(7);
    t.clock.advance(10 * 60_000);
    await t.app.runStaffCommand(staff, { verb: 'remind', roundId: ROUND });
    await t.app.runDueJobs();
    expect(reminders()).toBe(14);
  });

  it('GIVEN a round opened a minute ago WHEN open is run again THEN it is refused as already open and sends nothing more', async () => {
    const local = new LocalMessenger();
    const t = await createTestApp({ messengers: [local] });
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
    await t.app.runDueJobs();
    t.clock.advance(60_000);
    const again = await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
    expect(again.text).toContain('이미 진행 중');
    await t.app.runDueJobs();
    expect(local.all().filter((m) => m.kind === 'invitation')).toHaveLength(7);
  });
});

describe('opening a round', () => {
  it('GIVEN a round left open with nobody queued (a crash under the old two-step opening) WHEN staff open it again THEN every member is queued and invited once', async () => {
    const local = new LocalMessenger();
    const store = createMemoryStore();
    const t = await createTestApp({ messengers: [local], store });
    const { roundFromDefinition } = await import('../../../src/core/app/schedule-round.ts');
    const draft = roundFromDefinition(t.rounds[0]!, t.committees[0]!);
    if (!draft.ok) throw new Error('seed round');
    await store.createRound({ ...draft.value, status: 'open', openedAt: t.clock.now() });
    const reply = await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
    expect(reply.text).toContain('7명');
    await t.app.runDueJobs();
    expect(local.all().filter((m) => m.kind === 'invitation')).toHaveLength(7);
  });

  it('GIVEN a store that fails while opening THEN no round is left open', async () => {
    const store = createMemoryStore();
    store.openRound = async () => {
      throw new Error('disk full');
    };
    const t = await createTestApp({ messengers: [new LocalMessenger()], store });
    await expect(t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND })).rejects.toThrow('disk full');
    expect(await store.getRound(ROUND)).toBeNull();
  });
});
