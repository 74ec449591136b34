/**
 * `/jamun members` in detail (issue 12): the view's every field, which
 * invitations tell whether a DM works, the header's counts, members without
 * a role, the operator at the CLI, and a roster changed by another instance.
 */
import { describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import { createMemoryStore } from '../../../src/adapters/memory/memory-store.ts';
import type { Committee } from '../../../src/core/model.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import { createTestApp, seedConfig } from '../../fakes/app-harness.ts';

const COMMITTEE = 'regional-coprosperity';
const staff = { platform: 'local' as const, userId: 'staff-son' };
const kang = { platform: 'local' as const, userId: 'm-kang' };

async function app(store?: Store, mutateCommittee?: (c: Committee) => void) {
  const messenger = new LocalMessenger();
  const t = await createTestApp({
    messengers: [messenger],
    ...(store ? { store } : {}),
    ...(mutateCommittee ? { mutateCommittee } : {}),
  });
  return { ...t, messenger };
}

async function reachById(t: Awaited<ReturnType<typeof app>>) {
  const view = await t.app.rosterView(staff, COMMITTEE);
  if (!view.ok) throw new Error(`refused: ${view.error.code}`);
  return Object.fromEntries(view.value.members.map((m) => [m.member.id, m.reach]));
}

describe('the roster view', () => {
  it('GIVEN the seed committee THEN the view names the committee, its language and zone, and each member as the file has them', async () => {
    const t = await app();
    const view = await t.app.rosterView(staff);
    if (!view.ok) throw new Error('refused');
    expect(view.value).toMatchObject({
      committeeId: COMMITTEE,
      committeeName: '지역상생발전위원회',
      locale: 'ko',
      timeZone: 'Asia/Seoul',
      conflicts: [],
    });
    expect(view.value.members[0]).toEqual({
      member: t.committees[0]?.members[0],
      timeZone: 'Asia/Seoul',
      reach: 'unknown',
      fromChat: false,
    });
  });

  it('GIVEN a DM that works and one closed THEN only the closed one carries a reason', async () => {
    const t = await app();
    t.messenger.failFor('m-kim');
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: '2024-1' });
    await t.app.runDueJobs();
    const view = await t.app.rosterView(staff, COMMITTEE);
    if (!view.ok) throw new Error('refused');
    const [first, second] = view.value.members;
    expect(first).toStrictEqual({
      member: t.committees[0]?.members[0],
      timeZone: 'Asia/Seoul',
      reach: 'works',
      fromChat: false,
    });
    expect(second?.reachReason).toBe('DM 수신 차단 또는 서버 탈퇴');
  });

  it('GIVEN invitations not sent yet THEN no DM is judged; a send that may or may not have landed tells nothing either', async () => {
    const t = await app();
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: '2024-1' });
    expect(Object.values(await reachById(t))).toEqual(Array(7).fill('unknown'));
    await t.app.runDueJobs();
    await t.store.updateInvitation('2024-1', 'm-kim', { deliveryState: 'failed', failureReason: 'uncertain' });
    expect(await reachById(t)).toMatchObject({ 'm-kang': 'works', 'm-kim': 'unknown' });
  });

  it("GIVEN a failed invitation of another committee's round, or of a draft round THEN it says nothing of this roster", async () => {
    const t = await app();
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: '2024-1' });
    await t.app.runDueJobs();
    const opened = await t.store.getRound('2024-1');
    if (!opened) throw new Error('not opened');
    const later = new Date(opened.opensAt.getTime() + 86_400_000);
    for (const [id, committeeId, status] of [
      ['elsewhere', 'other', 'open'],
      ['drafted', COMMITTEE, 'draft'],
    ] as const) {
      await t.store.createRound({ ...opened, id, committeeId, status, opensAt: later });
      await t.store.createInvitations([
        { roundId: id, memberId: 'm-kang', deliveryState: 'failed', failureReason: 'dm_closed', late: false },
      ]);
    }
    expect((await reachById(t))['m-kang']).toBe('works');
  });
});

describe('the latest round decides', () => {
  it('GIVEN an earlier round whose DM failed and a later one whose DM failed THEN the latest outcome of each member counts', async () => {
    const t = await app();
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: '2024-1' });
    await t.app.runDueJobs();
    const opened = await t.store.getRound('2024-1');
    if (!opened) throw new Error('not opened');
    const day = 86_400_000;
    for (const [id, shift, memberId] of [
      ['later', day, 'm-kang'],
      ['earlier', -day, 'm-kim'],
    ] as const) {
      await t.store.createRound({ ...opened, id, opensAt: new Date(opened.opensAt.getTime() + shift) });
      await t.store.createInvitations([
        { roundId: id, memberId, deliveryState: 'failed', failureReason: 'dm_closed', late: false },
      ]);
    }
    expect(await reachById(t)).toMatchObject({ 'm-kang': 'closed', 'm-kim': 'works' });
  });
});

describe('the roster as text', () => {
  it('GIVEN a member removed and one without a role THEN the header counts both kinds and the line says no role', async () => {
    const t = await app(undefined, (c) => {
      const second = c.members[1];
      if (second) delete second.role;
    });
    await t.app.removeMember(staff, COMMITTEE, kang);
    const reply = await t.app.runStaffCommand(staff, { verb: 'members', committeeId: COMMITTEE });
    const lines = reply.text.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '「지역상생발전위원회」 위원 명단: 6명(해촉 1명)',
      '1. 강도영 · 민간전문가 · 해촉 (대화에서 변경)',
      '2. 김정환 · 역할 미지정 · Asia/Seoul · DM 미확인',
    ]);
  });

  it('GIVEN the operator at the CLI names no committee THEN the only committee is listed, without a refusal', async () => {
    const t = await app();
    const reply = await t.app.runAsOperator({ verb: 'members' });
    expect(reply.error).toBeUndefined();
    expect((await t.app.runAsOperator({ verb: 'members', committeeId: COMMITTEE })).text).toBe(reply.text);
    expect(reply.roster?.committeeId).toBe(COMMITTEE);
    expect(reply.text.split('\n')[0]).toBe('「지역상생발전위원회」 위원 명단: 7명(해촉 0명)');
    expect((await t.store.listAudit()).filter((a) => a.action === 'staff.refused')).toEqual([]);
  });

  it('GIVEN someone who is not staff, naming a committee or not THEN refused, audited at the time it happened', async () => {
    const t = await app();
    await t.app.rosterView(kang, COMMITTEE);
    expect(await t.app.rosterView(kang)).toEqual({ ok: false, error: { code: 'STAFF.FORBIDDEN', params: {} } });
    expect((await t.store.listAudit()).map((a) => [a.at, a.action, a.detail])).toEqual([
      [t.clock.now(), 'staff.refused', { verb: 'members', committeeId: COMMITTEE }],
      [t.clock.now(), 'staff.refused', { verb: 'members' }],
    ]);
  });
});

describe('committee ids and conflicts', () => {
  it('GIVEN a Korean committee id typed in decomposed form (as some keyboards send it) THEN it names the committee', async () => {
    const t = await app(undefined, (c) => {
      c.id = '지역상생';
    });
    const view = await t.app.rosterView(staff, '지역상생'.normalize('NFD'));
    expect(view.ok && view.value.committeeId).toBe('지역상생');
  });

  it('GIVEN the file gives a new member the account of one added in chat THEN config check, the reload and the roster name the file member left out', async () => {
    const t = await app();
    await t.app.setMember(staff, COMMITTEE, { platform: 'local', userId: 'new-lee', name: '이신규' });
    const edited = seedConfig();
    edited.committees[0]?.members.push({ id: 'm-lee', name: '이파일', platforms: { local: 'new-lee' }, active: true });
    const conflict = '위원회 파일의 위원 이파일은 대화에서 등록한 위원 이신규와 같은 메신저 계정이어서 제외하였습니다.';
    expect((await t.app.configDifferences(edited)).slice(-1)).toEqual([conflict]);
    expect((await t.app.applyConfig(edited, 'cli')).split('\n').slice(-1)).toEqual([conflict]);
    const view = await t.app.rosterView(staff, COMMITTEE);
    expect(view.ok && view.value.conflicts).toEqual([conflict]);
  });
});

describe('conflicts of two committees', () => {
  it("GIVEN a conflict in the seed committee THEN another committee's roster does not show it", async () => {
    const store = createMemoryStore();
    await (await app(store)).app.removeMember(staff, COMMITTEE, kang);
    const t = await createTestApp({
      messengers: [new LocalMessenger()],
      store,
      mutateCommittee: (c) => {
        const first = c.members[0];
        if (first) first.name = '강도영(파일)';
      },
      extraCommittees: (seed) => [{ ...structuredClone(seed), id: 'other', name: '다른위원회' }],
    });
    const seedView = await t.app.rosterView(staff, COMMITTEE);
    expect(seedView.ok && seedView.value.conflicts).toHaveLength(1);
    const otherView = await t.app.rosterView(staff, 'other');
    expect(otherView.ok && otherView.value.conflicts).toEqual([]);
  });
});

describe('a roster changed by another instance', () => {
  it('GIVEN a member added on one instance THEN another instance lists them, changes them and removes them', async () => {
    const store = createMemoryStore();
    const other = await app(store);
    const here = await app(store);
    await here.app.rosterView(staff, COMMITTEE);
    await other.app.setMember(staff, COMMITTEE, { platform: 'local', userId: 'new-lee', name: '이신규' });
    const view = await here.app.rosterView(staff, COMMITTEE);
    expect(view.ok && view.value.members.map((m) => m.member.id).at(-1)).toBe('local-new-lee');

    await other.app.setMember(staff, COMMITTEE, { platform: 'local', userId: 'new-kim', name: '김신규' });
    const changed = await here.app.setMember(staff, COMMITTEE, { platform: 'local', userId: 'new-kim', role: '위원' });
    expect(changed.ok && changed.value.member.id).toBe('local-new-kim');
    expect(changed.ok && changed.value.text).toBe('김신규 위원의 정보를 변경하였습니다(위원, Asia/Seoul).');

    await other.app.setMember(staff, COMMITTEE, { platform: 'local', userId: 'new-oh', name: '오신규' });
    const removed = await here.app.removeMember(staff, COMMITTEE, { platform: 'local', userId: 'new-oh' });
    expect(removed.ok && removed.value.text).toBe('오신규 위원을 해촉하였습니다. 새 회차에 초대되지 않습니다.');
  });
});
