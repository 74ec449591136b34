/**
 * Rosters in chat (issue 12), in the core: `/jamun members` with whether
 * each DM works, members added, changed and removed with the platform's
 * picker, stored over the committee file and audited, kept across a
 * restart and a reload; staff of the committee only.
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

async function app(store?: Store, options: { mutateCommittee?: (c: Committee) => void } = {}) {
  const messenger = new LocalMessenger();
  const t = await createTestApp({
    messengers: [messenger],
    ...(store ? { store } : {}),
    ...(options.mutateCommittee ? { mutateCommittee: options.mutateCommittee } : {}),
  });
  return { ...t, messenger };
}

describe('/jamun members', () => {
  it('GIVEN the seed committee before any round THEN every member is listed with role, zone and an untried DM', async () => {
    const t = await app();
    const reply = await t.app.runStaffCommand(staff, { verb: 'members', committeeId: COMMITTEE });
    expect(reply.error).toBeUndefined();
    expect(reply.ephemeral).toBe(true);
    const lines = reply.text.split('\n');
    expect(lines[0]).toBe('「지역상생발전위원회」 위원 명단: 7명(해촉 0명)');
    expect(lines[1]).toBe('1. 강도영 · 민간전문가 · Asia/Seoul · DM 미확인');
    expect(lines.at(-1)).toBe('위원 추가·변경과 해촉은 아래 버튼으로 하여 주시기 바랍니다.');
    expect(reply.roster?.members.map((m) => m.reach)).toEqual(Array(7).fill('unknown'));
  });

  it('GIVEN a round whose invitations went out, one DM closed THEN the roster says which DMs work and why one does not', async () => {
    const t = await app();
    t.messenger.failFor('m-kim');
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: '2024-1' });
    await t.app.runDueJobs();
    const reply = await t.app.runStaffCommand(staff, { verb: 'members' });
    const reach = Object.fromEntries(reply.roster?.members.map((m) => [m.member.id, m.reach]) ?? []);
    expect(reach).toMatchObject({ 'm-kang': 'works', 'm-kim': 'closed' });
    expect(reply.text).toContain('2. 김정환 · 민간전문가 · Asia/Seoul · DM 불가(DM 수신 차단 또는 서버 탈퇴)');
  });

  it('GIVEN a member with no account on a connected messenger THEN the roster says so', async () => {
    const t = await app(undefined, {
      mutateCommittee: (c) => {
        const first = c.members[0];
        if (first) first.platforms = { slack: 'U0MKANG001' };
      },
    });
    const view = await t.app.rosterView(staff, COMMITTEE);
    expect(view.ok && view.value.members[0]?.reach).toBe('none');
  });

  it('GIVEN someone who is not staff, or an unknown committee THEN refused privately and audited', async () => {
    const t = await app();
    const refused = await t.app.runStaffCommand(kang, { verb: 'members', committeeId: COMMITTEE });
    expect(refused.error?.code).toBe('STAFF.FORBIDDEN');
    expect(refused.ephemeral).toBe(true);
    expect(await t.app.rosterView(kang, COMMITTEE)).toEqual({
      ok: false,
      error: { code: 'STAFF.FORBIDDEN', params: {} },
    });
    const audit = (await t.store.listAudit()).filter((a) => a.action === 'staff.refused');
    expect(audit.map((a) => [a.actor, a.detail])).toEqual([
      ['local:m-kang', { verb: 'members' }],
      ['local:m-kang', { verb: 'members', committeeId: COMMITTEE }],
    ]);
    const unknown = await t.app.runStaffCommand(staff, { verb: 'members', committeeId: 'nope' });
    expect(unknown.error).toEqual({ code: 'DRAFT.UNKNOWN_COMMITTEE', params: { committeeId: 'nope' } });
  });
});

describe('adding, changing and removing members in chat', () => {
  it('GIVEN staff add a person with the picker THEN they are stored, audited, listed, and invited to the next round that opens', async () => {
    const t = await app();
    t.messenger.setProfile('new-lee', { person: true, name: '이신규', timeZone: 'Europe/Paris' });
    const added = await t.app.setMember(staff, COMMITTEE, { platform: 'local', userId: 'new-lee', role: '위원장' });
    expect(added).toEqual({
      ok: true,
      value: {
        text: '이신규 위원을 「지역상생발전위원회」에 등록하였습니다(위원장, Europe/Paris). 다음에 시작하는 회차부터 안내됩니다.',
        member: {
          id: 'local-new-lee',
          name: '이신규',
          platforms: { local: 'new-lee' },
          active: true,
          role: '위원장',
          timeZone: 'Europe/Paris',
        },
        locale: 'ko',
      },
    });
    const [entry] = await t.store.listRosterEntries(COMMITTEE);
    expect(entry).toMatchObject({ fileBase: null, createdBy: 'local:staff-son', createdAt: t.clock.now() });
    const audit = (await t.store.listAudit()).filter((a) => a.action.startsWith('roster.'));
    expect(audit).toEqual([
      {
        at: t.clock.now(),
        actor: 'local:staff-son',
        action: 'roster.member.added',
        memberId: 'local-new-lee',
        detail: { committeeId: COMMITTEE, before: null, after: entry?.member },
      },
    ]);
    const listed = await t.app.runStaffCommand(staff, { verb: 'members', committeeId: COMMITTEE });
    expect(listed.text).toContain('8. 이신규 · 위원장 · Europe/Paris · DM 미확인 (대화에서 변경)');

    await t.app.runStaffCommand(staff, { verb: 'open', roundId: '2024-1' });
    await t.app.runDueJobs();
    expect((await t.store.getInvitation('2024-1', 'local-new-lee'))?.deliveryState).toBe('delivered');
    expect(t.messenger.messagesIn('dm:new-lee').map((m) => m.kind)).toEqual(['invitation']);
  });

  it('GIVEN a person added while a round runs THEN they are not invited to it, and the reply says so', async () => {
    const t = await app();
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: '2024-1' });
    const added = await t.app.setMember(staff, COMMITTEE, { platform: 'local', userId: 'new-lee', name: '이신규' });
    expect(added.ok && added.value.text.split('\n')[1]).toBe(
      "진행 중인 회차('24년 제1차 지역상생발전위원회 서면자문)에는 초대되지 않습니다.",
    );
    await t.app.runDueJobs();
    expect(await t.store.getInvitation('2024-1', 'local-new-lee')).toBeNull();
  });

  it('GIVEN what staff leave blank THEN the profile name and the committee zone are used; without a name it is asked for', async () => {
    const t = await app();
    t.messenger.setProfile('named', { person: true, name: '  박프로필 ' });
    const named = await t.app.setMember(staff, COMMITTEE, { platform: 'local', userId: 'named', name: ' ', role: '' });
    expect(named.ok && named.value.member).toEqual({
      id: 'local-named',
      name: '박프로필',
      platforms: { local: 'named' },
      active: true,
    });
    expect(named.ok && named.value.text).toContain('(역할 미지정, Asia/Seoul)');
    const nameless = await t.app.setMember(staff, COMMITTEE, { platform: 'local', userId: 'nameless' });
    expect(nameless).toEqual({ ok: false, error: { code: 'ROSTER.NAME_REQUIRED', params: {} } });
  });

  it('GIVEN a bot, an unknown user, a bad zone or a long name THEN refused and nothing stored', async () => {
    const t = await app();
    t.messenger.setProfile('bot', { person: false, name: 'Bot' });
    t.messenger.setProfile('ghost', null);
    const input = { platform: 'local' as const, name: '이름' };
    expect(await t.app.setMember(staff, COMMITTEE, { ...input, userId: 'bot' })).toEqual({
      ok: false,
      error: { code: 'ROSTER.NOT_A_PERSON', params: {} },
    });
    expect(await t.app.setMember(staff, COMMITTEE, { ...input, userId: 'ghost' })).toEqual({
      ok: false,
      error: { code: 'ROSTER.USER_NOT_FOUND', params: {} },
    });
    expect(await t.app.setMember(staff, COMMITTEE, { ...input, userId: 'x', timeZone: 'Seoul' })).toEqual({
      ok: false,
      error: { code: 'ROSTER.TIME_ZONE', params: { value: 'Seoul' } },
    });
    expect(await t.app.setMember(staff, COMMITTEE, { ...input, userId: 'x', name: '가'.repeat(101) })).toEqual({
      ok: false,
      error: { code: 'ROSTER.TOO_LONG', params: { field: '성명', max: 100 } },
    });
    expect(await t.app.setMember(staff, COMMITTEE, { ...input, userId: 'x', role: 'r'.repeat(51) })).toEqual({
      ok: false,
      error: { code: 'ROSTER.TOO_LONG', params: { field: '역할', max: 50 } },
    });
    expect(await t.store.listRosterEntries()).toEqual([]);
  });

  it('GIVEN a file member picked THEN only what staff typed changes; the same again changes nothing', async () => {
    const t = await app();
    const changed = await t.app.setMember(staff, COMMITTEE, { ...kang, role: '위원장', timeZone: 'Asia/Tokyo' });
    expect(changed.ok && changed.value.text).toBe('강도영 위원의 정보를 변경하였습니다(위원장, Asia/Tokyo).');
    expect(changed.ok && changed.value.member).toMatchObject({ id: 'm-kang', name: '강도영', role: '위원장' });
    const [entry] = await t.store.listRosterEntries(COMMITTEE);
    expect(entry?.fileBase).toMatchObject({ id: 'm-kang', role: '민간전문가' });
    const again = await t.app.setMember(staff, COMMITTEE, { ...kang, role: '위원장' });
    expect(again.ok && again.value.text).toBe('강도영 위원의 정보에 바뀐 것이 없습니다.');
    const audit = (await t.store.listAudit()).filter((a) => a.action.startsWith('roster.'));
    expect(audit.map((a) => a.action)).toEqual(['roster.member.changed']);
    expect(audit[0]?.detail).toMatchObject({ before: { role: '민간전문가' }, after: { role: '위원장' } });
  });

  it('GIVEN a member removed while a round runs THEN they leave it as today (kept, not reminded), and can be appointed again', async () => {
    const t = await app();
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: '2024-1' });
    await t.app.runDueJobs();
    const removed = await t.app.removeMember(staff, COMMITTEE, kang);
    expect(removed.ok && removed.value.text).toBe(
      '강도영 위원을 해촉하였습니다. 새 회차에 초대되지 않습니다.\n진행 중인 회차 1건에서 제외하였습니다. 더 이상 재안내되지 않으며, 제출한 답변은 기록으로 남습니다.',
    );
    expect((await t.store.getInvitation('2024-1', 'm-kang'))?.removedAt).toEqual(t.clock.now());
    const audit = (await t.store.listAudit()).map((a) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['roster.member.removed', 'member.removed']));
    const twice = await t.app.removeMember(staff, COMMITTEE, kang);
    expect(twice.ok && twice.value.text).toBe('강도영 위원은 이미 해촉되어 있습니다.');
    const listed = await t.app.runStaffCommand(staff, { verb: 'members' });
    expect(listed.text).toContain('1. 강도영 · 민간전문가 · 해촉 (대화에서 변경)');
    const back = await t.app.setMember(staff, COMMITTEE, kang);
    expect(back.ok && back.value.text).toBe('강도영 위원을 다시 위촉하였습니다. 다음에 시작하는 회차부터 안내됩니다.');
    expect(await t.app.removeMember(staff, COMMITTEE, { platform: 'local', userId: 'stranger' })).toEqual({
      ok: false,
      error: { code: 'ROSTER.NOT_A_MEMBER', params: {} },
    });
  });

  it('GIVEN a member added, then a restart on the same database THEN the new app has them once it starts', async () => {
    const store = createMemoryStore();
    const first = await app(store);
    await first.app.setMember(staff, COMMITTEE, { platform: 'local', userId: 'new-lee', name: '이신규' });
    const second = await app(store);
    await second.app.reconcileMembership();
    expect(await second.app.localeOf({ platform: 'local', userId: 'new-lee' })).toBe('ko');
    const view = await second.app.rosterView(staff, COMMITTEE);
    expect(view.ok && view.value.members.map((m) => m.member.name).at(-1)).toBe('이신규');
  });

  it('GIVEN a member added and a round opened on one instance WHEN another instance (started before) runs the jobs THEN the new member is invited', async () => {
    const store = createMemoryStore();
    const standby = await app(store);
    const leader = await app(store);
    await leader.app.setMember(staff, COMMITTEE, { platform: 'local', userId: 'new-lee', name: '이신규' });
    await leader.app.runStaffCommand(staff, { verb: 'open', roundId: '2024-1' });
    await standby.app.runDueJobs();
    expect((await store.getInvitation('2024-1', 'local-new-lee'))?.deliveryState).toBe('delivered');
    expect(standby.messenger.messagesIn('dm:new-lee').map((m) => m.kind)).toEqual(['invitation']);
  });

  it('GIVEN a chat change and then the file edited for the same member THEN a reload keeps the chat change and the roster reports the conflict', async () => {
    const t = await app();
    await t.app.removeMember(staff, COMMITTEE, kang);
    const edited = seedConfig();
    const kangInFile = edited.committees[0]?.members[0];
    if (kangInFile) kangInFile.name = '강도영(파일)';
    const conflict =
      '위원 강도영: 위원회 파일도 고쳐졌으나 대화에서 변경한 내용이 쓰입니다. 파일을 맞추어 주시기 바랍니다.';
    // `config check` shows it before anything is applied; the reload report after.
    expect(await t.app.configDifferences(edited)).toEqual([
      '위원 명단: 위원회 파일과 대화에서의 변경이 겹칩니다.',
      conflict,
    ]);
    expect(await t.app.configDifferences(seedConfig())).toEqual([]);
    const report = await t.app.applyConfig(edited, 'cli');
    expect(report.split('\n').slice(-2)).toEqual(['위원 명단: 위원회 파일과 대화에서의 변경이 겹칩니다.', conflict]);
    const view = await t.app.rosterView(staff, COMMITTEE);
    expect(view.ok && view.value.members[0]?.member).toMatchObject({ name: '강도영', active: false });
    expect(view.ok && view.value.conflicts).toEqual([conflict]);
  });
});
