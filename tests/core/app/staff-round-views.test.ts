/**
 * How staff read a round: its facts for scripts, its dates in words, the
 * list line and the lines of `status`. Pure: the time formatter is passed in.
 */
import { describe, expect, it } from 'vitest';
import type { StatusView } from '../../../src/core/app/inbound.ts';
import { datesText, listLine, roundFacts, statusLines } from '../../../src/core/app/staff-round-views.ts';
import type { Round } from '../../../src/core/model.ts';
import { committee, round } from '../summary/builders.ts';

const OPENS = new Date('2024-02-08T00:00:00Z');
const CLOSES = new Date('2024-02-15T09:00:00Z');
const iso = (at: Date) => at.toISOString();

function aRound(patch: Partial<Round>): Round {
  return round([], { opensAt: OPENS, closesAt: CLOSES, ...patch });
}

function view(patch: Partial<StatusView> = {}): StatusView {
  return {
    roundId: 'r-2024-1',
    roundTitle: 'Round one',
    status: 'open',
    closesAtLocal: '',
    total: 4,
    delivered: 3,
    pending: 1,
    answering: 1,
    submitted: 2,
    declined: 0,
    failed: 0,
    notSubmitted: [],
    notReached: [],
    failures: [],
    ...patch,
  };
}

describe('roundFacts', () => {
  it('GIVEN a round opened late and closed early THEN the facts carry the real start, the deadline, the close and closedEarly', () => {
    const r = aRound({
      status: 'closed',
      openedAt: new Date('2024-02-09T01:00:00Z'),
      closedAt: new Date('2024-02-14T00:00:00Z'),
    });
    expect(roundFacts(r, committee([], { id: 'regional', timeZone: 'Asia/Seoul' }))).toEqual({
      roundId: 'r-2024-1',
      title: "'24년 제1차 지역상생발전위원회",
      committeeId: 'regional',
      status: 'closed',
      timeZone: 'Asia/Seoul',
      opensAt: '2024-02-09T01:00:00.000Z',
      deadline: '2024-02-15T09:00:00.000Z',
      closedAt: '2024-02-14T00:00:00.000Z',
      closedEarly: true,
    });
  });

  it('GIVEN an open round THEN the facts have no close at all', () => {
    const facts = roundFacts(aRound({ status: 'open' }), committee([], { id: 'c2', timeZone: 'Europe/Paris' }));
    expect(facts).toEqual({
      roundId: 'r-2024-1',
      title: "'24년 제1차 지역상생발전위원회",
      committeeId: 'c2',
      status: 'open',
      timeZone: 'Europe/Paris',
      opensAt: '2024-02-08T00:00:00.000Z',
      deadline: '2024-02-15T09:00:00.000Z',
      closedEarly: false,
    });
    expect('closedAt' in facts).toBe(false);
  });
});

describe('datesText', () => {
  it('GIVEN an open round THEN its deadline', () => {
    expect(datesText(aRound({ status: 'open' }), 'en', iso)).toBe('deadline 2024-02-15T09:00:00.000Z');
  });

  it('GIVEN a round closed at its deadline THEN when it closed', () => {
    expect(datesText(aRound({ status: 'closed', closedAt: CLOSES }), 'en', iso)).toBe(
      'closed 2024-02-15T09:00:00.000Z',
    );
  });

  it('GIVEN a round closed early THEN when it closed and the deadline it had, in Korean too', () => {
    const r = aRound({ status: 'summarised', closedAt: new Date('2024-02-14T00:00:00Z') });
    expect(datesText(r, 'en', iso)).toBe(
      'closed early 2024-02-14T00:00:00.000Z (the deadline was 2024-02-15T09:00:00.000Z)',
    );
    expect(datesText(r, 'ko', iso)).toBe('2024-02-14T00:00:00.000Z 조기 마감(당초 마감 기한 2024-02-15T09:00:00.000Z)');
  });
});

describe('listLine', () => {
  it('GIVEN a round THEN id, title, status in words and dates', () => {
    expect(listLine(aRound({ status: 'cancelled', title: 'T' }), 'en', iso)).toBe(
      'r-2024-1 · T · cancelled · deadline 2024-02-15T09:00:00.000Z',
    );
  });
});

describe('statusLines', () => {
  it('GIVEN counts THEN the first line has title, status, dates, the bar and every count in its place', () => {
    const lines = statusLines(
      aRound({ status: 'open' }),
      view({ total: 10, delivered: 9, pending: 1, answering: 3, submitted: 5, declined: 1, failed: 2 }),
      'en',
      iso,
    );
    expect(lines).toEqual([
      'Round one (r-2024-1) · open · deadline 2024-02-15T09:00:00.000Z\n' +
        '▓▓▓▓▓░░░░░ submitted 5/10\n' +
        'delivered 9 · not sent yet 1 · answering 3 · submitted 5 · declined 1 · failed 2',
    ]);
  });

  it('GIVEN an open round whose invitations reached nobody THEN a line says nobody was asked yet', () => {
    const lines = statusLines(aRound({ status: 'open' }), view({ total: 4, delivered: 0 }), 'en', iso);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(
      'No invitation has reached any of the 4 members yet: "not submitted" here means never asked, not no answer.',
    );
  });

  it.each([
    ['a draft round', 'draft', 4, 0],
    ['a round with no members', 'open', 0, 0],
    ['a round that reached one member', 'open', 4, 1],
  ] as const)('GIVEN %s THEN no never-reached line', (_name, status, total, delivered) => {
    expect(statusLines(aRound({ status }), view({ total, delivered }), 'en', iso)).toHaveLength(1);
  });

  it('GIVEN members who did not answer, members never reached and failures THEN one line each, in that order', () => {
    const lines = statusLines(
      aRound({ status: 'open' }),
      view({
        notSubmitted: ['Kang', 'Kim'],
        notReached: ['Park', 'Jung'],
        failures: [
          { name: 'Oh', reason: 'DM closed' },
          { name: 'Choi', reason: 'rate limited' },
        ],
      }),
      'en',
      iso,
    );
    expect(lines.slice(1)).toEqual([
      'Invited, not submitted yet: Kang, Kim',
      'Invitation not delivered yet: Park, Jung',
      'Delivery failed: Oh (DM closed), Choi (rate limited)',
    ]);
  });
});
