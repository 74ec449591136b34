/**
 * Staff commands, the reading and opening half: who may run them, round ids
 * for autocomplete, help, list, show, open (and the resuming of an opening a
 * crash cut short).
 */
import { describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import { createMemoryStore } from '../../../src/adapters/memory/memory-store.ts';
import { createJamunApp } from '../../../src/core/app/create-app.ts';
import { STAFF_USAGE } from '../../../src/core/app/parse-staff-command.ts';
import { roundFromDefinition } from '../../../src/core/app/schedule-round.ts';
import { describeError, t as text } from '../../../src/core/i18n/catalogue.ts';
import type { RoundDefinition } from '../../../src/core/model.ts';
import { ManualClock } from '../../../src/core/ports/clock.ts';
import { silentLogger } from '../../../src/core/ports/logger.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import {
  createTestApp,
  kst,
  localMembers,
  seedConfig,
  type TestApp,
  type TestAppOptions,
} from '../../fakes/app-harness.ts';
import { recordingLogger } from '../../fakes/recording-logger.ts';

const ROUND = '2024-1';
const TITLE = "'24년 제1차 지역상생발전위원회 서면자문";
const staff = { platform: 'local' as const, userId: 'staff-son' };
const kang = { platform: 'local' as const, userId: 'm-kang' };

async function app(options: Partial<TestAppOptions> = {}) {
  let wakeUps = 0;
  const t = await createTestApp({ messengers: [new LocalMessenger()], onWorkDue: () => void wakeUps++, ...options });
  return { t, wakeUps: () => wakeUps };
}

/** The seed round under other ids and windows (local times). */
function roundsLike(...rounds: Array<{ id: string; opens?: string; closes?: string }>): RoundDefinition[] {
  const [seed] = seedConfig().rounds as [RoundDefinition];
  return rounds.map(({ id, opens, closes }) => ({
    ...structuredClone(seed),
    id,
    window: { opens: opens ?? seed.window.opens, closes: closes ?? seed.window.closes },
  }));
}

/** The application over the seed committee with these rounds configured. */
function withRounds(rounds: RoundDefinition[], store: Store = createMemoryStore(), now = kst('2024-02-08 09:00')) {
  const { committees } = seedConfig();
  const clock = new ManualClock(now);
  return createJamunApp({ store, messengers: [new LocalMessenger()], committees, rounds, clock, logger: silentLogger });
}

const codeOf = (reply: { error?: { code: string } }) => reply.error?.code;

describe('who may run staff commands', () => {
  it('GIVEN staff of the committee THEN they are staff of it and of some committee; of an unknown committee they are not; a member is not', async () => {
    const { t } = await app();
    expect(await t.app.isStaff(staff, 'regional-coprosperity')).toBe(true);
    expect(await t.app.isStaff(staff)).toBe(true);
    expect(await t.app.isStaff(staff, 'another-committee')).toBe(false);
    expect(await t.app.isStaff(kang)).toBe(false);
    expect(await t.app.isStaff(kang, 'regional-coprosperity')).toBe(false);
  });

  it('GIVEN a member runs a command naming no round THEN it is refused privately and audited without a round', async () => {
    const { t } = await app();
    const reply = await t.app.runStaffCommand(kang, { verb: 'list' });
    const forbidden = { code: 'STAFF.FORBIDDEN', params: {} } as const;
    expect(reply).toEqual({ text: describeError(forbidden, 'ko'), ephemeral: true, error: forbidden });
    expect(await t.store.listAudit()).toEqual([
      { at: t.clock.now(), actor: 'local:m-kang', action: 'staff.refused', detail: { verb: 'list' } },
    ]);
  });

  it('GIVEN a member runs a command on a round THEN it is refused and audited with the round', async () => {
    const { t } = await app();
    const reply = await t.app.runStaffCommand(kang, { verb: 'close', roundId: ROUND });
    expect(reply.error?.code).toBe('STAFF.FORBIDDEN');
    expect(await t.store.listAudit()).toEqual([
      { at: t.clock.now(), actor: 'local:m-kang', action: 'staff.refused', roundId: ROUND, detail: { verb: 'close' } },
    ]);
  });

  it('GIVEN staff name a round nobody configured THEN they are told so privately, with the error', async () => {
    const { t } = await app();
    const reply = await t.app.runStaffCommand(staff, { verb: 'show', roundId: 'nope' });
    const notFound = { code: 'ROUND.NOT_FOUND', params: { roundId: 'nope' } } as const;
    expect(reply).toEqual({ text: describeError(notFound, 'ko'), ephemeral: true, error: notFound });
  });

  it('GIVEN a command missing its round, deadline or member THEN the refusal shows what was given: nothing', async () => {
    const { t } = await app();
    expect((await t.app.runStaffCommand(staff, { verb: 'show' })).error?.params).toEqual({ roundId: '' });
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
    expect((await t.app.runStaffCommand(staff, { verb: 'extend', roundId: ROUND })).error?.params).toEqual({
      value: '',
    });
    const resend = await t.app.runStaffCommand(staff, { verb: 'resend', roundId: ROUND });
    expect(resend.text).toBe(text('ko', 'staff.resend.unknownMember', { member: '' }));
  });

  it('GIVEN a round nobody configured THEN every command on it is refused as not found', async () => {
    const { t } = await app();
    for (const verb of [
      'open',
      'status',
      'remind',
      'extend',
      'close',
      'cancel',
      'summary',
      'export',
      'resend',
    ] as const)
      expect((await t.app.runStaffCommand(staff, { verb, roundId: 'nope', until: '2024-02-20' })).error).toEqual({
        code: 'ROUND.NOT_FOUND',
        params: { roundId: 'nope' },
      });
  });

  it('GIVEN the operator at the command line THEN commands run without a staff check, audited as cli', async () => {
    const { t } = await app();
    await t.app.runAsOperator({ verb: 'open', roundId: ROUND });
    expect((await t.store.listAudit(ROUND)).map((e) => [e.action, e.actor])).toEqual([['round.open', 'cli']]);
  });
});

describe('staff of two committees', () => {
  /** The seed committee and a second one with its own staff and round ('2024-9'). */
  function twoCommittees() {
    const { committees, rounds } = seedConfig();
    const seed = committees[0]!;
    const other = { ...structuredClone(seed), id: 'other-committee', locale: 'en' as const };
    other.staff = { userIds: { local: ['staff-other'] }, discordRoleIds: [] };
    const round = { ...structuredClone(rounds[0]!), id: '2024-9', committeeId: other.id };
    return createJamunApp({
      store: createMemoryStore(),
      messengers: [new LocalMessenger()],
      committees: [seed, other],
      rounds: [...rounds, round],
      clock: new ManualClock(kst('2024-02-08 09:00')),
      logger: silentLogger,
    });
  }
  const otherStaff = { platform: 'local' as const, userId: 'staff-other' };

  it('GIVEN staff of one committee only THEN they are staff of some committee, and of theirs, not of the other', async () => {
    const app2 = twoCommittees();
    expect(await app2.isStaff(otherStaff)).toBe(true);
    expect(await app2.isStaff(otherStaff, 'other-committee')).toBe(true);
    expect(await app2.isStaff(otherStaff, 'regional-coprosperity')).toBe(false);
  });

  it("GIVEN staff of one committee run a command on the other committee's round THEN it is refused in that committee's language", async () => {
    const app2 = twoCommittees();
    const refused = await app2.runStaffCommand(staff, { verb: 'open', roundId: '2024-9' });
    expect(refused.text).toBe(describeError({ code: 'STAFF.FORBIDDEN', params: {} }, 'en'));
    const allowed = await app2.runStaffCommand(otherStaff, { verb: 'open', roundId: '2024-9' });
    expect(allowed.error).toBeUndefined();
    expect(allowed.text).toContain('Opened');
  });
});

describe('round ids for autocomplete', () => {
  it('GIVEN stored and configured rounds THEN stored ones come first, newest opening first, filtered by the prefix', async () => {
    const t = withRounds(
      roundsLike(
        { id: '2024-1' },
        { id: '2023-9' },
        { id: '2024-2', opens: '2024-03-04 09:00', closes: '2024-03-11 18:00' },
      ),
    );
    await t.runAsOperator({ verb: 'open', roundId: '2024-1' });
    await t.runAsOperator({ verb: 'open', roundId: '2024-2' });
    expect(await t.roundIds('2024')).toEqual(['2024-2', '2024-1']);
    expect(await t.roundIds('')).toEqual(['2024-2', '2024-1', '2023-9']);
    expect(await t.roundIds('9')).toEqual([]);
  });

  it('GIVEN 30 configured rounds THEN 25 are offered, the first 25', async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `r-${String(i + 1).padStart(2, '0')}`);
    const t = withRounds(roundsLike(...ids.map((id) => ({ id }))));
    expect(await t.roundIds('r-')).toEqual(ids.slice(0, 25));
  });
});

describe('help, list and show', () => {
  it('GIVEN help THEN each usage is on its own bulleted line, privately', async () => {
    const { t } = await app();
    const reply = await t.app.runStaffCommand(staff, { verb: 'help' });
    const lines = reply.text.split('\n');
    for (const usage of Object.values(STAFF_USAGE)) expect(lines).toContain(`• ${usage}`);
    expect(lines.indexOf('• list')).toBe(lines.indexOf('• help') + 1);
    expect(reply.ephemeral).toBe(true);
  });

  it('GIVEN the seed round THEN list has a header and one line for it, with its facts, privately', async () => {
    const { t } = await app();
    const reply = await t.app.runStaffCommand(staff, { verb: 'list' });
    const [header, ...lines] = reply.text.split('\n');
    expect(header).toBe(text('ko', 'staff.list.header'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(`${ROUND} · ${TITLE} · 준비 · 마감 기한 2024. 2. 15.(목) 18:00`);
    expect(reply.rounds?.map((r) => [r.roundId, r.status])).toEqual([[ROUND, 'draft']]);
    expect(reply.ephemeral).toBe(true);
  });

  it('GIVEN a stored round whose definition was removed THEN list still shows it', async () => {
    const { t } = await app();
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
    const reply = await withRounds([], t.store, t.clock.now()).runAsOperator({ verb: 'list' });
    expect(reply.rounds?.map((r) => [r.roundId, r.status])).toEqual([[ROUND, 'open']]);
  });

  it('GIVEN reload without a configuration source THEN staff are told privately that it needs a restart', async () => {
    const { t } = await app();
    expect(await t.app.runStaffCommand(staff, { verb: 'reload' })).toEqual({
      text: text('ko', 'change.unavailable'),
      ephemeral: true,
    });
  });

  it('GIVEN no round whose committee is configured THEN list says there is none', async () => {
    const { t } = await app({ mutateCommittee: (c) => void (c.id = 'another-committee') });
    const reply = await t.app.runStaffCommand(staff, { verb: 'list' });
    expect(reply).toEqual({ text: text('ko', 'staff.list.empty'), ephemeral: true, rounds: [] });
  });

  it('GIVEN the seed round THEN show numbers the agenda, indents the questions, counts four business days and says it is attributed', async () => {
    const { t } = await app();
    const reply = await t.app.runStaffCommand(staff, { verb: 'show', roundId: ROUND });
    const lines = reply.text.split('\n');
    expect(lines[0]).toBe(`「${TITLE}」(${ROUND})`);
    expect(lines).toContain('1. 서울시 지역상생교류 추진');
    expect(lines).toContain("2. '24년 지역연계형 청년 창업 지원사업(넥스트로컬)");
    expect(lines).toContain('   1.1 2023년 추진사업 실적 및 성과에 대한 평가의견 및 개선방안');
    expect(lines).toContain('   2.3 사업홍보 및 판로지원 등 서울과 지역의 지속적 지원방안');
    expect(reply.text).toContain('일시: 2024. 2. 8.(목) 09:00 ~ 2024. 2. 15.(목) 18:00, 근무일 기준 4일');
    expect(reply.text).toContain('상태: 준비');
    expect(lines).toContain(text('ko', 'staff.show.attributed'));
    expect(reply.ephemeral).toBe(true);
    expect(reply.rounds?.map((r) => r.roundId)).toEqual([ROUND]);
    expect(reply.agenda?.map((item) => [item.id, item.title, item.questions.length])).toEqual([
      ['1', '서울시 지역상생교류 추진', 4],
      ['2', "'24년 지역연계형 청년 창업 지원사업(넥스트로컬)", 3],
    ]);
    expect(reply.agenda?.[0]?.questions[0]).toEqual({
      id: '1.1',
      prompt: '2023년 추진사업 실적 및 성과에 대한 평가의견 및 개선방안',
      kind: 'long_text',
    });
  });

  it('GIVEN an anonymous round THEN show says so', async () => {
    const { t } = await app({ mutateRound: (r) => void (r.anonymous = true) });
    const reply = await t.app.runStaffCommand(staff, { verb: 'show', roundId: ROUND });
    expect(reply.text.split('\n')).toContain(text('ko', 'staff.show.anonymous'));
  });

  it('GIVEN a stored round whose definition was removed THEN show still finds it', async () => {
    const { t } = await app();
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
    const reply = await withRounds([], t.store, t.clock.now()).runAsOperator({ verb: 'show', roundId: ROUND });
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain('상태: 진행 중');
  });
});

describe('open', () => {
  it('GIVEN the seed round at its opening THEN seven members are queued, the reply is public and names no later time, it is audited and work is woken', async () => {
    const { t, wakeUps } = await app();
    const reply = await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
    expect(reply).toEqual({ text: text('ko', 'staff.opened', { title: TITLE, count: 7, when: '' }), ephemeral: false });
    expect(await t.store.listAudit(ROUND)).toEqual([
      { at: t.clock.now(), actor: 'local:staff-son', action: 'round.open', roundId: ROUND, detail: { members: 7 } },
    ]);
    expect(wakeUps()).toBe(1);
    expect(await t.store.getInvitation(ROUND, 'm-kang')).toEqual({
      roundId: ROUND,
      memberId: 'm-kang',
      deliveryState: 'pending',
      late: false,
      platform: 'local',
    });
    expect((await t.store.listJobs(ROUND)).filter((j) => j.kind === 'invite')).toHaveLength(7);
  });

  it('GIVEN 2,500 members (three slices of opening rows) WHEN opened THEN the event loop turned while the rows were built, and each member has one invitation, one invitation job and the reminders of one; the round one close job', async () => {
    const { t } = await app({
      mutateCommittee: localMembers(2_500),
    });
    let turns = 0;
    let counting = true;
    const count = (): void => {
      turns += 1;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    const reply = await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
    counting = false;
    expect(reply.text).toContain('2500명');
    expect(turns).toBeGreaterThanOrEqual(2);
    const invitations = await t.store.listInvitations(ROUND);
    expect(new Set(invitations.map((i) => i.memberId)).size).toBe(2_500);
    expect(invitations).toHaveLength(2_500);
    const jobs = await t.store.listJobs(ROUND);
    const perKind = (kind: string) => jobs.filter((j) => j.kind === kind);
    expect(new Set(perKind('invite').map((j) => j.memberId)).size).toBe(2_500);
    expect(perKind('invite')).toHaveLength(2_500);
    expect(perKind('close')).toHaveLength(1);
    const reminders = perKind('remind');
    const ofFirst = reminders.filter((j) => j.memberId === 'm-0').length;
    expect(ofFirst).toBeGreaterThan(0);
    expect(reminders).toHaveLength(ofFirst * 2_500);
  });

  it('GIVEN an open THEN the log says it began and ended, with the number of members (the crash trials wait on these lines)', async () => {
    const logger = recordingLogger();
    const { t } = await app({ logger });
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
    expect(logger.entries.filter((e) => e.level === 'info')).toEqual([
      { level: 'info', message: 'opening round', context: { roundId: ROUND, members: 7 } },
      { level: 'info', message: 'round opened', context: { roundId: ROUND, members: 7 } },
    ]);
  });

  it('GIVEN the day before the window THEN the reply says when the invitations go out', async () => {
    const { t } = await app({ now: kst('2024-02-07 12:00') });
    const reply = await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
    expect(reply.text).toContain('(2024. 2. 8.(목) 09:00 발송 예정)');
  });

  it('GIVEN an inactive member and one the bot cannot reach THEN the inactive one is not invited and the other has no platform', async () => {
    const { t } = await app({
      mutateCommittee: (c) => {
        c.members[0]!.active = false;
        c.members[1]!.platforms = { discord: '100000000000000102' };
      },
    });
    const reply = await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
    expect(reply.text).toContain('6명');
    expect(await t.store.getInvitation(ROUND, 'm-kang')).toBeNull();
    expect(await t.store.getInvitation(ROUND, 'm-kim')).not.toHaveProperty('platform');
  });

  it('GIVEN the deadline has passed THEN open is refused naming the round', async () => {
    const { t } = await app({ now: kst('2024-02-16 09:00') });
    const reply = await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
    expect(codeOf(reply)).toBe('ROUND.DEADLINE_PASSED');
    expect(reply.error?.params.roundTitle).toBe(TITLE);
    expect(reply.error?.params.closesAt).toBe('2024. 2. 15.(목) 18:00');
    expect(await t.store.getRound(ROUND)).toBeNull();
  });

  it('GIVEN a window over two years without holiday data and one of them covered by extra closed days THEN open is refused naming the other', async () => {
    const window = { opens: '2101-12-30 09:00', closes: '2102-01-05 18:00' };
    const { t } = await app({ now: kst('2101-12-30 09:00'), mutateRound: (r) => void (r.window = window) });
    expect((await t.app.runAsOperator({ verb: 'open', roundId: ROUND })).error).toEqual({
      code: 'CALENDAR.UNKNOWN_YEAR',
      params: { years: '2101, 2102' },
    });
    const covered = await app({
      now: kst('2101-12-30 09:00'),
      mutateRound: (r) => void (r.window = window),
      mutateCommittee: (c) => void (c.calendar.extraClosedDays = ['2102-01-01']),
    });
    expect((await covered.t.app.runAsOperator({ verb: 'open', roundId: ROUND })).error?.params).toEqual({
      years: '2101',
    });
  });

  it('GIVEN another process opened the round in the meantime THEN this open is refused as already open', async () => {
    const store = createMemoryStore();
    store.openRound = async () => false;
    const { t, wakeUps } = await app({ store });
    const reply = await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
    expect(reply.error).toEqual({ code: 'ROUND.ALREADY_OPEN', params: { roundId: ROUND, roundTitle: TITLE } });
    expect(wakeUps()).toBe(0);
    expect(await t.store.listAudit(ROUND)).toEqual([]);
  });
});

describe('open on a round left half-opened', () => {
  async function storedOpen(t: TestApp) {
    const draft = roundFromDefinition(t.rounds[0]!, t.committees[0]!);
    if (!draft.ok) throw new Error('seed round');
    await t.store.createRound({ ...draft.value, status: 'open', openedAt: t.clock.now() });
  }

  it('GIVEN an open round with nobody invited THEN the active members are queued, audited as resumed, and work is woken', async () => {
    const { t, wakeUps } = await app({ mutateCommittee: (c) => void (c.members[0]!.active = false) });
    await storedOpen(t);
    const reply = await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
    expect(reply).toEqual({ text: text('ko', 'staff.opened.resumed', { title: TITLE, count: 6 }), ephemeral: false });
    expect(await t.store.listInvitations(ROUND)).toHaveLength(6);
    expect((await t.store.listJobs(ROUND)).filter((j) => j.kind === 'invite')).toHaveLength(6);
    expect(await t.store.listAudit(ROUND)).toEqual([
      {
        at: t.clock.now(),
        actor: 'local:staff-son',
        action: 'round.open.resumed',
        roundId: ROUND,
        detail: { members: 6 },
      },
    ]);
    expect(wakeUps()).toBe(1);
  });

  it('GIVEN an open round with invitations but no invitation jobs THEN the jobs are queued', async () => {
    const { t } = await app();
    await storedOpen(t);
    await t.store.createInvitations(
      t.committees[0]!.members.map((m) => ({ roundId: ROUND, memberId: m.id, deliveryState: 'pending', late: false })),
    );
    await t.store.enqueueJobs([{ key: 'close:x', kind: 'close', roundId: ROUND, dueAt: kst('2024-02-15 18:00') }]);
    const reply = await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
    expect(reply.text).toContain('7명');
    expect((await t.store.listJobs(ROUND)).filter((j) => j.kind === 'invite')).toHaveLength(7);
  });

  it('GIVEN an open round with nobody invited and no active member left THEN open is refused as already open', async () => {
    const { t } = await app({ mutateCommittee: (c) => c.members.forEach((m) => void (m.active = false)) });
    await storedOpen(t);
    expect((await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND })).error?.code).toBe(
      'ROUND.ALREADY_OPEN',
    );
    expect(await t.store.listInvitations(ROUND)).toEqual([]);
  });

  it('GIVEN an open round with its jobs queued but no invitations THEN the invitations are created', async () => {
    const { t } = await app();
    await storedOpen(t);
    await t.store.enqueueJobs([
      { key: 'invite:x', kind: 'invite', roundId: ROUND, memberId: 'm-kang', dueAt: t.clock.now() },
    ]);
    expect((await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND })).text).toContain('7명');
    expect(await t.store.listInvitations(ROUND)).toHaveLength(7);
  });

  it('GIVEN an open round fully queued THEN open is refused as already open, naming it', async () => {
    const { t, wakeUps } = await app();
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
    const reply = await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
    expect(reply.error).toEqual({ code: 'ROUND.ALREADY_OPEN', params: { roundId: ROUND, roundTitle: TITLE } });
    expect(wakeUps()).toBe(1);
  });
});
