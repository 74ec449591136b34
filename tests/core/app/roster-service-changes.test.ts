/**
 * Members added, changed and removed in chat (issue 12), at their edges:
 * the length limits at the boundary, what is trimmed and clipped, what the
 * profile gives and what staff typed overrides, the member ids made, the
 * open rounds named, and what is stored and audited.
 */
import { describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import type { RosterChange } from '../../../src/core/app/roster-api.ts';
import type { Result } from '../../../src/core/errors.ts';
import type { Committee, Member } from '../../../src/core/model.ts';
import { createTestApp } from '../../fakes/app-harness.ts';

const COMMITTEE = 'regional-coprosperity';
const staff = { platform: 'local' as const, userId: 'staff-son' };
const kang = { platform: 'local' as const, userId: 'm-kang' };

async function app(mutateCommittee?: (c: Committee) => void) {
  const messenger = new LocalMessenger();
  const t = await createTestApp({ messengers: [messenger], ...(mutateCommittee ? { mutateCommittee } : {}) });
  return { ...t, messenger };
}

function memberOf(result: Result<RosterChange>): Member {
  if (!result.ok) throw new Error(`refused: ${result.error.code}`);
  return result.value.member;
}

describe('what staff type', () => {
  it('GIVEN a name of 100 characters and a role of 50 THEN both are taken as they are', async () => {
    const t = await app();
    const added = await t.app.setMember(staff, COMMITTEE, {
      platform: 'local',
      userId: 'long',
      name: '가'.repeat(100),
      role: 'r'.repeat(50),
    });
    expect(memberOf(added)).toMatchObject({ name: '가'.repeat(100), role: 'r'.repeat(50) });
  });

  it('GIVEN spaces around the name, role and zone THEN they are trimmed before storing', async () => {
    const t = await app();
    const added = await t.app.setMember(staff, COMMITTEE, {
      platform: 'local',
      userId: 'spaced',
      name: ' 이공백 ',
      role: ' 위원 ',
      timeZone: ' Asia/Tokyo ',
    });
    expect(memberOf(added)).toEqual({
      id: 'local-spaced',
      name: '이공백',
      platforms: { local: 'spaced' },
      active: true,
      role: '위원',
      timeZone: 'Asia/Tokyo',
    });
  });

  it('GIVEN a long unknown zone THEN the refusal quotes it clipped', async () => {
    const t = await app();
    const refused = await t.app.setMember(staff, COMMITTEE, { ...kang, timeZone: `Asia/${'x'.repeat(60)}` });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'ROSTER.TIME_ZONE', params: { value: `Asia/${'x'.repeat(34)}…` } },
    });
  });

  it('GIVEN a file member given only a new name, or only a new zone THEN only that changes', async () => {
    const t = await app();
    const renamed = await t.app.setMember(staff, COMMITTEE, { ...kang, name: '강도영(개명)' });
    expect(memberOf(renamed)).toEqual({ ...t.committees[0]?.members[0], name: '강도영(개명)' });
    const moved = await t.app.setMember(staff, COMMITTEE, { ...kang, timeZone: 'Europe/Paris' });
    expect(memberOf(moved)).toEqual({ ...t.committees[0]?.members[0], name: '강도영(개명)', timeZone: 'Europe/Paris' });
    expect(moved.ok && moved.value.text).toBe('강도영(개명) 위원의 정보를 변경하였습니다(민간전문가, Europe/Paris).');
  });
});

describe('what the profile gives', () => {
  it('GIVEN a platform with no messenger connected THEN the typed name is used, and without one it is asked for', async () => {
    const t = await app();
    const added = await t.app.setMember(staff, COMMITTEE, { platform: 'slack', userId: 'U0NEW', name: '슬랙위원' });
    expect(memberOf(added)).toEqual({
      id: 'slack-U0NEW',
      name: '슬랙위원',
      platforms: { slack: 'U0NEW' },
      active: true,
    });
    expect(await t.app.setMember(staff, COMMITTEE, { platform: 'slack', userId: 'U0NONAME' })).toEqual({
      ok: false,
      error: { code: 'ROSTER.NAME_REQUIRED', params: {} },
    });
  });

  it('GIVEN a messenger that cannot look people up THEN the typed name is used as well', async () => {
    const messenger = new LocalMessenger();
    // The port lets a messenger have no profiles at all.
    Object.defineProperty(messenger, 'profileOf', { value: undefined });
    const t = await createTestApp({ messengers: [messenger] });
    const added = await t.app.setMember(staff, COMMITTEE, { platform: 'local', userId: 'plain', name: '보통' });
    expect(memberOf(added)).toEqual({ id: 'local-plain', name: '보통', platforms: { local: 'plain' }, active: true });
  });

  it('GIVEN a profile name over 100 characters THEN it is clipped to 100', async () => {
    const t = await app();
    t.messenger.setProfile('wordy', { person: true, name: '가'.repeat(120) });
    const added = await t.app.setMember(staff, COMMITTEE, { platform: 'local', userId: 'wordy' });
    expect(memberOf(added)).toMatchObject({ name: `${'가'.repeat(99)}…` });
  });

  it("GIVEN a profile zone THEN an unknown one is ignored, and the zone staff typed wins over the profile's", async () => {
    const t = await app();
    t.messenger.setProfile('odd', { person: true, name: '이상', timeZone: 'Mars/Olympus' });
    expect(memberOf(await t.app.setMember(staff, COMMITTEE, { platform: 'local', userId: 'odd' }))).not.toHaveProperty(
      'timeZone',
    );
    t.messenger.setProfile('paris', { person: true, name: '파리', timeZone: 'Europe/Paris' });
    const typed = await t.app.setMember(staff, COMMITTEE, {
      platform: 'local',
      userId: 'paris',
      timeZone: 'Asia/Tokyo',
    });
    expect(memberOf(typed)).toMatchObject({ timeZone: 'Asia/Tokyo' });
  });

  it("GIVEN the committee's own zone typed THEN the member keeps none of their own", async () => {
    const t = await app();
    const added = await t.app.setMember(staff, COMMITTEE, {
      platform: 'local',
      userId: 'seoul',
      name: '서울',
      timeZone: 'Asia/Seoul',
    });
    expect(memberOf(added)).not.toHaveProperty('timeZone');
  });
});

describe('a member added', () => {
  it('GIVEN a member added in chat THEN the app knows them at once: their own commands answer without a restart', async () => {
    const t = await app();
    const newLee = { platform: 'local' as const, userId: 'new-lee' };
    expect(await t.app.openRounds(newLee)).toMatchObject({ ok: false, error: { code: 'MEMBER.UNKNOWN' } });
    await t.app.setMember(staff, COMMITTEE, { ...newLee, name: '이신규' });
    expect(await t.app.openRounds(newLee)).toEqual({ ok: true, value: [] });
  });
});

describe('member ids', () => {
  it('GIVEN platform ids with characters an id cannot hold, or ids already taken THEN each new member gets a distinct id', async () => {
    const t = await app();
    const ids: Member[] = [];
    for (const userId of ['a b', 'a/b', 'a:b', 'a.b-c']) {
      ids.push(memberOf(await t.app.setMember(staff, COMMITTEE, { platform: 'local', userId, name: userId })));
    }
    expect(ids.map((m) => m.id)).toEqual(['local-a_b', 'local-a_b-2', 'local-a_b-3', 'local-a.b-c']);
  });
});

describe('open rounds and removals', () => {
  it("GIVEN two rounds of the committee open, one closed and another committee's open THEN the reply names the two", async () => {
    const t = await app();
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: '2024-1' });
    const opened = await t.store.getRound('2024-1');
    if (!opened) throw new Error('not opened');
    await t.store.createRound({ ...opened, id: 'r2', title: '둘째', status: 'open' });
    await t.store.createRound({ ...opened, id: 'r3', title: '닫힘', status: 'closed' });
    await t.store.createRound({ ...opened, id: 'r4', title: '남의 회차', committeeId: 'other', status: 'open' });
    const added = await t.app.setMember(staff, COMMITTEE, { platform: 'local', userId: 'new-lee', name: '이신규' });
    expect(added.ok && added.value.text.split('\n')[1]).toBe(
      "진행 중인 회차('24년 제1차 지역상생발전위원회 서면자문, 둘째)에는 초대되지 않습니다.",
    );
  });

  it('GIVEN a member removed with no round running THEN one line answers, and the store and the audit hold the file member before and after', async () => {
    const t = await app();
    const removed = await t.app.removeMember(staff, COMMITTEE, kang);
    expect(removed).toEqual({
      ok: true,
      value: {
        text: '강도영 위원을 해촉하였습니다. 새 회차에 초대되지 않습니다.',
        member: { ...t.committees[0]?.members[0], active: false },
        locale: 'ko',
      },
    });
    const fileKang = t.committees[0]?.members[0];
    const [entry] = await t.store.listRosterEntries(COMMITTEE);
    expect(entry).toMatchObject({ fileBase: fileKang, createdBy: 'local:staff-son', createdAt: t.clock.now() });
    const audit = (await t.store.listAudit()).filter((a) => a.action.startsWith('roster.'));
    expect(audit).toEqual([
      {
        at: t.clock.now(),
        actor: 'local:staff-son',
        action: 'roster.member.removed',
        memberId: 'm-kang',
        detail: { committeeId: COMMITTEE, before: fileKang, after: { ...fileKang, active: false } },
      },
    ]);
  });

  it('GIVEN a file member picked with nothing typed THEN the reply says nothing changed and returns them as they are', async () => {
    const t = await app();
    expect(await t.app.setMember(staff, COMMITTEE, kang)).toEqual({
      ok: true,
      value: { text: '강도영 위원의 정보에 바뀐 것이 없습니다.', member: t.committees[0]?.members[0], locale: 'ko' },
    });
    expect(await t.store.listRosterEntries()).toEqual([]);
  });
});
