/**
 * Invitation jobs of a round with agenda materials: the files go with the
 * invitation, one part each; an upload that fails for now is retried alone
 * with the job's backoff; what cannot go (refused, failing to the end, or
 * unreadable) is told to staff in words, once.
 */
import { describe, expect, it } from 'vitest';
import { inviteJobKey } from '../../../src/core/app/schedule-round.ts';
import type { Material } from '../../../src/core/model.ts';
import { createTestApp, runUntil, type TestApp } from '../../fakes/app-harness.ts';
import { materialFile } from '../../fakes/materials.ts';
import { type Failure, PartsMessenger } from '../../fakes/parts-messenger.ts';

const ROUND = '2024-1';
const SECOND = 1000;
const overview = materialFile('overview.pdf', 300, 1);
const reference = materialFile('reference.pdf', 500, 2);
const moved: Material = { ...materialFile('moved.pdf', 200, 3).material, path: '/nowhere/moved.pdf' };
const rateLimited = { ok: false, permanent: false, reason: 'rate_limited' } as const;

async function openedWith(materials: Material[], failing: Record<string, Failure[]>) {
  const local = new PartsMessenger();
  for (const [upload, answers] of Object.entries(failing)) local.failing.set(upload, answers);
  const t = await createTestApp({ messengers: [local], mutateRound: (r) => void (r.materials = materials) });
  const opened = t.clock.now();
  await t.app.runAsOperator({ verb: 'open', roundId: ROUND });
  return { t, local, opened };
}

const kangJob = async (t: TestApp) =>
  (await t.store.listJobs(ROUND)).find((j) => j.key === inviteJobKey(ROUND, 'm-kang'));
const uploadsOf = (local: PartsMessenger, userId: string) =>
  local.uploads.filter((u) => u.startsWith(`${userId}:`)).map((u) => u.slice(userId.length + 1));
const staffTexts = (local: PartsMessenger) =>
  local
    .messagesIn('staff')
    .filter((m) => m.kind === 'text')
    .map((m) => m.text);
const materialsAudit = async (t: TestApp) =>
  (await t.store.listAudit(ROUND))
    .filter((e) => e.action === 'invite.materialsMissing')
    .map((e) => [e.memberId, e.detail]);

describe('an invitation with agenda files', () => {
  it('GIVEN two files WHEN the round opens THEN each member gets one invitation carrying both, each uploaded once, and staff hear of no missing file', async () => {
    const { t, local } = await openedWith([overview.material, reference.material], {});
    await t.app.runDueJobs();
    expect(local.uploads).toHaveLength(14);
    expect(uploadsOf(local, 'm-kang')).toEqual(['overview.pdf', 'reference.pdf']);
    expect(local.messagesIn('dm:m-kang').map((m) => [m.kind, m.files])).toEqual([
      ['invitation', ['overview.pdf', 'reference.pdf']],
    ]);
    expect(await kangJob(t)).toMatchObject({ state: 'done', attempts: 1 });
    expect(staffTexts(local)).toEqual([]);
    expect(await materialsAudit(t)).toEqual([]);
  });

  it('GIVEN one upload fails for now THEN the invitation is delivered at once, the job looks again 30 s later and uploads only that file; staff hear nothing', async () => {
    const { t, local, opened } = await openedWith([overview.material, reference.material], {
      'm-kang:reference.pdf': [rateLimited],
    });
    await t.app.runDueJobs();
    expect((await t.store.getInvitation(ROUND, 'm-kang'))?.deliveryState).toBe('delivered');
    expect(uploadsOf(local, 'm-kang')).toEqual(['overview.pdf', 'reference.pdf']);
    expect(await kangJob(t)).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: 'materials missing',
      dueAt: new Date(opened.getTime() + 30 * SECOND),
    });
    await runUntil(t, new Date(opened.getTime() + 30 * SECOND));
    expect(uploadsOf(local, 'm-kang')).toEqual(['overview.pdf', 'reference.pdf', 'reference.pdf']);
    expect(local.messagesIn('dm:m-kang')).toHaveLength(1);
    expect(await kangJob(t)).toMatchObject({ state: 'skipped', attempts: 2, lastError: 'already sent' });
    expect(staffTexts(local)).toEqual([]);
    expect(await materialsAudit(t)).toEqual([]);
  });

  it('GIVEN an upload refused THEN it is not tried again, the job is done, and staff are told once which file and why', async () => {
    const { t, local } = await openedWith([overview.material, reference.material], {
      'm-kang:reference.pdf': [{ ok: false, permanent: true, reason: 'forbidden' }],
    });
    await t.app.runDueJobs();
    await t.app.runDueJobs();
    expect(uploadsOf(local, 'm-kang')).toEqual(['overview.pdf', 'reference.pdf']);
    expect(await kangJob(t)).toMatchObject({ state: 'done', attempts: 1 });
    const [told, ...more] = staffTexts(local);
    expect(more).toEqual([]);
    expect(told).toContain('강도영 위원님께 안건 설명자료 일부를 보내지 못하였습니다');
    expect(told).toContain('• reference.pdf 파일을 첨부하지 못하였습니다: 권한 없음');
    expect(told).not.toContain('overview.pdf');
    expect(await materialsAudit(t)).toEqual([['m-kang', { files: ['reference.pdf'] }]]);
  });

  it('GIVEN an upload that fails for now every time THEN it is tried with each of the five attempts, and only after the last are staff told', async () => {
    const { t, local, opened } = await openedWith([overview.material, reference.material], {
      'm-kang:reference.pdf': Array(10).fill(rateLimited),
    });
    await runUntil(t, new Date(opened.getTime() + 449 * SECOND));
    expect(uploadsOf(local, 'm-kang').filter((f) => f === 'reference.pdf')).toHaveLength(4);
    expect(await kangJob(t)).toMatchObject({ state: 'pending', attempts: 4, lastError: 'materials missing' });
    expect(staffTexts(local)).toEqual([]);
    await runUntil(t, new Date(opened.getTime() + 3600 * SECOND));
    expect(uploadsOf(local, 'm-kang')).toEqual(['overview.pdf', ...Array(5).fill('reference.pdf')]);
    expect(await kangJob(t)).toMatchObject({ state: 'skipped', attempts: 5, lastError: 'already sent' });
    expect(staffTexts(local)).toHaveLength(1);
    expect(staffTexts(local)[0]).toContain('• reference.pdf 파일을 첨부하지 못하였습니다: 전송 한도 초과');
    expect(local.messagesIn('dm:m-kang')).toHaveLength(1);
  });
});

describe('an invitation with a file that can no longer be read', () => {
  it('GIVEN the only file moved away THEN the invitation goes without it at once, and staff are told it was unreadable', async () => {
    const { t, local } = await openedWith([moved], {});
    await t.app.runDueJobs();
    expect(local.messagesIn('dm:m-kang').map((m) => [m.kind, m.files])).toEqual([['invitation', []]]);
    expect(local.uploads).toEqual([]);
    expect(await kangJob(t)).toMatchObject({ state: 'done', attempts: 1 });
    expect(staffTexts(local)).toHaveLength(7);
    expect(staffTexts(local)[0]).toContain(
      '• moved.pdf 파일을 첨부하지 못하였습니다: 읽을 수 없음(자료 경로 확인 필요)',
    );
    expect((await materialsAudit(t)).find(([memberId]) => memberId === 'm-kang')).toEqual([
      'm-kang',
      { files: ['moved.pdf'] },
    ]);
  });

  it('GIVEN the only file moved away and the invitation recorded sent before a crash cut the job THEN it is not sent again, and staff are still told', async () => {
    const { t, local } = await openedWith([moved], {});
    const now = t.clock.now();
    await t.store.claimOutbox(inviteJobKey(ROUND, 'm-kang'), 'local', now);
    await t.store.settleOutbox(
      inviteJobKey(ROUND, 'm-kang'),
      { state: 'sent', channelId: 'dm:m-kang', messageId: '77' },
      now,
    );
    await t.app.runDueJobs();
    expect(local.messagesIn('dm:m-kang')).toEqual([]);
    expect(await t.store.getInvitation(ROUND, 'm-kang')).toMatchObject({
      deliveryState: 'delivered',
      messageRef: '77',
    });
    expect(await kangJob(t)).toMatchObject({ state: 'skipped', lastError: 'already sent' });
    expect(staffTexts(local).filter((text) => text.includes('강도영'))).toHaveLength(1);
  });

  it('GIVEN a file moved away and another whose upload fails for now THEN staff are told only after the retry, of the unreadable one alone', async () => {
    const { t, local, opened } = await openedWith([moved, reference.material], {
      'm-kang:reference.pdf': [rateLimited],
    });
    await t.app.runDueJobs();
    expect(staffTexts(local).filter((text) => text.includes('강도영'))).toEqual([]);
    expect(await kangJob(t)).toMatchObject({ state: 'pending', lastError: 'materials missing' });
    await runUntil(t, new Date(opened.getTime() + 30 * SECOND));
    const told = staffTexts(local).filter((text) => text.includes('강도영'));
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('moved.pdf');
    expect(told[0]).not.toContain('reference.pdf');
    expect(uploadsOf(local, 'm-kang')).toEqual(['reference.pdf', 'reference.pdf']);
  });
});
