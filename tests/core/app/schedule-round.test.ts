/**
 * From a round definition to a stored round and its jobs: the window as
 * instants, one invitation per member, the planned reminders, the close,
 * and one notice per member about a change.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../src/adapters/memory/memory-store.ts';
import { AppContext } from '../../../src/core/app/app-context.ts';
import {
  closeJobKey,
  inviteJobKey,
  noticeJobs,
  openingJobs,
  reminderJobs,
  roundFromDefinition,
} from '../../../src/core/app/schedule-round.ts';
import type { Committee, Member, RoundDefinition } from '../../../src/core/model.ts';
import { ManualClock } from '../../../src/core/ports/clock.ts';
import { silentLogger } from '../../../src/core/ports/logger.ts';
import { seedConfig } from '../../fakes/app-harness.ts';

const OPENS = new Date('2024-02-08T00:00:00Z');
const CLOSES = new Date('2024-02-15T09:00:00Z');

function seed() {
  const { committees, rounds } = seedConfig();
  const committee = committees[0] as Committee;
  const definition = rounds[0] as RoundDefinition;
  const ctx = new AppContext({
    store: createMemoryStore(),
    messengers: [],
    committees,
    rounds,
    clock: new ManualClock(OPENS),
    logger: silentLogger,
  });
  const round = roundFromDefinition(definition, committee);
  if (!round.ok) throw new Error('seed round is invalid');
  return { ctx, committee, definition, round: round.value };
}

describe('roundFromDefinition', () => {
  it('GIVEN the seed definition THEN a draft round with its window as instants in the committee zone and every field copied', () => {
    const { committee, definition } = seed();
    expect(roundFromDefinition(definition, committee)).toEqual({
      ok: true,
      value: {
        id: '2024-1',
        committeeId: committee.id,
        title: definition.title,
        description: definition.description,
        agenda: definition.agenda,
        anonymous: false,
        allowLate: false,
        reminders: definition.reminders,
        status: 'draft',
        opensAt: OPENS,
        closesAt: CLOSES,
      },
    });
    expect(definition.description).toBeTruthy();
  });

  it('GIVEN no description THEN the round has none (not an undefined field)', () => {
    const { committee, definition } = seed();
    const { description: _dropped, ...plain } = definition;
    const result = roundFromDefinition(plain, committee);
    expect(result.ok && 'description' in result.value).toBe(false);
  });

  it('GIVEN a committee in another zone THEN the same wall-clock window is other instants', () => {
    const { committee, definition } = seed();
    const result = roundFromDefinition(definition, { ...committee, timeZone: 'UTC' });
    expect(result.ok && [result.value.opensAt, result.value.closesAt]).toEqual([
      new Date('2024-02-08T09:00:00Z'),
      new Date('2024-02-15T18:00:00Z'),
    ]);
  });

  it('GIVEN an opening or a deadline that does not exist THEN DATE.INVALID naming it', () => {
    const { committee, definition } = seed();
    expect(
      roundFromDefinition({ ...definition, window: { ...definition.window, opens: '2024-02-30 09:00' } }, committee),
    ).toEqual({
      ok: false,
      error: { code: 'DATE.INVALID', params: { value: '2024-02-30 09:00' } },
    });
    expect(
      roundFromDefinition({ ...definition, window: { ...definition.window, closes: '2024-13-01 18:00' } }, committee),
    ).toEqual({
      ok: false,
      error: { code: 'DATE.INVALID', params: { value: '2024-13-01 18:00' } },
    });
  });
});

describe('job keys', () => {
  it('GIVEN a round and a member THEN the invitation key; GIVEN a deadline THEN the close key carries it', () => {
    expect(inviteJobKey('2024-1', 'm-kang')).toBe('invite:2024-1:m-kang');
    expect(closeJobKey('2024-1', CLOSES)).toBe('close:2024-1:2024-02-15T09:00:00.000Z');
  });
});

describe('reminderJobs', () => {
  it('GIVEN the seed round THEN each member gets the three planned reminders on business days before the deadline, in their own zone', () => {
    const { ctx, committee, round } = seed();
    const kang = committee.members[0] as Member;
    const abroad: Member = { ...(committee.members[1] as Member), timeZone: 'Europe/Paris' };
    const jobs = reminderJobs(ctx, round, committee, [kang, abroad]);
    const ofKang = jobs.filter((j) => j.memberId === kang.id);
    expect(ofKang.map((j) => [j.kind, j.roundId, j.dueAt.toISOString()])).toEqual([
      ['remind', '2024-1', '2024-02-13T01:00:00.000Z'],
      ['remind', '2024-1', '2024-02-15T00:30:00.000Z'],
      ['remind', '2024-1', '2024-02-15T06:00:00.000Z'],
    ]);
    for (const job of ofKang) {
      const payload = job.payload as { slotId: string; local: string };
      expect(job.key).toBe(
        `remind:2024-1:m-kang:${encodeURIComponent(payload.slotId)}:${encodeURIComponent(CLOSES.toISOString())}`,
      );
    }
    expect(ofKang.map((j) => (j.payload as { local: string }).local)).toEqual([
      '2024-02-13 10:00',
      '2024-02-15 09:30',
      '2024-02-15 15:00',
    ]);
    const ofAbroad = jobs.filter((j) => j.memberId === abroad.id);
    expect(ofAbroad).toHaveLength(3);
    // 10:00 in Paris is 18:00 in Seoul: the member's zone, not the committee's.
    expect(ofAbroad[0]?.dueAt).toEqual(new Date('2024-02-13T09:00:00Z'));
  });
});

describe('reminderJobs across zones', () => {
  it('GIVEN members in Seoul, Paris, then Seoul again THEN each gets the plan of their own zone (planned once per zone)', () => {
    const { ctx, committee, round } = seed();
    const [kang, second, third] = committee.members as [Member, Member, Member];
    const paris: Member = { ...second, timeZone: 'Europe/Paris' };
    const jobs = reminderJobs(ctx, round, committee, [kang, paris, third]);
    const firstDue = (member: Member) => jobs.find((j) => j.memberId === member.id)?.dueAt.toISOString();
    expect([firstDue(kang), firstDue(paris), firstDue(third)]).toEqual([
      '2024-02-13T01:00:00.000Z',
      '2024-02-13T09:00:00.000Z',
      '2024-02-13T01:00:00.000Z',
    ]);
    expect(jobs.filter((j) => j.memberId === third.id).map((j) => j.dueAt)).toEqual(
      jobs.filter((j) => j.memberId === kang.id).map((j) => j.dueAt),
    );
  });
});

describe('openingJobs', () => {
  it('GIVEN an open before the window THEN invitations wait for the opening, then reminders, then the close at the deadline', () => {
    const { ctx, committee, round } = seed();
    const members = committee.members.slice(0, 2);
    const jobs = openingJobs(ctx, round, committee, members, new Date('2024-02-07T00:00:00Z'));
    expect(jobs.slice(0, 2)).toEqual(
      members.map((m) => ({
        key: `invite:2024-1:${m.id}`,
        kind: 'invite',
        roundId: '2024-1',
        memberId: m.id,
        dueAt: OPENS,
      })),
    );
    expect(jobs.slice(2, -1)).toEqual(reminderJobs(ctx, round, committee, members));
    expect(jobs.slice(2, -1)).toHaveLength(6);
    expect(jobs.at(-1)).toEqual({
      key: 'close:2024-1:2024-02-15T09:00:00.000Z',
      kind: 'close',
      roundId: '2024-1',
      dueAt: CLOSES,
    });
  });

  it('GIVEN an open after the window opened THEN invitations are due now', () => {
    const { ctx, committee, round } = seed();
    const now = new Date('2024-02-09T03:00:00Z');
    const jobs = openingJobs(ctx, round, committee, committee.members.slice(0, 1), now);
    expect(jobs[0]?.dueAt).toEqual(now);
  });
});

describe('noticeJobs', () => {
  it('GIVEN a change THEN one notice per member, keyed by round, member, change and version, due now', () => {
    const now = new Date('2024-02-10T00:00:00Z');
    const members = [{ id: 'a' }, { id: 'b' }] as Member[];
    expect(noticeJobs('2024-1', members, 'extended', 'v2', now)).toEqual([
      {
        key: 'notice:2024-1:a:extended:v2',
        kind: 'notice',
        roundId: '2024-1',
        memberId: 'a',
        dueAt: now,
        payload: { change: 'extended' },
      },
      {
        key: 'notice:2024-1:b:extended:v2',
        kind: 'notice',
        roundId: '2024-1',
        memberId: 'b',
        dueAt: now,
        payload: { change: 'extended' },
      },
    ]);
  });
});
