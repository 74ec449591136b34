/**
 * The job runner, job kind by job kind: what each job does when there is
 * nothing (or no one) to send to, when its send was already made, held or
 * cut elsewhere, and when it fails unexpectedly.
 */
import { describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import { createMemoryStore } from '../../../src/adapters/memory/memory-store.ts';
import { UNCERTAIN_NOTE } from '../../../src/core/app/deliver.ts';
import type { JobKind } from '../../../src/core/model.ts';
import type { Claimants } from '../../../src/core/ports/claimants.ts';
import type { Delivery, MemberAddress, MemberMessage } from '../../../src/core/ports/messenger.ts';
import { createTestApp, kst, runUntil, type TestApp, type TestAppOptions } from '../../fakes/app-harness.ts';
import { recordingLogger } from '../../fakes/recording-logger.ts';

const ROUND = '2024-1';
const staff = { platform: 'local' as const, userId: 'staff-son' };
const OTHER = 'host:1:other';

/** The local messenger, whose members can be made unreachable and reachable again. */
class SwitchableMessenger extends LocalMessenger {
  readonly down = new Set<string>();
  override sendToMember(to: MemberAddress, message: MemberMessage, key: string): Promise<Delivery> {
    if (this.down.has(to.userId)) return Promise.resolve({ ok: false, permanent: true, reason: 'dm_closed' });
    return super.sendToMember(to, message, key);
  }
}

async function opened(options: Partial<TestAppOptions> = {}) {
  const local = new SwitchableMessenger();
  const t = await createTestApp({ messengers: [local], ...options });
  await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
  return { t, local };
}

/** Queues one job of `kind` for `memberId`, due now, and runs the queue. */
async function runJob(t: TestApp, kind: JobKind, memberId: string | undefined, payload?: Record<string, unknown>) {
  const key = `test:${kind}:${memberId ?? 'round'}`;
  await t.store.enqueueJobs([
    {
      key,
      kind,
      roundId: ROUND,
      ...(memberId ? { memberId } : {}),
      dueAt: t.clock.now(),
      ...(payload ? { payload } : {}),
    },
  ]);
  await t.app.runDueJobs();
  return (await t.store.listJobs(ROUND)).find((j) => j.key === key);
}

const messagesOf = (local: LocalMessenger, userId: string, kind: string) =>
  local.messagesIn(local.dmChannelOf(userId)).filter((m) => m.kind === kind);

describe('a run of due jobs', () => {
  it('GIVEN a round just opened THEN one run sends the seven invitations, says seven jobs ran, posts progress 7/7 once, and audits no resend', async () => {
    const { t, local } = await opened();
    expect(await t.app.runDueJobs()).toBe(7);
    expect(await t.app.runDueJobs()).toBe(0);
    const progress = local.messagesIn('staff').filter((m) => m.kind === 'progress');
    expect(progress).toHaveLength(1);
    expect(progress[0]?.text).toContain('7/7');
    expect((await t.store.listAudit(ROUND)).map((e) => e.action)).toEqual(['round.open']);
    const invites = (await t.store.listJobs(ROUND)).filter((j) => j.kind === 'invite');
    expect(invites.map((j) => [j.state, j.lastError])).toEqual(Array(7).fill(['done', undefined]));
  });

  it('GIVEN an invitation whose send was recorded before a crash cut the job THEN the job is skipped as already sent and the member delivered', async () => {
    const { t, local } = await opened();
    const now = t.clock.now();
    await t.store.claimOutbox('invite:2024-1:m-kang', 'local', now);
    await t.store.settleOutbox('invite:2024-1:m-kang', { state: 'sent', channelId: 'dm:m-kang', messageId: '77' }, now);
    await t.app.runDueJobs();
    expect(messagesOf(local, 'm-kang', 'invitation')).toEqual([]);
    expect(await t.store.getInvitation(ROUND, 'm-kang')).toMatchObject({
      deliveryState: 'delivered',
      messageRef: '77',
    });
    expect((await t.store.listJobs(ROUND)).find((j) => j.key === 'invite:2024-1:m-kang')).toMatchObject({
      state: 'skipped',
      lastError: 'already sent',
    });
  });

  it('GIVEN a member unreachable at first WHEN staff resend once they are reachable THEN the invitation is delivered, the resend is audited with the staff member as actor, and the progress post is edited to 7/7', async () => {
    const logger = recordingLogger();
    const { t, local } = await opened({ logger });
    local.down.add('m-kim');
    await t.app.runDueJobs();
    const [progress] = local.messagesIn('staff').filter((m) => m.kind === 'progress');
    expect(progress?.text).toContain('6/7');
    local.down.delete('m-kim');
    await t.app.runStaffCommand(staff, { verb: 'resend', roundId: ROUND, member: 'm-kim' });
    await t.app.runDueJobs();
    expect(await t.store.getInvitation(ROUND, 'm-kim')).toMatchObject({ deliveryState: 'delivered' });
    expect((await t.store.getInvitation(ROUND, 'm-kim'))?.failureReason).toBeUndefined();
    const resent = (await t.store.listAudit(ROUND)).filter((e) => e.action === 'invite.resent');
    expect(resent.map((e) => [e.actor, e.memberId])).toEqual([['local:staff-son', 'm-kim']]);
    expect(local.messagesIn('staff').filter((m) => m.kind === 'progress')).toEqual([progress]);
    expect(progress?.text).toContain('7/7');
    expect(progress?.edits).toBe(1);
    expect(logger.entries.filter((e) => e.level === 'warn')).toEqual([]);
  });

  it('GIVEN a resend job without an actor THEN the resend is audited as the system', async () => {
    const { t, local } = await opened();
    local.down.add('m-kim');
    await t.app.runDueJobs();
    local.down.delete('m-kim');
    await runJob(t, 'invite', 'm-kim', { resend: true });
    const resent = (await t.store.listAudit(ROUND)).filter((e) => e.action === 'invite.resent');
    expect(resent.map((e) => e.actor)).toEqual(['system']);
  });

  it('GIVEN the store fails while jobs run THEN each job is kept for a retry 30 s later, logged with its context, and after five failed runs ends failed', async () => {
    const logger = recordingLogger();
    const store = createMemoryStore();
    let failure: unknown;
    const getRound = store.getRound.bind(store);
    store.getRound = (roundId) => (failure === undefined ? getRound(roundId) : Promise.reject(failure));
    const { t } = await opened({ store, logger });
    const opening = t.clock.now();
    failure = new Error('database locked');
    await t.app.runDueJobs();
    const job = (await t.store.listJobs(ROUND)).find((j) => j.key === 'invite:2024-1:m-kang');
    expect(job).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: 'unexpected error',
      dueAt: new Date(opening.getTime() + 30_000),
    });
    const errors = logger.entries.filter((e) => e.level === 'error');
    expect(errors).toHaveLength(7);
    expect(errors.find((e) => e.context.jobKey === 'invite:2024-1:m-kang')).toEqual({
      level: 'error',
      message: 'job failed unexpectedly',
      context: { jobKey: 'invite:2024-1:m-kang', kind: 'invite', roundId: ROUND, err: 'database locked' },
    });
    failure = 'not an Error';
    await runUntil(t, new Date(opening.getTime() + 3600_000));
    expect(logger.entries.at(-1)?.context.err).toBe('not an Error');
    expect((await t.store.listJobs(ROUND)).find((j) => j.key === 'invite:2024-1:m-kang')).toMatchObject({
      state: 'failed',
      attempts: 5,
      lastError: 'unexpected error',
    });
  });
});

describe('member jobs with nobody to send to', () => {
  it('GIVEN a reminder, receipt or notice of a round that does not exist THEN each is skipped as gone', async () => {
    const { t } = await opened();
    for (const kind of ['remind', 'receipt', 'notice'] as const)
      await t.store.enqueueJobs([
        {
          key: `${kind}:gone`,
          kind,
          roundId: 'gone',
          memberId: 'm-kang',
          dueAt: t.clock.now(),
          payload: { change: 'extended' },
        },
      ]);
    await t.app.runDueJobs();
    expect((await t.store.listJobs('gone')).map((j) => [j.kind, j.state, j.lastError])).toEqual(
      expect.arrayContaining(['remind', 'receipt', 'notice'].map((kind) => [kind, 'skipped', 'member or round gone'])),
    );
  });

  it('GIVEN a member who was never invited (inactive at the opening) THEN a job for them is skipped as gone', async () => {
    const { t } = await opened({ mutateCommittee: (c) => void (c.members[1]!.active = false) });
    t.committees[0]!.members[1]!.active = true;
    expect(await runJob(t, 'remind', 'm-kim', { manual: true })).toMatchObject({
      state: 'skipped',
      lastError: 'member or round gone',
    });
  });

  it('GIVEN a member reachable on no platform of this bot, though marked delivered THEN their reminder, receipt and notice are skipped as no_platform', async () => {
    const { t, local } = await opened({
      mutateCommittee: (c) => void (c.members[1]!.platforms = { discord: '100000000000000102' }),
    });
    await t.app.runDueJobs();
    await t.store.updateInvitation(ROUND, 'm-kim', { deliveryState: 'delivered', failureReason: undefined });
    for (const kind of ['remind', 'receipt'] as const)
      expect(await runJob(t, kind, 'm-kim', { manual: true })).toMatchObject({
        state: 'skipped',
        lastError: 'no_platform',
      });
    expect(await runJob(t, 'notice', 'm-kim', { change: 'extended' })).toMatchObject({
      state: 'skipped',
      lastError: 'no_platform',
    });
    expect(local.all().filter((m) => m.channelId === 'dm:m-kim')).toEqual([]);
  });
});

describe('reminder jobs', () => {
  it('GIVEN the round was closed (and summarised) THEN a reminder still queued is skipped, naming the status', async () => {
    const { t, local } = await opened();
    await t.app.runDueJobs();
    await t.app.runStaffCommand(staff, { verb: 'close', roundId: ROUND });
    expect(await runJob(t, 'remind', 'm-kang', { manual: true })).toMatchObject({
      state: 'skipped',
      lastError: 'round summarised',
    });
    expect(messagesOf(local, 'm-kang', 'reminder')).toEqual([]);
  });

  it('GIVEN members who submitted, declined, were removed or set inactive THEN a staff nudge skips each with the reason', async () => {
    const { t, local } = await opened();
    await t.app.runDueJobs();
    const now = t.clock.now();
    await t.store.markSubmitted(ROUND, 'm-kang', now, false);
    await t.store.updateInvitation(ROUND, 'm-kim', { declinedAt: now });
    await t.store.updateInvitation(ROUND, 'm-oh', { removedAt: now });
    t.committees[0]!.members.find((m) => m.id === 'm-choi')!.active = false;
    const skipped = async (memberId: string) => (await runJob(t, 'remind', memberId, { manual: true }))?.lastError;
    expect(await skipped('m-kang')).toBe('submitted');
    expect(await skipped('m-kim')).toBe('declined');
    expect(await skipped('m-oh')).toBe('removed');
    expect(await skipped('m-choi')).toBe('removed');
    expect(local.all().filter((m) => m.kind === 'reminder')).toEqual([]);
    expect(await runJob(t, 'remind', 'm-chae', { manual: true })).toMatchObject({ state: 'done' });
  });

  it('GIVEN a staff nudge that waited 23 hours (the bot was down) THEN it still goes out; GIVEN one that waited 25 hours THEN it is skipped as missed', async () => {
    const { t, local } = await opened();
    await t.app.runDueJobs();
    await t.app.runStaffCommand(staff, { verb: 'remind', roundId: ROUND });
    const asked = t.clock.now();
    t.clock.set(new Date(asked.getTime() + 23 * 3600_000));
    await t.app.runDueJobs();
    expect(messagesOf(local, 'm-kang', 'reminder')).toHaveLength(1);

    t.clock.advance(60 * 60_000);
    await t.app.runStaffCommand(staff, { verb: 'remind', roundId: ROUND });
    t.clock.advance(25 * 3600_000);
    await t.app.runDueJobs();
    expect(messagesOf(local, 'm-kang', 'reminder')).toHaveLength(1);
    const jobs = (await t.store.listJobs(ROUND)).filter((j) => j.kind === 'remind' && j.memberId === 'm-kang');
    expect(jobs.filter((j) => j.lastError === 'missed_grace')).toHaveLength(1);
  });
});

describe('a member DM whose send was made, is held or was cut elsewhere', () => {
  const restarted: Claimants = { self: 'host:2:new', isGone: (c) => c === OTHER };

  async function claimedFirst(kind: JobKind, settle: 'sending' | 'sent' | 'gone', payload: Record<string, unknown>) {
    const { t, local } = await opened(settle === 'gone' ? { claimants: restarted } : {});
    // A platform that cannot tell whether a cut send arrived (certainty.test.ts has one that can).
    local.canSettle = false;
    await t.app.runDueJobs();
    const now = t.clock.now();
    const key = `test:${kind}:m-kang`;
    await t.store.claimOutbox(key, 'local', now, { claimant: OTHER, leaseUntil: new Date(now.getTime() + 600_000) });
    if (settle === 'sent')
      await t.store.settleOutbox(key, { state: 'sent', channelId: 'dm:m-kang', messageId: '1' }, now);
    const job = await runJob(t, kind, 'm-kang', payload);
    return { job, sent: messagesOf(local, 'm-kang', kind === 'remind' ? 'reminder' : kind), now };
  }

  it('GIVEN a live process holds the reminder THEN nothing is sent and the job looks again a minute later', async () => {
    const { job, sent, now } = await claimedFirst('remind', 'sending', { manual: true });
    expect(sent).toEqual([]);
    expect(job).toMatchObject({
      state: 'pending',
      lastError: 'in flight elsewhere',
      dueAt: new Date(now.getTime() + 60_000),
    });
  });

  it('GIVEN the process that held the receipt is gone THEN nothing is sent and the job fails as uncertain', async () => {
    const { job, sent } = await claimedFirst('receipt', 'gone', {});
    expect(sent).toEqual([]);
    expect(job).toMatchObject({ state: 'failed', lastError: UNCERTAIN_NOTE });
  });

  it('GIVEN the notice was already sent THEN it is not sent again and the job says so', async () => {
    const { job, sent } = await claimedFirst('notice', 'sent', { change: 'extended' });
    expect(sent).toEqual([]);
    expect(job).toMatchObject({ state: 'skipped', lastError: 'already sent' });
  });

  it('GIVEN a reminder the platform refuses THEN the job fails at once with the reason', async () => {
    const { t, local } = await opened();
    await t.app.runDueJobs();
    local.down.add('m-kang');
    expect(await runJob(t, 'remind', 'm-kang', { manual: true })).toMatchObject({
      state: 'failed',
      attempts: 1,
      lastError: 'dm_closed',
    });
  });
});

describe('receipt jobs', () => {
  it('GIVEN a receipt sent an hour after the submission THEN it names the time of submission', async () => {
    const { t, local } = await opened();
    await t.app.runDueJobs();
    const answers = t.rounds[0]!.agenda.flatMap((i) => i.questions).map((q) => ({ questionId: q.id, value: '의견' }));
    expect((await t.app.submit({ platform: 'local', userId: 'm-kang' }, ROUND, answers)).ok).toBe(true);
    t.clock.advance(3600_000);
    await t.app.runDueJobs();
    const [receipt] = messagesOf(local, 'm-kang', 'receipt');
    expect(receipt?.text).toContain('2024. 2. 8.(목) 09:00에 제출하신');
  });
});

describe('notice jobs', () => {
  it('GIVEN a change the runner does not know THEN the job fails naming it, and nothing is sent', async () => {
    const { t, local } = await opened();
    await t.app.runDueJobs();
    expect(await runJob(t, 'notice', 'm-kang', { change: 'moved' })).toMatchObject({
      state: 'failed',
      lastError: 'unknown notice moved',
    });
    expect(messagesOf(local, 'm-kang', 'notice')).toEqual([]);
  });

  it('GIVEN a member who submitted, was removed or is inactive THEN each notice is skipped; a waiting member gets theirs', async () => {
    const { t, local } = await opened();
    await t.app.runDueJobs();
    const now = t.clock.now();
    await t.store.markSubmitted(ROUND, 'm-kang', now, false);
    await t.store.updateInvitation(ROUND, 'm-kim', { removedAt: now });
    t.committees[0]!.members.find((m) => m.id === 'm-oh')!.active = false;
    for (const id of ['m-kang', 'm-kim', 'm-oh'])
      expect(await runJob(t, 'notice', id, { change: 'cancelled' })).toMatchObject({
        state: 'skipped',
        lastError: 'member not waiting',
      });
    expect(await runJob(t, 'notice', 'm-chae', { change: 'reopened' })).toMatchObject({ state: 'done' });
    expect(
      local
        .all()
        .filter((m) => m.kind === 'notice')
        .map((m) => m.channelId),
    ).toEqual(['dm:m-chae']);
  });
});

describe('close jobs', () => {
  it('GIVEN the deadline of 18:00 THEN the round is closed at 18:00 exactly', async () => {
    const { t } = await opened();
    await runUntil(t, kst('2024-02-15 18:00'));
    expect((await t.store.getRound(ROUND))?.closedAt).toEqual(kst('2024-02-15 18:00'));
  });

  it('GIVEN a close job due before the deadline THEN it is skipped as moved and the round stays open', async () => {
    const { t } = await opened();
    expect(await runJob(t, 'close', undefined)).toMatchObject({ state: 'skipped', lastError: 'deadline moved' });
    expect((await t.store.getRound(ROUND))?.status).toBe('open');
  });

  it('GIVEN a round cancelled, or never stored THEN close and summary jobs are skipped saying why', async () => {
    const { t } = await opened();
    await t.app.runStaffCommand(staff, { verb: 'cancel', roundId: ROUND });
    expect(await runJob(t, 'close', undefined)).toMatchObject({ state: 'skipped', lastError: 'round cancelled' });
    expect(await runJob(t, 'summarise', undefined)).toMatchObject({ state: 'skipped', lastError: 'round cancelled' });
    for (const kind of ['close', 'summarise'] as const) {
      await t.store.enqueueJobs([{ key: `${kind}:gone`, kind, roundId: 'gone', dueAt: t.clock.now() }]);
      await t.app.runDueJobs();
      expect((await t.store.listJobs('gone')).find((j) => j.kind === kind)).toMatchObject({
        state: 'skipped',
        lastError: 'round gone',
      });
    }
  });
});

describe('the summary job', () => {
  it('GIVEN the round closes THEN the summary is posted once, the round is summarised at that time, audited with the posts made', async () => {
    const { t, local } = await opened();
    await runUntil(t, kst('2024-02-15 18:00'));
    expect(local.messagesIn('staff').filter((m) => m.kind === 'summary')).toHaveLength(1);
    expect(await t.store.getRound(ROUND)).toMatchObject({
      status: 'summarised',
      summarisedAt: kst('2024-02-15 18:00'),
    });
    const audit = (await t.store.listAudit(ROUND)).filter((e) => e.action === 'round.summarised');
    expect(audit.map((e) => [e.actor, e.detail])).toEqual([['system', { posted: 1, channels: 1 }]]);
    expect((await t.store.listAudit(ROUND)).filter((e) => e.action === 'round.close').map((e) => e.actor)).toEqual([
      'system',
    ]);
    const jobs = (await t.store.listJobs(ROUND)).filter((j) => j.kind === 'close' || j.kind === 'summarise');
    expect(jobs.map((j) => [j.kind, j.state])).toEqual([
      ['close', 'done'],
      ['summarise', 'done'],
    ]);
  });

  it('GIVEN the staff channel refuses the summary THEN the job still retries it, and the round is not summarised yet', async () => {
    const { t, local } = await opened();
    await t.app.runDueJobs();
    local.failFor('staff');
    await runUntil(t, kst('2024-02-15 18:00'));
    expect((await t.store.getRound(ROUND))?.status).toBe('closed');
    expect((await t.store.listJobs(ROUND)).find((j) => j.kind === 'summarise')).toMatchObject({
      state: 'pending',
      lastError: 'summary post incomplete',
    });
  });

  it('GIVEN the staff channel is rate limited THEN the summary job retries, and the round is not summarised yet', async () => {
    const { t, local } = await opened();
    await t.app.runDueJobs();
    local.failFor('staff', { ok: false, permanent: false, reason: 'rate_limited' });
    await runUntil(t, kst('2024-02-15 18:00'));
    expect((await t.store.getRound(ROUND))?.status).toBe('closed');
    const job = (await t.store.listJobs(ROUND)).find((j) => j.kind === 'summarise');
    expect(job).toMatchObject({ state: 'pending', attempts: 1, lastError: 'summary post incomplete' });
  });
});

describe('the staff progress post', () => {
  const restarted: Claimants = { self: 'host:2:new', isGone: (c) => c === OTHER };
  const progressKey = `progress:${ROUND}:local`;

  it('GIVEN the progress post can no longer be edited THEN the failure is logged and no second post is made', async () => {
    const logger = recordingLogger();
    const { t, local } = await opened({ logger });
    const now = t.clock.now();
    await t.store.claimOutbox(progressKey, 'local', now);
    await t.store.settleOutbox(progressKey, { state: 'sent', channelId: 'staff', messageId: '999' }, now);
    await t.app.runDueJobs();
    expect(local.messagesIn('staff')).toEqual([]);
    expect(logger.entries.filter((e) => e.level === 'warn')).toEqual([
      {
        level: 'warn',
        message: 'progress edit failed',
        context: { roundId: ROUND, platform: 'local', reason: 'channel_not_found' },
      },
    ]);
  });

  it('GIVEN the first progress post was refused THEN the next change posts it again', async () => {
    const { t, local } = await opened();
    local.down.add('m-kim');
    local.failFor('staff');
    await t.app.runDueJobs();
    expect((await t.store.getOutbox(progressKey))?.state).toBe('failed');
    const reachable = new SwitchableMessenger();
    const again = await createTestApp({ messengers: [reachable], store: t.store, now: t.clock.now() });
    await again.app.runStaffCommand(staff, { verb: 'resend', roundId: ROUND, member: 'm-kim' });
    await again.app.runDueJobs();
    const posts = reachable.messagesIn('staff').filter((m) => m.kind === 'progress');
    expect(posts.map((m) => m.idempotencyKey)).toEqual([progressKey]);
    expect(posts[0]?.text).toContain('7/7');
  });

  it('GIVEN a live process is posting the progress THEN this one neither posts nor edits it', async () => {
    const { t, local } = await opened();
    const now = t.clock.now();
    await t.store.claimOutbox(progressKey, 'local', now, {
      claimant: OTHER,
      leaseUntil: new Date(now.getTime() + 600_000),
    });
    await t.app.runDueJobs();
    expect(local.messagesIn('staff')).toEqual([]);
  });

  it('GIVEN four progress posts cut by crashes THEN a fifth is posted; GIVEN five THEN it gives up', async () => {
    for (const cut of [4, 5]) {
      const { t, local } = await opened({ claimants: restarted });
      const now = t.clock.now();
      for (let n = 1; n <= cut; n++)
        await t.store.claimOutbox(n === 1 ? progressKey : `${progressKey}:${n}`, 'local', now, {
          claimant: OTHER,
          leaseUntil: new Date(now.getTime() + 600_000),
        });
      await t.app.runDueJobs();
      const posts = local.messagesIn('staff').map((m) => m.idempotencyKey);
      expect(posts).toEqual(cut === 4 ? [`${progressKey}:5`] : []);
    }
  });
});
