/**
 * How the committee file and roster changes made in chat combine: the chat
 * entry wins by member id, new members are added, and every overlap with a
 * later file edit is reported.
 */
import { describe, expect, it } from 'vitest';
import { overlayRoster, sameMember } from '../../../src/core/app/roster-overlay.ts';
import type { Committee, Member, RosterEntry } from '../../../src/core/model.ts';
import { seedConfig } from '../../fakes/app-harness.ts';

const AT = new Date('2024-02-01T00:00:00Z');

function fileCommittee(members: Member[]): Committee {
  const [seed] = seedConfig().committees;
  if (!seed) throw new Error('no seed committee');
  return { ...seed, id: 'c1', members };
}

const kang: Member = { id: 'm-kang', name: '강도영', role: '위원', platforms: { slack: 'U1' }, active: true };
const kim: Member = { id: 'm-kim', name: '김정환', platforms: { slack: 'U2' }, active: true };

function entry(member: Member, fileBase: Member | null, committeeId = 'c1'): RosterEntry {
  return { committeeId, member, fileBase, createdAt: AT, createdBy: 'cli', updatedAt: AT, updatedBy: 'cli' };
}

describe('overlayRoster', () => {
  it('GIVEN no entries of the committee THEN the file is the roster, with no conflict', () => {
    const file = fileCommittee([kang, kim]);
    const other = entry({ ...kang, name: '다른 위원회' }, kang, 'c2');
    expect(overlayRoster(file, [other])).toEqual({ committee: file, conflicts: [] });
  });

  it('GIVEN a chat change over the file member it was made on THEN it replaces them in place, with no conflict', () => {
    const changed = { ...kang, role: '위원장', timeZone: 'Europe/Paris' };
    const { committee, conflicts } = overlayRoster(fileCommittee([kang, kim]), [entry(changed, kang)]);
    expect(committee.members).toEqual([changed, kim]);
    expect(conflicts).toEqual([]);
  });

  it('GIVEN a member added in chat THEN they follow the file members', () => {
    const added: Member = { id: 'slack-U9', name: '신규', platforms: { slack: 'U9' }, active: true };
    const { committee, conflicts } = overlayRoster(fileCommittee([kang]), [entry(added, null)]);
    expect(committee.members.map((m) => m.id)).toEqual(['m-kang', 'slack-U9']);
    expect(conflicts).toEqual([]);
  });

  it('GIVEN the file edited after the chat change THEN the chat change is used and the conflict reported', () => {
    const fileNow = { ...kang, name: '강도영(수정)' };
    const chat = { ...kang, active: false };
    const { committee, conflicts } = overlayRoster(fileCommittee([fileNow, kim]), [entry(chat, kang)]);
    expect(committee.members[0]).toEqual(chat);
    expect(conflicts).toEqual([{ committeeId: 'c1', memberId: 'm-kang', kind: 'file-changed' }]);
  });

  it('GIVEN a member the file dropped after the chat change, or added with the id of one added in chat THEN each is a conflict', () => {
    const dropped = overlayRoster(fileCommittee([kim]), [entry({ ...kang, role: '위원장' }, kang)]);
    expect(dropped.committee.members.map((m) => m.id)).toEqual(['m-kim', 'm-kang']);
    expect(dropped.conflicts).toEqual([{ committeeId: 'c1', memberId: 'm-kang', kind: 'file-changed' }]);
    const added = overlayRoster(fileCommittee([kang]), [entry({ ...kang, name: '대화' }, null)]);
    expect(added.committee.members).toEqual([{ ...kang, name: '대화' }]);
    expect(added.conflicts).toEqual([{ committeeId: 'c1', memberId: 'm-kang', kind: 'file-changed' }]);
  });

  it('GIVEN a file member with the platform id of a member added in chat THEN the file member is left out and reported', () => {
    const added: Member = { id: 'slack-U2', name: '김정환', platforms: { slack: 'U2' }, active: true };
    const { committee, conflicts } = overlayRoster(fileCommittee([kang, kim]), [entry(added, null)]);
    expect(committee.members.map((m) => m.id)).toEqual(['m-kang', 'slack-U2']);
    expect(conflicts).toEqual([
      { committeeId: 'c1', memberId: 'slack-U2', kind: 'platform-id-taken', fileMemberId: 'm-kim' },
    ]);
  });
});

describe('sameMember', () => {
  it('GIVEN the same member with keys in another order THEN equal; any field changed THEN not', () => {
    const reordered: Member = { active: true, platforms: { slack: 'U1' }, role: '위원', name: '강도영', id: 'm-kang' };
    expect(sameMember(kang, reordered)).toBe(true);
    expect(sameMember(kang, null)).toBe(false);
    expect(sameMember(null, undefined)).toBe(true);
    const everywhere: Member = { ...kang, platforms: { slack: 'U1', discord: '1', local: 'kang' } };
    const otherOrder: Member = { ...kang, platforms: { local: 'kang', discord: '1', slack: 'U1' } };
    expect(sameMember(everywhere, otherOrder)).toBe(true);
    expect(sameMember(otherOrder, everywhere)).toBe(true);
    expect(sameMember(kang, { ...kang, platforms: { slack: 'U1', discord: undefined } })).toBe(true);
    for (const change of [
      { id: 'x' },
      { name: 'x' },
      { role: 'x' },
      { platforms: { slack: 'U1', discord: '1' } },
      { timeZone: 'Asia/Tokyo' },
      { locale: 'en' as const },
      { active: false },
    ]) {
      expect(sameMember(kang, { ...kang, ...change }), JSON.stringify(change)).toBe(false);
    }
  });
});
