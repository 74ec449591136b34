/**
 * The staff progress post of the invitations: refreshed when an invitation
 * ends in any way (delivered, refused, exhausted, uncertain, no platform),
 * and during a long fan-out at most once per interval of real time, then
 * once more when the queue is empty.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocalMessenger, type LocalMessage } from '../../../src/adapters/local/local-messenger.ts';
import { createTestApp, localMembers, runUntil } from '../../fakes/app-harness.ts';

const ROUND = '2024-1';
const SECOND = 1000;
const staff = { platform: 'local' as const, userId: 'staff-son' };
const OTHER = 'host:1:other';
const rateLimited = { ok: false, permanent: false, reason: 'rate_limited' } as const;

/** The one progress post in the staff channel, as it reads now. */
const progressOf = (local: LocalMessenger) => {
  const posts = local.messagesIn('staff').filter((m) => m.kind === 'progress');
  expect(posts).toHaveLength(1);
  return posts[0]?.text ?? '';
};

describe('the progress post after an invitation ends on its own', () => {
  it('GIVEN the others delivered and one member rate limited to the end THEN the post is edited to name them once the fifth try failed', async () => {
    const local = new LocalMessenger();
    local.failFor('m-kim', rateLimited);
    const t = await createTestApp({ messengers: [local] });
    const opened = t.clock.now();
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
    await runUntil(t, new Date(opened.getTime() + 449 * SECOND));
    expect(progressOf(local)).toContain('6/7');
    expect(progressOf(local)).not.toContain('김정환');
    await runUntil(t, new Date(opened.getTime() + 450 * SECOND));
    expect(progressOf(local)).toContain('발송 완료: 6/7');
    expect(progressOf(local)).toContain('- 여러 차례 다시 보냈으나 전달 실패: 김정환');
  });

  it('GIVEN the others delivered and one send held by a process that is then gone THEN the post is edited to name the member as uncertain', async () => {
    let gone = false;
    const local = new LocalMessenger();
    local.canSettle = false;
    const t = await createTestApp({
      messengers: [local],
      claimants: { self: 'host:2:new', isGone: (c) => gone && c === OTHER },
    });
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
    const now = t.clock.now();
    await t.store.claimOutbox('invite:2024-1:m-kang', 'local', now, {
      claimant: OTHER,
      leaseUntil: new Date(now.getTime() + 600 * SECOND),
    });
    await t.app.runDueJobs();
    expect(progressOf(local)).not.toContain('강도영');
    gone = true;
    await runUntil(t, new Date(now.getTime() + 60 * SECOND));
    expect(progressOf(local)).toContain('- 발송 중 중단되어 도착 여부 불확실(위원께 확인 필요): 강도영');
  });

  it('GIVEN a refused member who then loses their platform WHEN staff resend THEN the post is edited to the new reason', async () => {
    const local = new LocalMessenger();
    local.failFor('m-kim');
    const t = await createTestApp({ messengers: [local] });
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
    await t.app.runDueJobs();
    expect(progressOf(local)).toContain('- DM 수신 차단 또는 서버 탈퇴: 김정환');
    const kim = t.committees[0]?.members.find((m) => m.id === 'm-kim');
    if (kim) kim.platforms = { discord: '100000000000000102' };
    await t.app.runStaffCommand(staff, { verb: 'resend', roundId: ROUND, member: 'm-kim' });
    await t.app.runDueJobs();
    expect(progressOf(local)).toContain('- 연결된 메신저 계정 없음: 김정환');
  });
});

describe('the progress post during a long fan-out', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('GIVEN 130 members and no real time passing between claims THEN the post is made once mid-way and edited once at the end, to 130/130; a run with nothing to do leaves it alone', async () => {
    // Real time (not the app's clock) paces these updates: hold it still.
    vi.spyOn(performance, 'now').mockReturnValue(10_000);
    const local = new LocalMessenger();
    const seen: string[] = [];
    local.onMessage = (m: LocalMessage) => {
      if (m.kind === 'progress') seen.push(`${m.edits}:${m.text.split('\n')[0]}`);
    };
    const t = await createTestApp({
      messengers: [local],
      mutateCommittee: localMembers(130),
    });
    await t.app.runAsOperator({ verb: 'open', roundId: ROUND });
    await t.app.runDueJobs();
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatch(/^0:.* 발송 중: \d+\/130명 전달$/);
    expect(seen[0]).not.toContain('130/130');
    expect(seen[1]).toMatch(/^1:.* 발송 완료: 130\/130명 전달$/);
    await t.app.runDueJobs();
    expect(seen).toHaveLength(2);
  });
});
