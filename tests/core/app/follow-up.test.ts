/**
 * Staff's synthesis and follow-up actions through the application: written
 * as staff commands (chat and CLI alike), kept as revisions, audited; overdue
 * actions in `status`; a notice to the staff channel when one falls due.
 */
import { describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import { createTestApp, kst, runUntil } from '../../fakes/app-harness.ts';

const ROUND = '2024-1';
const staff = { platform: 'local' as const, userId: 'staff-son' };
const member = { platform: 'local' as const, userId: 'm-kang' };

async function closedRound() {
  const local = new LocalMessenger();
  const t = await createTestApp({ messengers: [local] });
  await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
  await runUntil(t, kst('2024-02-16 10:00'));
  const staffPosts = () => local.messagesIn('staff').map((m) => m.text);
  return { t, local, staffPosts };
}

describe('synthesis', () => {
  it('GIVEN staff write a synthesis of question 1.1 twice THEN the second is revision 2, shown with who and when, and both writes are audited', async () => {
    const { t } = await closedRound();
    const first = await t.app.runStaffCommand(staff, {
      verb: 'synthesis',
      roundId: ROUND,
      target: '1.1',
      text: '○ 충실한 목표 이행',
    });
    expect(first.error).toBeUndefined();
    expect(first.text).toContain('질문 1.1');
    expect(first.text).toContain('제1판');
    t.clock.set(kst('2024-02-16 11:00'));
    const second = await t.app.runAsOperator({
      verb: 'synthesis',
      roundId: ROUND,
      target: '1.1',
      text: '○ 충실한 목표 이행\n  - 정량적 성과지표 우수',
    });
    expect(second.text).toContain('제2판');
    const shown = await t.app.runStaffCommand(staff, { verb: 'synthesis', roundId: ROUND, target: '1.1' });
    expect(shown.text).toContain('제2판, cli, 2024. 2. 16.(금) 11:00');
    expect(shown.text).toContain('  - 정량적 성과지표 우수');
    const audit = (await t.store.listAudit(ROUND)).filter((e) => e.action === 'synthesis.write');
    expect(audit.map((e) => [e.actor, e.detail?.revision])).toEqual([
      ['local:staff-son', 1],
      ['cli', 2],
    ]);
  });

  it('GIVEN a member, an unknown question, an empty text THEN refused with the code and nothing stored', async () => {
    const { t } = await closedRound();
    const byMember = await t.app.runStaffCommand(member, {
      verb: 'synthesis',
      roundId: ROUND,
      target: '1.1',
      text: '○ 가',
    });
    expect(byMember.error?.code).toBe('STAFF.FORBIDDEN');
    const unknown = await t.app.runStaffCommand(staff, {
      verb: 'synthesis',
      roundId: ROUND,
      target: '9',
      text: '○ 가',
    });
    expect(unknown.error?.code).toBe('SYNTHESIS.UNKNOWN_TARGET');
    expect(unknown.text).toContain('1.1');
    const empty = await t.app.runStaffCommand(staff, { verb: 'synthesis', roundId: ROUND, target: '1.1', text: '  ' });
    expect(empty.error?.code).toBe('SYNTHESIS.EMPTY');
    expect(await t.store.listSyntheses(ROUND)).toEqual([]);
  });

  it('GIVEN a written synthesis THEN its chat form opens prefilled for staff and is refused (audited) to a member', async () => {
    const { t } = await closedRound();
    await t.app.runAsOperator({ verb: 'synthesis', roundId: ROUND, target: '2', text: '○ 안건 전체' });
    const form = await t.app.synthesisForm(staff, ROUND, '2');
    expect(form).toMatchObject({ ok: true, value: { targetId: '2', target: '안건 2', text: '○ 안건 전체' } });
    expect(await t.app.synthesisForm(member, ROUND, '2')).toEqual({
      ok: false,
      error: { code: 'STAFF.FORBIDDEN', params: {} },
    });
    expect(await t.app.actionForm(member, ROUND)).toMatchObject({ ok: false, error: { code: 'STAFF.FORBIDDEN' } });
    expect((await t.store.listAudit(ROUND)).filter((e) => e.action === 'staff.refused')).toHaveLength(2);
    expect(await t.app.actionForm(staff, ROUND, 1)).toMatchObject({ ok: false, error: { code: 'ACTION.NOT_FOUND' } });
  });

  it('GIVEN the synthesis of question 1.1 THEN the report shows it under that question and the placeholder elsewhere', async () => {
    const { t } = await closedRound();
    await t.app.runAsOperator({ verb: 'synthesis', roundId: ROUND, target: '1.1', text: '○ 목표 달성\n - 성과 우수' });
    const report = await t.app.report(ROUND);
    if (!report.ok) throw new Error(report.error.code);
    const [first, second] = report.value.opinions[0]?.questions ?? [];
    expect(first?.lines).toEqual([
      { level: 0, text: '목표 달성' },
      { level: 1, text: '성과 우수' },
    ]);
    expect(second?.lines).toEqual([{ level: 0, text: '(사무국 종합 의견 미작성)' }]);
  });

  it('GIVEN the synthesis of agenda item 1 and of question 1.2 THEN item 1 shows its own and 1.2 only, with no placeholders; item 2 keeps them', async () => {
    const { t } = await closedRound();
    await t.app.runAsOperator({ verb: 'synthesis', roundId: ROUND, target: '1', text: '○ 안건 전체 의견' });
    await t.app.runAsOperator({ verb: 'synthesis', roundId: ROUND, target: '1.2', text: '○ 활성화 방안' });
    const report = await t.app.report(ROUND);
    if (!report.ok) throw new Error(report.error.code);
    const [item1, item2] = report.value.opinions;
    expect(item1?.lines).toEqual([{ level: 0, text: '안건 전체 의견' }]);
    expect(item1?.questions.map((q) => q.lines)).toEqual([[{ level: 0, text: '활성화 방안' }]]);
    expect(item2?.lines).toEqual([]);
    expect(item2?.questions.every((q) => q.lines[0]?.text === '(사무국 종합 의견 미작성)')).toBe(true);
    expect(item2?.questions).toHaveLength(3);
  });
});

describe('follow-up actions', () => {
  it('GIVEN staff add, edit and close actions THEN they list with status, department and due date, every change audited with old and new', async () => {
    const { t } = await closedRound();
    const added = await t.app.runStaffCommand(staff, {
      verb: 'action',
      roundId: ROUND,
      actionOp: 'add',
      actionInput: { text: "'24년 추진계획 반영", department: '대외협력과', due: '2024-03-29', questions: '1.1,1.2' },
    });
    expect(added.text).toContain('1번을 등록');
    await t.app.runStaffCommand(staff, {
      verb: 'action',
      roundId: ROUND,
      actionOp: 'add',
      actionInput: { text: '넥스트로컬 반영' },
    });
    await t.app.runStaffCommand(staff, {
      verb: 'action',
      roundId: ROUND,
      actionOp: 'edit',
      actionNumber: 2,
      actionInput: { due: '2024-04-30' },
    });
    await t.app.runStaffCommand(staff, { verb: 'action', roundId: ROUND, actionOp: 'done', actionNumber: 1 });
    const list = await t.app.runStaffCommand(staff, { verb: 'action', roundId: ROUND });
    expect(list.text.split('\n')).toEqual([
      "「'24년 제1차 지역상생발전위원회 서면자문」 자문의견 조치 사항",
      "1. [완료] '24년 추진계획 반영",
      '   담당: 대외협력과',
      '   기한: 2024. 3. 29.(금)',
      '   관련 질문: 1.1, 1.2',
      '2. [추진 중] 넥스트로컬 반영',
      '   기한: 2024. 4. 30.(화)',
    ]);
    const edits = (await t.store.listAudit(ROUND)).filter((e) => e.action === 'action.edit');
    expect(edits.map((e) => e.detail)).toEqual([
      { number: 2, changes: { dueDate: { from: null, to: '2024-04-30' } } },
      { number: 1, changes: { status: { from: 'open', to: 'done' } } },
    ]);
  });

  it('GIVEN an open, a done and a dropped action THEN the report lists the first two with their facts, the done one marked', async () => {
    const { t } = await closedRound();
    const add = (text: string, extra = {}) =>
      t.app.runAsOperator({ verb: 'action', roundId: ROUND, actionOp: 'add', actionInput: { text, ...extra } });
    await add('추진계획 반영', { department: '대외협력과', due: '2024-03-29' });
    await add('넥스트로컬 반영');
    await add('보류 사업');
    await t.app.runAsOperator({ verb: 'action', roundId: ROUND, actionOp: 'done', actionNumber: 2 });
    await t.app.runAsOperator({ verb: 'action', roundId: ROUND, actionOp: 'drop', actionNumber: 3 });
    const report = await t.app.report(ROUND);
    if (!report.ok) throw new Error(report.error.code);
    expect(report.value.actions).toEqual([
      { level: 0, text: '추진계획 반영' },
      { level: 1, text: '담당: 대외협력과 · 기한: 2024. 3. 29.(금)' },
      { level: 0, text: '넥스트로컬 반영 (완료)' },
    ]);
  });

  it('GIVEN an unknown action number or a bad due date THEN refused with the code, nothing changed', async () => {
    const { t } = await closedRound();
    const missing = await t.app.runStaffCommand(staff, {
      verb: 'action',
      roundId: ROUND,
      actionOp: 'done',
      actionNumber: 4,
    });
    expect(missing.error?.code).toBe('ACTION.NOT_FOUND');
    const bad = await t.app.runStaffCommand(staff, {
      verb: 'action',
      roundId: ROUND,
      actionOp: 'add',
      actionInput: { text: '가', due: '2024-13-01' },
    });
    expect(bad.error?.code).toBe('ACTION.DUE_INVALID');
    expect(await t.store.listActions(ROUND)).toEqual([]);
  });

  it('GIVEN an open action due 2024. 3. 29. THEN status shows it overdue from 3. 30. on, not before, and not once it is done', async () => {
    const { t } = await closedRound();
    await t.app.runAsOperator({
      verb: 'action',
      roundId: ROUND,
      actionOp: 'add',
      actionInput: { text: '추진계획 반영', department: '대외협력과', due: '2024-03-29' },
    });
    t.clock.set(kst('2024-03-29 23:00'));
    expect((await t.app.runAsOperator({ verb: 'status' })).text).not.toContain('기한이 지난');
    t.clock.set(kst('2024-03-30 00:30'));
    const status = await t.app.runAsOperator({ verb: 'status' });
    expect(status.text).toContain('기한이 지난 조치 사항 1건');
    expect(status.text).toContain('1. 추진계획 반영 (기한 2024. 3. 29.(금), 대외협력과)');
    expect((await t.app.runAsOperator({ verb: 'status', roundId: ROUND })).text).toContain('기한이 지난 조치 사항 1건');
    await t.app.runAsOperator({ verb: 'action', roundId: ROUND, actionOp: 'done', actionNumber: 1 });
    expect((await t.app.runAsOperator({ verb: 'status' })).text).not.toContain('기한이 지난');
  });

  it('GIVEN an action due on a Saturday THEN staff are told once, on the Friday at 09:00, in the staff channel; its new due date is told again; a done action is not', async () => {
    const { t, staffPosts } = await closedRound();
    const before = staffPosts().length;
    await t.app.runAsOperator({
      verb: 'action',
      roundId: ROUND,
      actionOp: 'add',
      actionInput: { text: '가 조치', due: '2024-03-30' },
    });
    await t.app.runAsOperator({
      verb: 'action',
      roundId: ROUND,
      actionOp: 'add',
      actionInput: { text: '나 조치', due: '2024-03-29' },
    });
    await t.app.runAsOperator({ verb: 'action', roundId: ROUND, actionOp: 'done', actionNumber: 2 });
    await runUntil(t, kst('2024-03-29 08:59'));
    expect(staffPosts().slice(before)).toEqual([]);
    await runUntil(t, kst('2024-03-29 09:01'));
    const notices = staffPosts().slice(before);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('조치 사항 1번의 기한이 2024. 3. 30.(토)입니다');
    expect(notices[0]).toContain('가 조치');
    await t.app.runAsOperator({
      verb: 'action',
      roundId: ROUND,
      actionOp: 'edit',
      actionNumber: 1,
      actionInput: { due: '2024-04-03' },
    });
    await runUntil(t, kst('2024-04-05 10:00'));
    const later = staffPosts().slice(before);
    expect(later).toHaveLength(2);
    expect(later[1]).toContain('2024. 4. 3.(수)');
  });
});
