/**
 * Per-committee staff (issue 12 point 7): staff of one committee cannot
 * touch another committee's rounds or roster, even a round whose file or
 * draft is gone (only its stored copy says whose it is); each refusal is
 * private and audited.
 */
import { describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import { createMemoryStore } from '../../../src/adapters/memory/memory-store.ts';
import { parseStaffCommand } from '../../../src/core/app/parse-staff-command.ts';
import { createJamunApp } from '../../../src/core/app/create-app.ts';
import type { Committee } from '../../../src/core/model.ts';
import { ManualClock } from '../../../src/core/ports/clock.ts';
import { silentLogger } from '../../../src/core/ports/logger.ts';
import { seedConfig } from '../../fakes/app-harness.ts';

const A = 'regional-coprosperity';
const staffA = { platform: 'local' as const, userId: 'staff-son' };
const staffB = { platform: 'local' as const, userId: 'staff-b' };

/** The seed committee, and a second one with its own staff and members. */
function twoCommittees(shared?: string): Committee[] {
  const [seed] = seedConfig().committees;
  if (!seed) throw new Error('no seed committee');
  const other: Committee = {
    ...structuredClone(seed),
    id: 'other',
    name: '다른위원회',
    staff: { userIds: { local: ['staff-b', ...(shared ? [shared] : [])] }, discordRoleIds: [] },
    members: [{ id: 'o-1', name: '다른위원', platforms: { local: 'o-1' }, active: true }],
  };
  if (shared) seed.staff.userIds.local = [...(seed.staff.userIds.local ?? []), shared];
  return [seed, other];
}

function app(committees = twoCommittees()) {
  const store = createMemoryStore();
  const { rounds } = seedConfig();
  const app = createJamunApp({
    store,
    messengers: [new LocalMessenger()],
    committees,
    rounds,
    clock: new ManualClock(new Date('2024-02-08T00:00:00Z')),
    logger: silentLogger,
  });
  return { app, store, committees, rounds };
}

describe('staff of one committee, the rounds and roster of another', () => {
  it("GIVEN staff of B THEN A's round cannot be opened or shown, privately, and each refusal is audited", async () => {
    const t = app();
    for (const verb of ['open', 'show'] as const) {
      const reply = await t.app.runStaffCommand(staffB, { verb, roundId: '2024-1' });
      expect(reply.error?.code).toBe('STAFF.FORBIDDEN');
      expect(reply.ephemeral).toBe(true);
    }
    expect(await t.store.getRound('2024-1')).toBeNull();
    const refused = (await t.store.listAudit('2024-1')).filter((a) => a.action === 'staff.refused');
    expect(refused.map((a) => [a.actor, a.detail])).toEqual([
      ['local:staff-b', { verb: 'open' }],
      ['local:staff-b', { verb: 'show' }],
    ]);
  });

  it('GIVEN an open round whose file is gone THEN only its committee can still close it', async () => {
    const t = app();
    await t.app.runStaffCommand(staffA, { verb: 'open', roundId: '2024-1' });
    await t.app.applyConfig({ committees: t.committees, rounds: [] }, 'cli');
    const byB = await t.app.runStaffCommand(staffB, { verb: 'close', roundId: '2024-1' });
    expect(byB.error?.code).toBe('STAFF.FORBIDDEN');
    expect((await t.store.getRound('2024-1'))?.status).toBe('open');
    const byA = await t.app.runStaffCommand(staffA, { verb: 'close', roundId: '2024-1' });
    expect(byA.error).toBeUndefined();
    expect((await t.store.getRound('2024-1'))?.status).toBe('closed');
  });

  it("GIVEN A's round open WHEN staff of B ask for list or status alone THEN A's rounds are not shown; A's staff see them", async () => {
    const t = app();
    await t.app.runStaffCommand(staffA, { verb: 'open', roundId: '2024-1' });
    const listB = await t.app.runStaffCommand(staffB, { verb: 'list' });
    expect(listB.rounds).toEqual([]);
    const statusB = await t.app.runStaffCommand(staffB, { verb: 'status' });
    expect(statusB.status).toBeUndefined();
    expect(statusB.text).not.toContain('2024-1');
    const listA = await t.app.runStaffCommand(staffA, { verb: 'list' });
    expect(listA.rounds?.map((r) => r.roundId)).toEqual(['2024-1']);
    const statusA = await t.app.runStaffCommand(staffA, { verb: 'status' });
    expect(statusA.status?.roundId).toBe('2024-1');
  });

  it("GIVEN an overdue follow-up action of A's closed round WHEN staff of B ask for status alone THEN it is not listed; A's staff see it", async () => {
    const t = app();
    await t.app.runStaffCommand(staffA, { verb: 'open', roundId: '2024-1' });
    await t.app.runStaffCommand(staffA, { verb: 'close', roundId: '2024-1' });
    const added = await t.app.runStaffCommand(staffA, {
      verb: 'action',
      roundId: '2024-1',
      actionOp: 'add',
      actionInput: { text: '비공개 조치 내용', due: '2024-01-31' },
    });
    expect(added.error).toBeUndefined();
    expect((await t.app.runStaffCommand(staffA, { verb: 'status' })).text).toContain('비공개 조치 내용');
    const statusB = await t.app.runStaffCommand(staffB, { verb: 'status' });
    expect(statusB.error).toBeUndefined();
    expect(statusB.text).not.toContain('비공개 조치 내용');
  });

  it("GIVEN staff of B THEN A's roster can neither be listed nor changed; B's own can", async () => {
    const t = app();
    const listed = await t.app.runStaffCommand(staffB, { verb: 'members', committeeId: A });
    expect(listed.error?.code).toBe('STAFF.FORBIDDEN');
    const pick = { platform: 'local' as const, userId: 'someone', name: '누군가' };
    expect(await t.app.setMember(staffB, A, pick)).toEqual({
      ok: false,
      error: { code: 'STAFF.FORBIDDEN', params: {} },
    });
    expect(await t.app.removeMember(staffB, A, { platform: 'local', userId: 'm-kang' })).toEqual({
      ok: false,
      error: { code: 'STAFF.FORBIDDEN', params: {} },
    });
    expect(await t.store.listRosterEntries()).toEqual([]);
    const refused = (await t.store.listAudit()).filter((a) => a.action === 'staff.refused').map((a) => a.detail);
    expect(refused).toEqual([
      { verb: 'members' },
      { verb: 'members.set', committeeId: A },
      { verb: 'members.remove', committeeId: A },
    ]);
    const own = await t.app.runStaffCommand(staffB, { verb: 'members' });
    expect(own.roster?.committeeId).toBe('other');
    expect((await t.app.setMember(staffB, 'other', pick)).ok).toBe(true);
  });

  it('GIVEN staff of both committees and no committee named THEN they are asked which', async () => {
    const t = app(twoCommittees('staff-both'));
    const reply = await t.app.runStaffCommand({ platform: 'local', userId: 'staff-both' }, { verb: 'members' });
    expect(reply.error).toEqual({ code: 'ROSTER.COMMITTEE_REQUIRED', params: { committees: `${A}, other` } });
    expect(reply.text).toBe(
      '위원회를 지정하여 주시기 바랍니다: members 위원회ID (담당 위원회: regional-coprosperity, other)',
    );
  });
});

describe('parsing members', () => {
  it('GIVEN members with or without a committee THEN it names it; more words are a usage error', () => {
    expect(parseStaffCommand('members')).toEqual({ ok: true, value: { verb: 'members' } });
    expect(parseStaffCommand('MEMBERS 위원회')).toEqual({
      ok: true,
      value: { verb: 'members', committeeId: '위원회' },
    });
    expect(parseStaffCommand('members a b')).toEqual({
      ok: false,
      error: { code: 'COMMAND.USAGE', params: { usage: 'members [COMMITTEE]' } },
    });
  });
});
