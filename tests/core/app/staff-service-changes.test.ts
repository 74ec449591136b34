/**
 * Staff commands, the status and changing half: status (counts, names,
 * uncertain sends), remind, extend (and reopen), close, cancel, summary and
 * export; each reply, the jobs it queues and its audit entry.
 */
import { describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import { createMemoryStore } from '../../../src/adapters/memory/memory-store.ts';
import { createJamunApp } from '../../../src/core/app/create-app.ts';
import { UNCERTAIN_NOTE } from '../../../src/core/app/deliver.ts';
import { closeJobKey } from '../../../src/core/app/schedule-round.ts';
import { t as text } from '../../../src/core/i18n/catalogue.ts';
import type { JobKind, RoundDefinition } from '../../../src/core/model.ts';
import { ManualClock } from '../../../src/core/ports/clock.ts';
import { silentLogger } from '../../../src/core/ports/logger.ts';
import type { JobOutcome } from '../../../src/core/ports/store.ts';
import { createTestApp, kst, seedConfig, type TestApp, type TestAppOptions } from '../../fakes/app-harness.ts';

const ROUND = '2024-1';
const TITLE = "'24년 제1차 지역상생발전위원회 서면자문";
const staff = { platform: 'local' as const, userId: 'staff-son' };
const text1 = (value: string) => ({ kind: 'text' as const, text: value });

async function opened(options: Partial<TestAppOptions> = {}, run = true) {
  let wakeUps = 0;
  const local = new LocalMessenger();
  const t = await createTestApp({ messengers: [local], onWorkDue: () => void wakeUps++, ...options });
  await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
  if (run) await t.app.runDueJobs();
  return { t, local, wakeUps: () => wakeUps };
}

const command = (t: TestApp, verb: 'status' | 'remind' | 'close' | 'cancel' | 'summary', roundId?: string) =>
  t.app.runStaffCommand(staff, { verb, ...(roundId ? { roundId } : {}) });
const pendingJobs = async (t: TestApp, kind: JobKind) =>
  (await t.store.listJobs(ROUND)).filter((j) => j.kind === kind && j.state === 'pending');
const auditOf = async (t: TestApp, action: string) =>
  (await t.store.listAudit(ROUND)).filter((e) => e.action === action).map((e) => [e.actor, e.detail]);

/** Sets up one member in each state: submitted (after declining), declined, pending, removed, answering, blank. */
async function everyState(t: TestApp) {
  const now = t.clock.now();
  await t.store.saveAnswers(ROUND, 'm-kang', [{ questionId: '1.1', value: text1('의견') }], now);
  await t.store.updateInvitation(ROUND, 'm-kang', { declinedAt: now });
  await t.store.markSubmitted(ROUND, 'm-kang', now, false);
  await t.store.saveAnswers(ROUND, 'm-park-jb', [{ questionId: '1.1', value: text1('의견') }], now);
  await t.store.updateInvitation(ROUND, 'm-park-jb', { declinedAt: now });
  await t.store.updateInvitation(ROUND, 'm-park-jy', { deliveryState: 'pending' });
  await t.store.updateInvitation(ROUND, 'm-oh', { removedAt: now });
  await t.store.saveAnswers(ROUND, 'm-chae', [{ questionId: '1.1', value: text1('의견') }], now);
  await t.store.saveAnswers(ROUND, 'm-choi', [{ questionId: '1.1', value: text1('') }], now);
}

describe('status', () => {
  it('GIVEN a member in each state THEN the counts leave the removed member out and name who has not submitted, who was not reached and who failed, and why', async () => {
    const local = new LocalMessenger();
    local.failFor('m-kim');
    const { t } = await opened({ messengers: [local] });
    await everyState(t);
    const reply = await command(t, 'status', ROUND);
    expect(reply.status).toEqual({
      roundId: ROUND,
      roundTitle: TITLE,
      status: 'open',
      closesAtLocal: '2024. 2. 15.(목) 18:00',
      total: 6,
      delivered: 4,
      pending: 1,
      answering: 1,
      submitted: 1,
      declined: 1,
      failed: 1,
      notSubmitted: ['채정훈', '최예술'],
      notReached: ['박주영'],
      failures: [{ name: '김정환', reason: 'DM 수신 차단 또는 서버 탈퇴' }],
    });
    expect(reply.ephemeral).toBe(true);
    expect(reply.rounds?.map((r) => r.roundId)).toEqual([ROUND]);
  });

  it('GIVEN no round named and none open THEN status says so; GIVEN one open THEN it is that one', async () => {
    const t = await createTestApp({ messengers: [new LocalMessenger()] });
    expect(await command(t, 'status')).toEqual({ text: text('ko', 'staff.status.none'), ephemeral: true });
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
    expect((await command(t, 'status')).status?.roundId).toBe(ROUND);
  });

  it('GIVEN two open rounds and none named THEN status asks which, listing both', async () => {
    const [seed] = seedConfig().rounds as [RoundDefinition];
    const rounds = [seed, { ...structuredClone(seed), id: '2024-2' }];
    const app = createJamunApp({
      store: createMemoryStore(),
      messengers: [new LocalMessenger()],
      committees: seedConfig().committees,
      rounds,
      clock: new ManualClock(kst('2024-02-08 09:00')),
      logger: silentLogger,
    });
    await app.runAsOperator({ verb: 'open', roundId: '2024-1' });
    await app.runAsOperator({ verb: 'open', roundId: '2024-2' });
    expect((await app.runAsOperator({ verb: 'status' })).error).toEqual({
      code: 'ROUND.AMBIGUOUS',
      params: { roundIds: '2024-1, 2024-2' },
    });
  });

  it('GIVEN sends that ended uncertain THEN status lists each member with the kind of message, but not an invitation resent since, a retry or a round job', async () => {
    const { t } = await opened();
    const now = t.clock.now();
    const end = async (key: string, kind: JobKind, memberId: string | undefined, outcome: JobOutcome) => {
      await t.store.enqueueJobs([{ key, kind, roundId: ROUND, ...(memberId ? { memberId } : {}), dueAt: now }]);
      const job = (await t.store.listJobs(ROUND)).find((j) => j.key === key);
      await t.store.finishJob(job!.id, outcome, now);
    };
    const uncertain = { state: 'failed', note: UNCERTAIN_NOTE } as const;
    await end('a', 'remind', 'm-kang', uncertain);
    await end('b', 'invite', 'm-kim', uncertain);
    await t.store.updateInvitation(ROUND, 'm-kim', { deliveryState: 'failed', failureReason: 'uncertain' });
    await end('c', 'invite', 'm-chae', uncertain);
    await end('d', 'receipt', 'm-oh', { state: 'retry', dueAt: now, note: UNCERTAIN_NOTE });
    await end('e', 'summarise', undefined, uncertain);
    await end('f', 'notice', 'm-choi', { state: 'failed', note: 'dm_closed' });
    await end('g', 'receipt', 'm-gone', uncertain);
    const reply = await command(t, 'status', ROUND);
    const line = text('ko', 'staff.uncertain', {
      items: '강도영 (재안내), 김정환 (자문 요청), m-gone (제출 확인)',
      roundId: ROUND,
    });
    expect(reply.text.endsWith(`\n${line}`)).toBe(true);
  });

  it('GIVEN no uncertain send THEN status says nothing about them', async () => {
    const { t } = await opened();
    expect((await command(t, 'status', ROUND)).text).not.toContain('확인 필요');
  });
});

describe('remind', () => {
  it('GIVEN members delivered, uncertain, unreached, submitted, declined and removed THEN the delivered and uncertain ones who wait are nudged now, once a minute, audited', async () => {
    const local = new LocalMessenger();
    local.failFor('m-kim');
    const { t, wakeUps } = await opened({ messengers: [local] });
    await everyState(t);
    await t.store.updateInvitation(ROUND, 'm-park-jy', { deliveryState: 'failed', failureReason: 'uncertain' });
    const reply = await command(t, 'remind', ROUND);
    expect(reply).toEqual({ text: text('ko', 'staff.reminded', { count: 3 }), ephemeral: false });
    const jobs = await pendingJobs(t, 'remind');
    const manual = jobs.filter((j) => j.payload.manual === true);
    expect(manual.map((j) => j.key).sort()).toEqual(
      ['m-chae', 'm-choi', 'm-park-jy'].map((id) => `remind:${ROUND}:${id}:manual:2024-02-08T00:00`),
    );
    expect(manual.every((j) => j.dueAt.getTime() === t.clock.now().getTime())).toBe(true);
    expect(manual[0]?.payload).toEqual({ slotId: 'manual', manual: true });
    expect(await auditOf(t, 'round.remind')).toEqual([['local:staff-son', { members: 3 }]]);
    expect(wakeUps()).toBe(2);
  });

  it('GIVEN no invitation went out yet THEN remind refuses, counting who waits; GIVEN everyone answered THEN there is nobody to remind', async () => {
    const { t } = await opened({}, false);
    const early = await command(t, 'remind', ROUND);
    expect(early.error).toEqual({ code: 'REMIND.NOT_REACHED', params: { count: 7 } });
    for (const id of ['m-kang', 'm-kim', 'm-park-jb']) await t.store.markSubmitted(ROUND, id, t.clock.now(), false);
    for (const id of ['m-park-jy', 'm-oh']) await t.store.updateInvitation(ROUND, id, { declinedAt: t.clock.now() });
    for (const id of ['m-chae', 'm-choi']) await t.store.updateInvitation(ROUND, id, { removedAt: t.clock.now() });
    expect(await command(t, 'remind', ROUND)).toEqual({ text: text('ko', 'staff.reminded.none'), ephemeral: true });
  });

  it('GIVEN a closed round THEN remind is refused naming the round', async () => {
    const { t } = await opened();
    await command(t, 'close', ROUND);
    const reply = await command(t, 'remind', ROUND);
    expect(reply.error?.code).toBe('ROUND.INVALID_TRANSITION');
    expect(reply.error?.params.roundTitle).toBe(TITLE);
  });
});

describe('extend', () => {
  const extend = (t: TestApp, until: string) => t.app.runStaffCommand(staff, { verb: 'extend', roundId: ROUND, until });

  it('GIVEN an open round THEN reminders and the close are planned again for those who wait, each waiting member reached before is told, and it is audited', async () => {
    const { t, wakeUps } = await opened();
    await everyState(t);
    const until = kst('2024-02-20 18:00');
    const reply = await extend(t, '2024-02-20 18:00');
    expect(reply).toEqual({
      text: text('ko', 'staff.extended', { closesAt: '2024. 2. 20.(화) 18:00' }),
      ephemeral: false,
    });
    expect((await pendingJobs(t, 'close')).map((j) => [j.key, j.dueAt])).toEqual([[closeJobKey(ROUND, until), until]]);
    const reminded = new Set((await pendingJobs(t, 'remind')).map((j) => j.memberId));
    expect([...reminded].sort()).toEqual(['m-chae', 'm-choi', 'm-kim', 'm-park-jy']);
    expect((await pendingJobs(t, 'notice')).map((j) => [j.key, j.payload.change])).toEqual(
      ['m-chae', 'm-choi', 'm-kim'].map((id) => [`notice:${ROUND}:${id}:extended:${until.toISOString()}`, 'extended']),
    );
    expect(await pendingJobs(t, 'invite')).toEqual([]);
    expect(await auditOf(t, 'round.extend')).toEqual([
      ['local:staff-son', { from: kst('2024-02-15 18:00').toISOString(), to: until.toISOString() }],
    ]);
    expect(wakeUps()).toBe(2);
  });

  it('GIVEN a new deadline on a Saturday THEN the reply adds that it is not a working day', async () => {
    const { t } = await opened();
    const reply = await extend(t, '2024-02-17 18:00');
    expect(reply.text.split('\n')).toEqual([
      text('ko', 'staff.extended', { closesAt: '2024. 2. 17.(토) 18:00' }),
      text('ko', 'staff.extended.closedDay', { closesAt: '2024. 2. 17.(토) 18:00' }),
    ]);
  });

  it('GIVEN a round closed before any invitation went out THEN extending reopens it and queues the invitations again, except for a removed member', async () => {
    const { t } = await opened({ now: kst('2024-02-07 12:00') }, false);
    await command(t, 'close', ROUND);
    await t.store.updateInvitation(ROUND, 'm-oh', { removedAt: t.clock.now() });
    await t.store.updateInvitation(ROUND, 'm-kang', { deliveryState: 'delivered' });
    const until = kst('2024-02-20 18:00');
    const reply = await extend(t, '2024-02-20 18:00');
    expect(reply.text).toBe(text('ko', 'staff.extended.reopened', { closesAt: '2024. 2. 20.(화) 18:00' }));
    const invites = await pendingJobs(t, 'invite');
    expect(invites.map((j) => j.key).sort()).toEqual(
      ['m-chae', 'm-choi', 'm-kim', 'm-park-jb', 'm-park-jy'].map(
        (id) => `invite:${ROUND}:${id}:reopen:${until.toISOString()}`,
      ),
    );
    expect(invites.every((j) => j.dueAt.getTime() === t.clock.now().getTime())).toBe(true);
    expect((await pendingJobs(t, 'notice')).map((j) => [j.memberId, j.payload.change])).toEqual([
      ['m-kang', 'reopened'],
    ]);
  });

  it('GIVEN a date that does not exist, or one not later THEN staff are told which, naming the round', async () => {
    const { t } = await opened();
    expect((await extend(t, '2024-02-31')).error).toEqual({ code: 'DATE.INVALID', params: { value: '2024-02-31' } });
    expect((await extend(t, '2024-02-14 18:00')).error?.params).toMatchObject({
      until: '2024. 2. 14.(수) 18:00',
      closesAt: '2024. 2. 15.(목) 18:00',
      roundTitle: TITLE,
    });
  });
});

describe('close and cancel', () => {
  it('GIVEN an open round with invitations still queued THEN close cancels invitations, reminders and the close job, queues the summary now, audits and wakes work', async () => {
    const { t, wakeUps } = await opened({ now: kst('2024-02-07 12:00') }, false);
    const reply = await command(t, 'close', ROUND);
    expect(reply).toEqual({ text: text('ko', 'staff.closed', { title: TITLE }), ephemeral: false });
    for (const kind of ['invite', 'remind', 'close'] as const) expect(await pendingJobs(t, kind)).toEqual([]);
    expect((await pendingJobs(t, 'summarise')).map((j) => [j.key, j.dueAt])).toEqual([
      [`summarise:${ROUND}:${kst('2024-02-15 18:00').toISOString()}`, t.clock.now()],
    ]);
    expect(await auditOf(t, 'round.close')).toEqual([['local:staff-son', undefined]]);
    expect((await t.store.getRound(ROUND))?.status).toBe('closed');
    expect(wakeUps()).toBe(2);
    const again = await command(t, 'close', ROUND);
    expect(again.error?.params.roundTitle).toBe(TITLE);
  });

  it('GIVEN a round never opened THEN cancel stores it as cancelled and queues nothing', async () => {
    let wakeUps = 0;
    const t = await createTestApp({ messengers: [new LocalMessenger()], onWorkDue: () => void wakeUps++ });
    const reply = await command(t, 'cancel', ROUND);
    expect(reply).toEqual({ text: text('ko', 'staff.cancelled', { title: TITLE }), ephemeral: false });
    expect((await t.store.getRound(ROUND))?.status).toBe('cancelled');
    expect(await t.store.listJobs(ROUND)).toEqual([]);
    expect(await auditOf(t, 'round.cancel')).toEqual([['local:staff-son', undefined]]);
    expect(wakeUps).toBe(0);
    expect((await command(t, 'cancel', ROUND)).error).toMatchObject({ params: { roundTitle: TITLE } });
  });

  it('GIVEN an open round THEN cancel cancels every queued job and tells each member reached who has not submitted', async () => {
    const { t, wakeUps } = await opened();
    await everyState(t);
    await command(t, 'cancel', ROUND);
    const jobs = await t.store.listJobs(ROUND);
    expect(jobs.filter((j) => j.state === 'pending' && j.kind !== 'notice')).toEqual([]);
    expect(jobs.filter((j) => j.kind === 'notice').map((j) => j.key)).toEqual(
      ['m-chae', 'm-choi', 'm-kim', 'm-park-jb'].map((id) => `notice:${ROUND}:${id}:cancelled:cancel`),
    );
    expect((await t.store.getRound(ROUND))?.status).toBe('cancelled');
    expect(wakeUps()).toBe(2);
  });
});

describe('summary and export', () => {
  async function closed(options: Partial<TestAppOptions> = {}) {
    const { t, local } = await opened(options);
    await command(t, 'close', ROUND);
    return { t, local };
  }

  it('GIVEN an open or a cancelled round THEN summary is refused naming it', async () => {
    const { t } = await opened();
    expect((await command(t, 'summary', ROUND)).error).toEqual({
      code: 'ROUND.NOT_CLOSED',
      params: { roundId: ROUND, roundTitle: TITLE },
    });
    await command(t, 'cancel', ROUND);
    expect((await command(t, 'summary', ROUND)).error).toEqual({
      code: 'ROUND.CANCELLED',
      params: { roundId: ROUND, roundTitle: TITLE },
    });
  });

  it('GIVEN a closed round THEN summary posts it to the staff channel, says how many submitted, and is audited', async () => {
    const { t, local } = await closed();
    await t.store.markSubmitted(ROUND, 'm-kang', t.clock.now(), false);
    const reply = await command(t, 'summary', ROUND);
    expect(reply).toEqual({
      text: text('ko', 'staff.summaryPosted', { title: TITLE, submitted: 1, invited: 7 }),
      ephemeral: true,
    });
    // A new version each time staff ask: it may include late answers.
    expect(
      local
        .messagesIn('staff')
        .filter((m) => m.kind === 'summary')
        .map((m) => m.idempotencyKey),
    ).toEqual([`summary:${ROUND}:local:manual-${t.clock.now().toISOString()}`]);
    expect(await auditOf(t, 'round.summary')).toEqual([['local:staff-son', { posted: 1 }]]);
    t.clock.advance(60_000);
    await command(t, 'summary', ROUND);
    expect(local.messagesIn('staff').filter((m) => m.kind === 'summary')).toHaveLength(2);
  });

  it('GIVEN no staff channel, no messenger, or a channel that refuses THEN summary says which and attaches the file', async () => {
    const none = await closed({ mutateCommittee: (c) => void (c.staffChannels = {}) });
    const refused = await closed();
    refused.local.failFor('staff');
    const offline = createJamunApp({
      store: refused.t.store,
      messengers: [],
      committees: refused.t.committees,
      rounds: refused.t.rounds,
      clock: refused.t.clock,
      logger: silentLogger,
    });
    const cases = [
      [await command(none.t, 'summary', ROUND), 'staff.summaryNoChannel'],
      [await offline.runAsOperator({ verb: 'summary', roundId: ROUND }), 'staff.summaryNotConnected'],
      [await command(refused.t, 'summary', ROUND), 'staff.summaryPostFailed'],
    ] as const;
    for (const [reply, key] of cases) {
      expect(reply.text).toBe(text('ko', key));
      expect(reply.ephemeral).toBe(true);
      expect(reply.files?.map((f) => f.name)).toEqual([`jamun-${ROUND}.md`]);
    }
  });

  it('GIVEN export as csv, or with no format THEN the file comes privately in that format (md by default), audited', async () => {
    const { t } = await opened();
    const csv = await t.app.runStaffCommand(staff, { verb: 'export', roundId: ROUND, format: 'csv' });
    expect(csv).toMatchObject({
      text: text('ko', 'staff.exported', { title: TITLE, format: 'csv', file: `jamun-${ROUND}.csv` }),
      ephemeral: true,
    });
    expect(csv.files?.map((f) => f.name)).toEqual([`jamun-${ROUND}.csv`]);
    const md = await t.app.runStaffCommand(staff, { verb: 'export', roundId: ROUND });
    expect(md.files?.map((f) => f.name)).toEqual([`jamun-${ROUND}.md`]);
    expect(await auditOf(t, 'round.export')).toEqual([
      ['local:staff-son', { format: 'csv' }],
      ['local:staff-son', { format: 'md' }],
    ]);
  });
});

describe('report', () => {
  it('GIVEN a closed round THEN report renders the result document, docx unless another format is named', async () => {
    const formats: string[] = [];
    const { t } = await opened({
      renderReport: async (_report, format, name) => {
        formats.push(format);
        return { name: `${name}.${format}`, mimeType: 'application/octet-stream', content: Buffer.from('') };
      },
    });
    await command(t, 'close', ROUND);
    const docx = await t.app.runStaffCommand(staff, { verb: 'report', roundId: ROUND });
    expect(docx.files?.map((f) => f.name)).toEqual([`jamun-${ROUND}-report.docx`]);
    await t.app.runStaffCommand(staff, { verb: 'report', roundId: ROUND, reportFormat: 'pdf' });
    expect(formats).toEqual(['docx', 'pdf']);
  });
});
