import { describe, expect, it } from 'vitest';
import type { RoundStatus } from '../../../src/core/model.ts';
import { roundDates } from '../../../src/core/rounds/round-dates.ts';

/** The seed round's plan: 2024-02-08 09:00 to 2024-02-15 18:00 in Seoul. */
const OPENS_AT = new Date('2024-02-08T00:00:00Z');
const CLOSES_AT = new Date('2024-02-15T09:00:00Z');
const HOUR = 3_600_000;
const at = (base: Date, hours: number) => new Date(base.getTime() + hours * HOUR);

function round(status: RoundStatus, dates: { openedAt?: Date; closedAt?: Date } = {}) {
  return { status, opensAt: OPENS_AT, closesAt: CLOSES_AT, ...dates };
}

describe('roundDates: when a round started', () => {
  it('GIVEN a round never opened by staff THEN it started at its planned opening', () => {
    expect(roundDates(round('draft')).startedAt).toEqual(OPENS_AT);
  });

  it('GIVEN a round opened two hours after its planned opening THEN it started when it was opened', () => {
    expect(roundDates(round('open', { openedAt: at(OPENS_AT, 2) })).startedAt).toEqual(at(OPENS_AT, 2));
  });

  it('GIVEN a round opened early THEN it still started at its planned opening (invitations wait for it)', () => {
    expect(roundDates(round('open', { openedAt: at(OPENS_AT, -2) })).startedAt).toEqual(OPENS_AT);
  });

  it('GIVEN a round opened at the very planned instant THEN it started then (either date is the same instant)', () => {
    expect(roundDates(round('open', { openedAt: OPENS_AT })).startedAt.getTime()).toBe(OPENS_AT.getTime());
  });
});

describe('roundDates: when a round ended', () => {
  it.each<RoundStatus>(['closed', 'summarised'])(
    'GIVEN a %s round closed a day before its deadline THEN it was closed early, ends at the close and keeps the deadline',
    (status) => {
      const closedAt = at(CLOSES_AT, -24);
      expect(roundDates(round(status, { closedAt }))).toEqual({
        startedAt: OPENS_AT,
        deadline: CLOSES_AT,
        closedAt,
        closedEarly: true,
        endsAt: closedAt,
      });
    },
  );

  it('GIVEN a round closed by the close job after its deadline THEN it was not closed early and ends at the deadline', () => {
    const closedAt = at(CLOSES_AT, 0.1);
    expect(roundDates(round('closed', { closedAt }))).toEqual({
      startedAt: OPENS_AT,
      deadline: CLOSES_AT,
      closedAt,
      closedEarly: false,
      endsAt: CLOSES_AT,
    });
  });

  it('GIVEN a round closed at the very instant of its deadline THEN it was not closed early', () => {
    expect(roundDates(round('closed', { closedAt: CLOSES_AT })).closedEarly).toBe(false);
  });

  it.each<RoundStatus>(['draft', 'open', 'cancelled'])(
    'GIVEN a %s round with a stale close time (reopened by an extension) THEN it has no close and ends at its deadline',
    (status) => {
      expect(roundDates(round(status, { closedAt: at(CLOSES_AT, -24) }))).toEqual({
        startedAt: OPENS_AT,
        deadline: CLOSES_AT,
        closedEarly: false,
        endsAt: CLOSES_AT,
      });
    },
  );

  it('GIVEN a closed round whose close time is missing THEN it has no close and ends at its deadline', () => {
    const dates = roundDates(round('closed'));
    expect(dates).toEqual({ startedAt: OPENS_AT, deadline: CLOSES_AT, closedEarly: false, endsAt: CLOSES_AT });
    expect('closedAt' in dates).toBe(false);
  });
});
