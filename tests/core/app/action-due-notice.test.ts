/**
 * The staff notice that a follow-up action falls due, job by job: its text
 * per action, the actions and rounds that get none, office hours (weekends
 * and quiet hours wait, a month-long closure does not), and how a refused or
 * already made post ends the job.
 */
import { describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import type { ActionInput } from '../../../src/core/follow-up/validate-follow-up.ts';
import { dueNoticeJobKey } from '../../../src/core/follow-up/overdue.ts';
import type { Committee } from '../../../src/core/model.ts';
import { addCalendarDays } from '../../../src/core/time.ts';
import { createTestApp, kst, runUntil, type TestApp } from '../../fakes/app-harness.ts';

const ROUND = '2024-1';
const TITLE = "'24년 제1차 지역상생발전위원회 서면자문";
const staff = { platform: 'local' as const, userId: 'staff-son' };

/** The seed round, opened and run until it is summarised (2024-02-16 10:00). */
async function closedRound(mutateCommittee?: (committee: Committee) => void) {
  const local = new LocalMessenger();
  const t = await createTestApp({ messengers: [local], ...(mutateCommittee ? { mutateCommittee } : {}) });
  await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
  await runUntil(t, kst('2024-02-16 10:00'));
  const notices = () =>
    local
      .messagesIn('staff')
      .map((m) => m.text)
      .filter((text) => text.startsWith('[조치 사항 기한 안내]'));
  return { t, local, notices };
}

const addAction = (t: TestApp, actionInput: ActionInput) =>
  t.app.runAsOperator({ verb: 'action', roundId: ROUND, actionOp: 'add', actionInput });

/** The due-notice job of action `number` for `dueDate`, as stored now. */
async function noticeJob(t: TestApp, number: number, dueDate: string, roundId = ROUND) {
  return (await t.store.listJobs(roundId)).find((j) => j.key === dueNoticeJobKey(roundId, number, dueDate));
}

const notice = (number: number, due: string, text: string) =>
  `[조치 사항 기한 안내] 「${TITLE}」 조치 사항 ${number}번의 기한이 ${due}입니다.\n${text}\n` +
  `완료되었으면 \`action ${ROUND} done ${number}\`로 표시하여 주시기 바랍니다.`;

describe('the due notice of an action', () => {
  it('GIVEN two open actions due the same day, one with a department THEN each gets its own notice naming its number, text and department, and both jobs are done', async () => {
    const { t, notices } = await closedRound();
    await addAction(t, { text: '가 조치', department: '대외협력과', due: '2024-03-29' });
    await addAction(t, { text: '나 조치', due: '2024-03-29' });
    await runUntil(t, kst('2024-03-29 09:01'));
    expect([...notices()].sort()).toEqual([
      notice(1, '2024. 3. 29.(금)', '가 조치\n담당: 대외협력과'),
      notice(2, '2024. 3. 29.(금)', '나 조치'),
    ]);
    expect(await noticeJob(t, 1, '2024-03-29')).toMatchObject({ state: 'done' });
    expect(await noticeJob(t, 2, '2024-03-29')).toMatchObject({ state: 'done' });
  });

  it('GIVEN an action whose due date is moved before its notice, and a notice queued for an action that does not exist THEN only the new date is told, the other two skipped saying why', async () => {
    const { t, notices } = await closedRound();
    await addAction(t, { text: '가 조치', due: '2024-03-29' });
    await t.app.runAsOperator({
      verb: 'action',
      roundId: ROUND,
      actionOp: 'edit',
      actionNumber: 1,
      actionInput: { due: '2024-04-03' },
    });
    await t.store.enqueueJobs([
      {
        key: dueNoticeJobKey(ROUND, 9, '2024-03-29'),
        kind: 'action_due',
        roundId: ROUND,
        dueAt: kst('2024-03-29 09:00'),
        payload: { number: 9, dueDate: '2024-03-29' },
      },
    ]);
    await runUntil(t, kst('2024-04-03 09:01'));
    expect(notices()).toEqual([notice(1, '2024. 4. 3.(수)', '가 조치')]);
    const skipped = { state: 'skipped', lastError: 'action closed or due date changed' };
    expect(await noticeJob(t, 1, '2024-03-29')).toMatchObject(skipped);
    expect(await noticeJob(t, 9, '2024-03-29')).toMatchObject(skipped);
  });

  it('GIVEN a notice of a round never stored, or of a round whose committee is no longer configured THEN it is skipped saying so', async () => {
    const { t } = await closedRound();
    await addAction(t, { text: '가 조치', due: '2024-03-29' });
    const payload = { number: 1, dueDate: '2024-03-29' };
    await t.store.enqueueJobs([
      {
        key: dueNoticeJobKey('gone', 1, '2024-03-29'),
        kind: 'action_due',
        roundId: 'gone',
        dueAt: t.clock.now(),
        payload,
      },
    ]);
    await t.app.runDueJobs();
    const gone = { state: 'skipped', lastError: 'round or committee gone' };
    expect(await noticeJob(t, 1, '2024-03-29', 'gone')).toMatchObject(gone);
    const local = new LocalMessenger();
    const moved = await createTestApp({
      messengers: [local],
      store: t.store,
      now: kst('2024-03-29 09:00'),
      mutateCommittee: (c) => void (c.id = 'another-committee'),
    });
    await moved.app.runDueJobs();
    expect(await noticeJob(t, 1, '2024-03-29')).toMatchObject(gone);
    expect(local.messagesIn('staff')).toEqual([]);
  });
});

describe('office hours', () => {
  it('GIVEN an action added on a Saturday, due that day, where members may be reminded on closed days THEN its notice waits for Monday 08:00, the end of quiet hours', async () => {
    const { t, notices } = await closedRound((c) => void (c.calendar.remindOnClosedDays = true));
    t.clock.set(kst('2024-03-30 10:00'));
    await addAction(t, { text: '가 조치', due: '2024-03-30' });
    await t.app.runDueJobs();
    expect(notices()).toEqual([]);
    expect(await noticeJob(t, 1, '2024-03-30')).toMatchObject({
      state: 'pending',
      dueAt: kst('2024-04-01 08:00'),
      lastError: 'outside office hours',
    });
    await runUntil(t, kst('2024-04-01 08:00'));
    expect(notices()).toEqual([notice(1, '2024. 3. 30.(토)', '가 조치')]);
  });

  it('GIVEN an action added on a Thursday at 22:00, due that day THEN its notice waits for Friday 08:00', async () => {
    const { t, notices } = await closedRound();
    t.clock.set(kst('2024-03-28 22:00'));
    await addAction(t, { text: '가 조치', due: '2024-03-28' });
    await runUntil(t, kst('2024-03-29 07:59'));
    expect(notices()).toEqual([]);
    await runUntil(t, kst('2024-03-29 08:00'));
    expect(notices()).toEqual([notice(1, '2024. 3. 28.(목)', '가 조치')]);
  });

  it('GIVEN the office closed for the 40 days from a Saturday THEN a notice due then does not wait past the month: it is posted at once', async () => {
    const closed = Array.from({ length: 40 }, (_, i) => addCalendarDays('2024-03-30', i));
    const { t, notices } = await closedRound((c) => void (c.calendar.extraClosedDays = closed));
    t.clock.set(kst('2024-03-30 10:00'));
    await addAction(t, { text: '가 조치', due: '2024-03-30' });
    await t.app.runDueJobs();
    expect(notices()).toEqual([notice(1, '2024. 3. 30.(토)', '가 조치')]);
    expect(await noticeJob(t, 1, '2024-03-30')).toMatchObject({ state: 'done' });
  });
});

describe('how the post ends the job', () => {
  it('GIVEN the staff channel refuses the notice THEN the job fails saying no staff channel took it', async () => {
    const { t, local, notices } = await closedRound();
    local.failFor('staff', { ok: false, permanent: true, reason: 'forbidden' });
    await addAction(t, { text: '가 조치', due: '2024-03-29' });
    await runUntil(t, kst('2024-03-29 09:01'));
    expect(notices()).toEqual([]);
    expect(await noticeJob(t, 1, '2024-03-29')).toMatchObject({
      state: 'failed',
      lastError: 'no staff channel took the notice',
    });
  });

  it('GIVEN the notice was already posted (its outbox entry sent) THEN it is not posted again and the job is done', async () => {
    const { t, notices } = await closedRound();
    const key = `${dueNoticeJobKey(ROUND, 1, '2024-03-29')}:local`;
    await t.store.claimOutbox(key, 'local', t.clock.now());
    await t.store.settleOutbox(key, { state: 'sent', channelId: 'staff', messageId: '1' }, t.clock.now());
    await addAction(t, { text: '가 조치', due: '2024-03-29' });
    await runUntil(t, kst('2024-03-29 09:01'));
    expect(notices()).toEqual([]);
    expect(await noticeJob(t, 1, '2024-03-29')).toMatchObject({ state: 'done' });
  });
});
