/**
 * Bad input gets a clear answer and loses nothing: each case of the issue.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import type { Actor } from '../../../src/core/model.ts';
import { createTestApp, kst, runUntil, type TestApp } from '../../fakes/app-harness.ts';

const staff: Actor = { platform: 'local', userId: 'staff-son' };
const kang: Actor = { platform: 'local', userId: 'm-kang' };
const choi: Actor = { platform: 'local', userId: 'm-choi' };

function allAnswers(t: TestApp, text = '의견') {
  return t.rounds[0]!.agenda.flatMap((i) => i.questions).map((q) => ({ questionId: q.id, value: `${text} ${q.id}` }));
}

function codeOf(result: { ok: boolean; error?: { code: string } }): string | undefined {
  return result.ok ? undefined : result.error?.code;
}

describe('bad input', () => {
  let t: TestApp;
  let local: LocalMessenger;

  beforeEach(async () => {
    local = new LocalMessenger();
    t = await createTestApp({ messengers: [local] });
  });

  async function open() {
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: '2024-1' });
    await t.app.runDueJobs();
  }

  it('GIVEN an answer over max_length THEN it is kept as a draft, the member is told the limit, and submit is refused until it fits', async () => {
    await open();
    const long = '가'.repeat(4100);
    const saved = await t.app.saveDraft(kang, '2024-1', [{ questionId: '1.1', value: long }]);
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.value.problems[0]?.code).toBe('ANSWER.TOO_LONG');
    expect(saved.value.message).toContain('4000');
    const stored = await t.store.listAnswers('2024-1', 'm-kang');
    expect(stored[0]?.value).toEqual({ kind: 'text', text: long });
    const others = allAnswers(t).filter((a) => a.questionId !== '1.1');
    expect(codeOf(await t.app.submit(kang, '2024-1', others))).toBe('ANSWER.TOO_LONG');
    expect((await t.store.getInvitation('2024-1', 'm-kang'))?.submittedAt).toBeUndefined();
  });

  it('GIVEN whitespace answers to required questions THEN submit is refused naming the questions, and drafts stay', async () => {
    await open();
    const answers = allAnswers(t).map((a) => (a.questionId === '2.2' ? { ...a, value: '   ' } : a));
    const result = await t.app.submit(kang, '2024-1', answers);
    expect(codeOf(result)).toBe('ANSWER.MISSING');
    if (!result.ok) expect(result.error.params.questions).toBe('2.2');
    expect(await t.store.listAnswers('2024-1', 'm-kang')).toHaveLength(7);
  });

  it('GIVEN a round that is not open, or unknown THEN answers are refused with the reason', async () => {
    expect(codeOf(await t.app.saveDraft(kang, '2024-1', [{ questionId: '1.1', value: 'x' }]))).toBe('ROUND.NOT_OPEN');
    expect(codeOf(await t.app.saveDraft(kang, 'no-such-round', [{ questionId: '1.1', value: 'x' }]))).toBe(
      'ROUND.NOT_FOUND',
    );
    await open();
    await runUntil(t, kst('2024-02-15 18:30'));
    const late = await t.app.saveDraft(kang, '2024-1', [{ questionId: '1.1', value: 'x' }]);
    expect(codeOf(late)).toBe('ROUND.CLOSED');
  });

  it('GIVEN someone not on the committee, or a member not invited THEN they are told so', async () => {
    t = await createTestApp({ messengers: [local], mutateCommittee: (c) => void (c.members[1]!.active = false) });
    await open();
    expect(codeOf(await t.app.saveDraft({ platform: 'local', userId: 'stranger' }, '2024-1', []))).toBe(
      'MEMBER.UNKNOWN',
    );
    expect(
      codeOf(
        await t.app.saveDraft({ platform: 'local', userId: 'm-kim' }, '2024-1', [{ questionId: '1.1', value: 'x' }]),
      ),
    ).toBe('MEMBER.NOT_IN_ROUND');
  });

  it('GIVEN a member who submitted WHEN they submit again with nothing new THEN ANSWER.ALREADY_SUBMITTED says when', async () => {
    await open();
    expect((await t.app.submit(kang, '2024-1', allAnswers(t))).ok).toBe(true);
    const again = await t.app.submit(kang, '2024-1');
    expect(codeOf(again)).toBe('ANSWER.ALREADY_SUBMITTED');
    if (!again.ok) expect(String(again.error.params.submittedAt)).toContain('2024. 2. 8.');
  });

  it('GIVEN an open round WHEN staff open it again THEN they are told it is open and nothing is sent twice', async () => {
    await open();
    const soon = await t.app.runStaffCommand(staff, { verb: 'open', roundId: '2024-1' });
    expect(soon.text).toContain('이미 진행 중');
    t.clock.advance(60 * 60_000);
    const again = await t.app.runStaffCommand(staff, { verb: 'open', roundId: '2024-1' });
    expect(again.text).toContain('이미 진행 중');
    await t.app.runDueJobs();
    expect(local.messagesIn(local.dmChannelOf('m-kang')).filter((m) => m.kind === 'invitation')).toHaveLength(1);
  });

  it('GIVEN a member removed from the committee mid-round THEN they are not reminded, cannot answer, and are not counted', async () => {
    await open();
    const removed = await createTestApp({
      messengers: [local],
      store: t.store,
      now: t.clock.now(),
      mutateCommittee: (c) => void c.members.splice(6, 1),
    });
    expect(await removed.app.reconcileMembership()).toBe(1);
    expect(codeOf(await removed.app.saveDraft(choi, '2024-1', []))).toBe('MEMBER.UNKNOWN');
    await runUntil(removed, kst('2024-02-16 09:00'));
    expect(local.messagesIn(local.dmChannelOf('m-choi')).filter((m) => m.kind === 'reminder')).toHaveLength(0);
    const summary = local.messagesIn('staff').find((m) => m.kind === 'summary');
    expect(summary?.text).not.toContain('최예술');
    expect(
      (await t.store.listAudit('2024-1')).some((e) => e.action === 'member.removed' && e.memberId === 'm-choi'),
    ).toBe(true);
  });

  it('GIVEN a member who is not staff WHEN they run a staff command THEN they are refused privately and the attempt is audited', async () => {
    const reply = await t.app.runStaffCommand(kang, { verb: 'open', roundId: '2024-1' });
    expect(reply.ephemeral).toBe(true);
    expect(reply.text).toContain('사무국 전용 명령입니다.');
    expect(await t.store.getRound('2024-1')).toBeNull();
    const audit = await t.store.listAudit('2024-1');
    expect(audit).toEqual([expect.objectContaining({ actor: 'local:m-kang', action: 'staff.refused' })]);
  });

  it('GIVEN a decline without a reason THEN it is refused; with a reason THEN it is recorded and the member is not reminded', async () => {
    await open();
    expect(codeOf(await t.app.decline(choi, '2024-1', '  '))).toBe('DECLINE.REASON_REQUIRED');
    expect((await t.app.decline(choi, '2024-1', '해외 출장')).ok).toBe(true);
    await runUntil(t, kst('2024-02-16 09:00'));
    expect(local.messagesIn(local.dmChannelOf('m-choi')).filter((m) => m.kind === 'reminder')).toHaveLength(0);
    expect(local.messagesIn('staff').find((m) => m.kind === 'summary')?.text).toContain('해외 출장');
  });

  it('GIVEN a round that allows late answers WHEN a member submits after the deadline THEN it is accepted and marked late', async () => {
    t = await createTestApp({ messengers: [local], mutateRound: (r) => void (r.allowLate = true) });
    await open();
    t.clock.set(kst('2024-02-15 18:30'));
    const result = await t.app.submit(kang, '2024-1', allAnswers(t));
    expect(result.ok && result.value.late).toBe(true);
    expect((await t.store.getInvitation('2024-1', 'm-kang'))?.late).toBe(true);
  });

  it('GIVEN a plain DM reply WHEN no question was shown THEN the member is asked to open the questionnaire; after one was shown THEN it is filed there', async () => {
    await open();
    expect(codeOf(await t.app.reply(kang, '답변입니다'))).toBe('ANSWER.NO_QUESTION_ASKED');
    expect((await t.app.markAsked(kang, '2024-1', '1.3')).ok).toBe(true);
    const reply = await t.app.reply(kang, '답변입니다');
    expect(reply.ok && reply.value.questionId).toBe('1.3');
    expect((await t.store.listAnswers('2024-1', 'm-kang'))[0]).toMatchObject({
      questionId: '1.3',
      value: { kind: 'text', text: '답변입니다' },
    });
  });

  it('GIVEN a member whose DMs are closed THEN the invitation is failed with the reason, staff see it, and others are unaffected', async () => {
    local.failFor('m-oh');
    await open();
    expect(await t.store.getInvitation('2024-1', 'm-oh')).toMatchObject({
      deliveryState: 'failed',
      failureReason: 'dm_closed',
    });
    const progress = local.messagesIn('staff').find((m) => m.kind === 'progress');
    expect(progress?.text).toContain('6/7');
    expect(progress?.text).toContain('오영은');
    const status = await t.app.runStaffCommand(staff, { verb: 'status', roundId: '2024-1' });
    expect(status.status).toMatchObject({ delivered: 6, failed: 1 });
  });

  it('GIVEN an extended deadline THEN the old reminders and close are cancelled and new ones follow the new deadline', async () => {
    await open();
    const reply = await t.app.runStaffCommand(staff, { verb: 'extend', roundId: '2024-1', until: '2024-02-20 18:00' });
    expect(reply.text).toContain('2024. 2. 20.(화)');
    await runUntil(t, kst('2024-02-16 09:00'));
    expect((await t.store.getRound('2024-1'))?.status).toBe('open');
    await runUntil(t, kst('2024-02-21 09:00'));
    expect((await t.store.getRound('2024-1'))?.status).toBe('summarised');
    const reminders = (await t.store.listJobs('2024-1')).filter(
      (j) => j.kind === 'remind' && j.state === 'done' && j.memberId === 'm-kang',
    );
    expect(reminders.every((j) => j.key.includes('2024-02-20T09'))).toBe(true);
    expect(reminders.length).toBeGreaterThan(0);
  });

  it('GIVEN a round closed by staff WHEN extended THEN it is open again, without a close time, and takes answers', async () => {
    await open();
    await t.app.runStaffCommand(staff, { verb: 'close', roundId: '2024-1' });
    expect((await t.store.getRound('2024-1'))?.closedAt).toBeInstanceOf(Date);
    await t.app.runStaffCommand(staff, { verb: 'extend', roundId: '2024-1', until: '2024-02-20 18:00' });
    const round = await t.store.getRound('2024-1');
    expect(round?.status).toBe('open');
    expect(round?.closedAt).toBeUndefined();
    expect((await t.app.saveDraft(kang, '2024-1', [{ questionId: '1.1', value: '다시 열린 뒤의 의견' }])).ok).toBe(
      true,
    );
  });

  it('GIVEN an extension to an earlier or malformed time THEN staff are told why', async () => {
    await open();
    expect(
      (await t.app.runStaffCommand(staff, { verb: 'extend', roundId: '2024-1', until: '2024-02-14 18:00' })).text,
    ).toContain('늦고');
    expect(
      (await t.app.runStaffCommand(staff, { verb: 'extend', roundId: '2024-1', until: '2024-02-31' })).text,
    ).toContain('2024-02-31');
  });
});
