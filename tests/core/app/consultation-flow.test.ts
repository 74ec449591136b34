/**
 * The seed round end to end through the core and the local messenger.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import type { Actor } from '../../../src/core/model.ts';
import { createTestApp, kst, runUntil, type TestApp } from '../../fakes/app-harness.ts';

const staff: Actor = { platform: 'local', userId: 'staff-son' };
const member = (userId: string): Actor => ({ platform: 'local', userId });

describe('a consultation round on the local messenger', () => {
  let t: TestApp;
  let local: LocalMessenger;
  let memberIds: string[];

  beforeEach(async () => {
    local = new LocalMessenger();
    t = await createTestApp({ messengers: [local] });
    memberIds = t.committees[0]!.members.map((m) => m.platforms.local!);
  });

  it('GIVEN the seed round WHEN staff open it THEN every member gets an invitation and staff see one progress message at 7/7', async () => {
    const reply = await t.app.runStaffCommand(staff, { verb: 'open', roundId: '2024-1' });
    expect(reply.text).toContain('7');
    await t.app.runDueJobs();
    for (const id of memberIds) {
      const dms = local.messagesIn(local.dmChannelOf(id));
      expect(dms).toHaveLength(1);
      expect(dms[0]!.text).toContain("'24년 제1차");
      expect(dms[0]!.text).toContain('2024. 2. 15.(목) 18:00');
    }
    const progress = local.messagesIn('staff').filter((m) => m.kind === 'progress');
    expect(progress).toHaveLength(1);
    expect(progress[0]!.text).toContain('7/7');
    // Written once for the batch of seven, not edited after every invitation.
    expect(progress[0]!.edits).toBe(0);
  });

  it('GIVEN an open round WHEN a member saves a draft, submits and edits THEN answers are stored with revisions and a receipt is sent each time', async () => {
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: '2024-1' });
    await t.app.runDueJobs();
    const kang = member(memberIds[0]!);
    const draft = await t.app.saveDraft(kang, '2024-1', [{ questionId: '1.1', value: '홍보 체계 마련' }]);
    expect(draft.ok).toBe(true);
    const all = t.rounds[0]!.agenda.flatMap((i) => i.questions).map((q) => ({
      questionId: q.id,
      value: `의견 ${q.id}`,
    }));
    const submitted = await t.app.submit(kang, '2024-1', all);
    expect(submitted.ok).toBe(true);
    const edited = await t.app.submit(kang, '2024-1', [{ questionId: '1.1', value: '수정한 의견' }]);
    expect(edited.ok).toBe(true);
    await t.app.runDueJobs();
    const receipts = local.messagesIn(local.dmChannelOf(memberIds[0]!)).filter((m) => m.kind === 'receipt');
    expect(receipts).toHaveLength(2);
    expect(receipts[1]!.text).toContain('수정한 의견');
    const memberId = t.committees[0]!.members[0]!.id;
    const revisions = await t.store.listRevisions('2024-1', memberId, '1.1');
    expect(revisions.map((r) => r.revision)).toEqual([1, 2, 3]);
    const answers = await t.store.listAnswers('2024-1', memberId);
    expect(answers.every((a) => a.status === 'submitted')).toBe(true);
  });

  it('GIVEN the seed round WHEN it runs to its deadline THEN reminders go only to non-submitters on business days at decent hours and the summary shows 6/7 and 600,000', async () => {
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: '2024-1' });
    await runUntil(t, kst('2024-02-08 10:00'));
    const questions = t.rounds[0]!.agenda.flatMap((i) => i.questions);
    for (const id of memberIds.slice(0, 6)) {
      const r = await t.app.submit(
        member(id),
        '2024-1',
        questions.map((q) => ({ questionId: q.id, value: `${id}의 의견 ${q.id}` })),
      );
      expect(r.ok).toBe(true);
    }
    await runUntil(t, kst('2024-02-16 09:00'));
    const laggard = local.messagesIn(local.dmChannelOf(memberIds[6]!));
    const reminders = laggard.filter((m) => m.kind === 'reminder');
    expect(reminders.length).toBe(3);
    for (const id of memberIds.slice(0, 6)) {
      expect(local.messagesIn(local.dmChannelOf(id)).filter((m) => m.kind === 'reminder')).toHaveLength(0);
    }
    const summary = local.messagesIn('staff').find((m) => m.kind === 'summary');
    expect(summary?.text).toContain('6');
    expect(summary?.text).toContain('600,000');
    expect(summary?.text).toContain('최예술');
    expect(summary?.files).toEqual(['jamun-2024-1.md', 'jamun-2024-1.csv']);
    const round = await t.store.getRound('2024-1');
    expect(round?.status).toBe('summarised');
  });
});
