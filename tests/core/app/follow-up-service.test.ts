/**
 * The follow-up commands in detail: the exact replies to staff (private,
 * naming the target or the action as it is now), the refusals with what they
 * name, the chat forms prefilled per target, what the audit records, and
 * which actions get a due notice queued.
 */
import { describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import { createMemoryStore } from '../../../src/adapters/memory/memory-store.ts';
import { createJamunApp } from '../../../src/core/app/create-app.ts';
import type { StaffCommand } from '../../../src/core/app/inbound.ts';
import type { ActionInput } from '../../../src/core/follow-up/validate-follow-up.ts';
import { ManualClock } from '../../../src/core/ports/clock.ts';
import { silentLogger } from '../../../src/core/ports/logger.ts';
import { formatOfficialDay } from '../../../src/core/time.ts';
import { createTestApp, kst, seedConfig, type TestApp } from '../../fakes/app-harness.ts';

const ROUND = '2024-1';
const TITLE = "'24년 제1차 지역상생발전위원회 서면자문";
const named = { roundId: ROUND, roundTitle: TITLE };
const staff = { platform: 'local' as const, userId: 'staff-son' };
const member = { platform: 'local' as const, userId: 'm-kang' };

/** The seed round, opened by staff at its opening (2024-02-08 09:00); `wakeUps` counts the scheduler's wake-ups since. */
async function openRound() {
  let wakeUps = 0;
  const t = await createTestApp({ messengers: [new LocalMessenger()], onWorkDue: () => void (wakeUps += 1) });
  await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
  wakeUps = 0;
  return { t, wakeUps: () => wakeUps };
}

const synthesis = (t: TestApp, target: string, text?: string) =>
  t.app.runStaffCommand(staff, { verb: 'synthesis', roundId: ROUND, target, ...(text === undefined ? {} : { text }) });

const action = (t: TestApp, command: Omit<StaffCommand, 'verb' | 'roundId'>) =>
  t.app.runStaffCommand(staff, { verb: 'action', roundId: ROUND, ...command });

const add = (t: TestApp, actionInput: ActionInput) => action(t, { actionOp: 'add', actionInput });

const dueJobs = async (t: TestApp) =>
  (await t.store.listJobs(ROUND)).filter((j) => j.kind === 'action_due').map((j) => [j.key, j.dueAt]);

describe('synthesis replies and forms', () => {
  it('GIVEN no synthesis of question 1.2 THEN showing it says so; GIVEN one written THEN the replies are private and the audit records target, revision and length', async () => {
    const { t } = await openRound();
    const none = await synthesis(t, '1.2');
    expect(none).toEqual({ text: `「${TITLE}」 질문 1.2의 종합 의견이 아직 작성되지 않았습니다.`, ephemeral: true });
    const saved = await synthesis(t, '1.2', '○ 활성화 방안');
    expect(saved).toEqual({ text: `「${TITLE}」 질문 1.2의 종합 의견을 저장하였습니다(제1판).`, ephemeral: true });
    await synthesis(t, '1.1', '○ 목표 달성');
    await synthesis(t, '2', '○ 안건 전체');
    expect(await synthesis(t, '1.2')).toEqual({
      text: `「${TITLE}」 질문 1.2 종합 의견(제1판, local:staff-son, 2024. 2. 8.(목) 09:00)\n\n○ 활성화 방안`,
      ephemeral: true,
    });
    const audit = (await t.store.listAudit(ROUND)).filter((e) => e.action === 'synthesis.write');
    expect(audit[0]).toEqual({
      at: kst('2024-02-08 09:00'),
      actor: 'local:staff-son',
      action: 'synthesis.write',
      roundId: ROUND,
      detail: { targetId: '1.2', revision: 1, length: 8 },
    });
    expect(audit).toHaveLength(3);
  });

  it('GIVEN syntheses of question 1.1 and of item 2 THEN each form is prefilled with its own text and label, one not written is empty, an unknown target refused', async () => {
    const { t } = await openRound();
    await synthesis(t, '1.1', '○ 가');
    await synthesis(t, '2', '○ 나');
    expect(await t.app.synthesisForm(staff, ROUND, '1.1')).toEqual({
      ok: true,
      value: { ...named, targetId: '1.1', target: '질문 1.1', locale: 'ko', text: '○ 가' },
    });
    expect(await t.app.synthesisForm(staff, ROUND, '2')).toEqual({
      ok: true,
      value: { ...named, targetId: '2', target: '안건 2', locale: 'ko', text: '○ 나' },
    });
    expect(await t.app.synthesisForm(staff, ROUND, '1.2')).toMatchObject({ ok: true, value: { text: '' } });
    expect(await t.app.synthesisForm(staff, ROUND, '9')).toMatchObject({
      ok: false,
      error: { code: 'SYNTHESIS.UNKNOWN_TARGET' },
    });
    const noTarget = await t.app.runStaffCommand(staff, { verb: 'synthesis', roundId: ROUND, text: '○ 다' });
    expect(noTarget.error).toMatchObject({ code: 'SYNTHESIS.UNKNOWN_TARGET', params: { targetId: '' } });
  });

  it('GIVEN a member opening a follow-up form THEN the refusal is audited with who, the round and the form', async () => {
    const { t } = await openRound();
    t.clock.set(kst('2024-02-09 10:00'));
    await t.app.synthesisForm(member, ROUND, '1.1');
    expect((await t.store.listAudit(ROUND)).filter((e) => e.action === 'staff.refused')).toEqual([
      {
        at: kst('2024-02-09 10:00'),
        actor: 'local:m-kang',
        action: 'staff.refused',
        roundId: ROUND,
        detail: { form: 'follow-up' },
      },
    ]);
  });

  it('GIVEN a round never defined, one not yet opened, or one cancelled THEN commands and forms are refused naming it', async () => {
    const t = await createTestApp({ messengers: [new LocalMessenger()] });
    const notFound = { code: 'ROUND.NOT_FOUND', params: { roundId: 'nope' } };
    expect((await t.app.runAsOperator({ verb: 'action', roundId: 'nope' })).error).toEqual(notFound);
    expect(await t.app.actionForm(staff, 'nope')).toEqual({ ok: false, error: notFound });
    const noRound = { code: 'ROUND.NOT_FOUND', params: { roundId: '' } };
    expect((await t.app.runAsOperator({ verb: 'synthesis', target: '1.1' })).error).toEqual(noRound);
    expect((await t.app.runAsOperator({ verb: 'action' })).error).toEqual(noRound);
    const notOpen = { code: 'ROUND.NOT_OPEN', params: named };
    expect((await synthesis(t, '1.1', '○ 가')).error).toEqual(notOpen);
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
    await t.app.runStaffCommand(staff, { verb: 'cancel', roundId: ROUND });
    const cancelled = { code: 'ROUND.CANCELLED', params: named };
    expect((await synthesis(t, '1.1', '○ 가')).error).toEqual(cancelled);
    expect((await add(t, { text: '가' })).error).toEqual(cancelled);
    expect(await t.app.synthesisForm(staff, ROUND, '1.1')).toEqual({ ok: false, error: cancelled });
    expect(await t.store.listActions(ROUND)).toEqual([]);
  });
});

describe('action replies and forms', () => {
  it('GIVEN no actions THEN the list says so; GIVEN one added THEN the reply shows it whole, privately, and the audit records it as stored', async () => {
    const { t } = await openRound();
    expect(await action(t, {})).toEqual({ text: `「${TITLE}」에 등록된 조치 사항이 없습니다.`, ephemeral: true });
    const added = await add(t, {
      text: '추진계획 반영',
      department: '대외협력과',
      due: '2024-03-29',
      questions: '1.1',
    });
    expect(added).toEqual({
      text: [
        '조치 사항 1번을 등록하였습니다.',
        '1. [추진 중] 추진계획 반영',
        '   담당: 대외협력과',
        '   기한: 2024. 3. 29.(금)',
        '   관련 질문: 1.1',
      ].join('\n'),
      ephemeral: true,
    });
    const [stored] = await t.store.listActions(ROUND);
    expect(stored).toMatchObject({ createdAt: kst('2024-02-08 09:00'), createdBy: 'local:staff-son' });
    expect((await t.store.listAudit(ROUND)).filter((e) => e.action === 'action.add')).toEqual([
      { at: kst('2024-02-08 09:00'), actor: 'local:staff-son', action: 'action.add', roundId: ROUND, detail: stored },
    ]);
    expect((await action(t, {})).ephemeral).toBe(true);
  });

  it('GIVEN an action edited, done and reopened THEN each reply shows it as it is now, privately, the reopening audited', async () => {
    const { t } = await openRound();
    await add(t, { text: '추진계획 반영' });
    const edited = await action(t, { actionOp: 'edit', actionNumber: 1, actionInput: { text: '추진계획에 반영' } });
    expect(edited).toEqual({ text: '조치 사항 1번을 수정하였습니다.\n1. [추진 중] 추진계획에 반영', ephemeral: true });
    expect((await action(t, { actionOp: 'done', actionNumber: 1 })).text).toContain('1. [완료] 추진계획에 반영');
    expect((await action(t, { actionOp: 'reopen', actionNumber: 1 })).text).toBe(
      '조치 사항 1번을 수정하였습니다.\n1. [추진 중] 추진계획에 반영',
    );
    expect((await action(t, { actionOp: 'drop', actionNumber: 1 })).text).toContain('1. [미추진] 추진계획에 반영');
    await add(t, { text: '나', department: '대외협력과', due: '2024-03-29' });
    await action(t, { actionOp: 'edit', actionNumber: 2, actionInput: { department: '', due: '' } });
    const edits = (await t.store.listAudit(ROUND)).filter((e) => e.action === 'action.edit').map((e) => e.detail);
    expect(edits[2]).toEqual({ number: 1, changes: { status: { from: 'done', to: 'open' } } });
    expect(edits[4]).toEqual({
      number: 2,
      changes: { department: { from: '대외협력과', to: null }, dueDate: { from: '2024-03-29', to: null } },
    });
  });

  it('GIVEN an add with no text, an edit with nothing to change, an action number missing or unknown THEN refused saying which', async () => {
    const { t } = await openRound();
    expect((await action(t, { actionOp: 'add' })).error?.code).toBe('ACTION.EMPTY');
    expect((await add(t, { due: '2024-03-29' })).error?.code).toBe('ACTION.EMPTY');
    await add(t, { text: '가' });
    expect((await action(t, { actionOp: 'edit', actionNumber: 1 })).error?.code).toBe('ACTION.NO_CHANGE');
    expect((await action(t, { actionOp: 'done' })).error).toEqual({
      code: 'ACTION.NOT_FOUND',
      params: { ...named, number: 0 },
    });
    expect((await action(t, { actionOp: 'drop', actionNumber: 2 })).error).toEqual({
      code: 'ACTION.NOT_FOUND',
      params: { ...named, number: 2 },
    });
    expect(await t.store.listActions(ROUND)).toMatchObject([{ number: 1, text: '가', status: 'open' }]);
  });

  it('GIVEN an action added with a blank department and due date THEN it is stored with neither, listed with no details, and no notice queued', async () => {
    const { t } = await openRound();
    expect((await add(t, { text: '가', department: '  ', due: '' })).text).toBe(
      '조치 사항 1번을 등록하였습니다.\n1. [추진 중] 가',
    );
    const [stored] = await t.store.listActions(ROUND);
    expect(stored?.department).toBeUndefined();
    expect(stored?.dueDate).toBeUndefined();
    expect(await dueJobs(t)).toEqual([]);
  });

  it('GIVEN the action is gone by the time it is updated (the store finds it no more) THEN ACTION.NOT_FOUND naming it', async () => {
    const { t } = await openRound();
    await add(t, { text: '가' });
    t.store.updateAction = async () => null;
    expect((await action(t, { actionOp: 'done', actionNumber: 1 })).error).toEqual({
      code: 'ACTION.NOT_FOUND',
      params: { ...named, number: 1 },
    });
  });

  it('GIVEN a new action and an existing one THEN the form opens blank, or prefilled with that action', async () => {
    const { t } = await openRound();
    await add(t, { text: '가', due: '2024-03-29' });
    expect(await t.app.actionForm(staff, ROUND)).toEqual({ ok: true, value: { locale: 'ko', ...named } });
    const [stored] = await t.store.listActions(ROUND);
    expect(await t.app.actionForm(staff, ROUND, 1)).toEqual({
      ok: true,
      value: { action: stored, locale: 'ko', ...named },
    });
  });
});

describe('due notices queued', () => {
  it('GIVEN an action with no due date, and a done one given a new date THEN no notice is queued for them; an open one given a date is queued at 09:00 and wakes the scheduler', async () => {
    const { t, wakeUps } = await openRound();
    await add(t, { text: '가' });
    await add(t, { text: '나', due: '2024-03-29' });
    await action(t, { actionOp: 'done', actionNumber: 2 });
    await action(t, { actionOp: 'edit', actionNumber: 2, actionInput: { due: '2024-04-05' } });
    expect(await dueJobs(t)).toEqual([['action-due:2024-1:2:2024-03-29', kst('2024-03-29 09:00')]]);
    const before = wakeUps();
    await action(t, { actionOp: 'edit', actionNumber: 1, actionInput: { due: '2024-04-03' } });
    expect(await dueJobs(t)).toEqual([
      ['action-due:2024-1:2:2024-03-29', kst('2024-03-29 09:00')],
      ['action-due:2024-1:1:2024-04-03', kst('2024-04-03 09:00')],
    ]);
    expect(wakeUps()).toBe(before + 1);
  });
});

describe('overdue actions in status', () => {
  it('GIVEN two overdue actions, the later due added first and one without a department THEN status lists them earliest due first under their count', async () => {
    const { t } = await openRound();
    await add(t, { text: '나 조치', department: '대외협력과', due: '2024-03-05' });
    await add(t, { text: '가 조치', due: '2024-03-04' });
    t.clock.set(kst('2024-03-06 10:00'));
    const lines = (await t.app.runAsOperator({ verb: 'status' })).text.split('\n');
    const header = lines.indexOf('기한이 지난 조치 사항 2건');
    expect(lines.slice(header, header + 3)).toEqual([
      '기한이 지난 조치 사항 2건',
      `• 「${TITLE}」 2. 가 조치 (기한 2024. 3. 4.(월))`,
      `• 「${TITLE}」 1. 나 조치 (기한 2024. 3. 5.(화), 대외협력과)`,
    ]);
  });

  it('GIVEN an overdue action of a round whose committee is no longer configured THEN status leaves it out', async () => {
    const { t } = await openRound();
    await add(t, { text: '가 조치', due: '2024-03-04' });
    const moved = await createTestApp({
      messengers: [new LocalMessenger()],
      store: t.store,
      now: kst('2024-03-06 10:00'),
      mutateCommittee: (c) => void (c.id = 'another-committee'),
    });
    const status = await moved.app.runAsOperator({ verb: 'status' });
    expect(status.error).toBeUndefined();
    expect(status.text).not.toContain('기한이 지난');
  });
  it('GIVEN an overdue action of an English committee configured after a Korean one THEN status writes its lines in English', async () => {
    const { committees, rounds } = seedConfig();
    const [korean, round] = [committees[0], rounds[0]];
    if (!korean || !round) throw new Error('no seed');
    const english = { ...structuredClone(korean), id: 'english', locale: 'en' as const };
    const app = createJamunApp({
      store: createMemoryStore(),
      messengers: [new LocalMessenger()],
      committees: [korean, english],
      rounds: [{ ...structuredClone(round), id: '2024-E', committeeId: 'english' }],
      clock: new ManualClock(kst('2024-02-08 09:00')),
      logger: silentLogger,
    });
    await app.runAsOperator({ verb: 'open', roundId: '2024-E' });
    await app.runAsOperator({ verb: 'close', roundId: '2024-E' });
    const actionInput = { text: 'Reflect in the plan', department: 'Cooperation', due: '2024-02-01' };
    await app.runAsOperator({ verb: 'action', roundId: '2024-E', actionOp: 'add', actionInput });
    const lines = (await app.runAsOperator({ verb: 'status' })).text.split('\n');
    expect(lines.slice(1)).toEqual([
      '1 overdue follow-up action',
      `• "${TITLE}" 1. Reflect in the plan (due ${formatOfficialDay('2024-02-01', 'en')}, Cooperation)`,
    ]);
  });
});
