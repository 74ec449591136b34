import { describe, expect, it } from 'vitest';
import {
  answerWindow,
  checkCancel,
  checkClose,
  checkExtend,
  checkOpen,
  checkRemind,
  checkSummarise,
} from '../../../src/core/rounds/lifecycle.ts';
import type { RoundStatus } from '../../../src/core/model.ts';

/** The seed round's deadline: 2024-02-15 18:00 KST. */
const CLOSES_AT = new Date('2024-02-15T09:00:00Z');
const CLOSES_TEXT = '2024-02-15 18:00';
const BEFORE = new Date('2024-02-08T01:00:00Z');
const AFTER = new Date('2024-02-16T01:00:00Z');

function round(status: RoundStatus, allowLate = false) {
  return { id: '2024-1', status, closesAt: CLOSES_AT, allowLate };
}

describe('checkOpen', () => {
  it('GIVEN a draft round before its deadline WHEN opened THEN it becomes open at now', () => {
    expect(checkOpen(round('draft'), BEFORE, CLOSES_TEXT)).toEqual({
      ok: true,
      value: { status: 'open', openedAt: BEFORE },
    });
  });

  it('GIVEN an open round WHEN opened again THEN ROUND.ALREADY_OPEN', () => {
    expect(checkOpen(round('open'), BEFORE, CLOSES_TEXT)).toEqual({
      ok: false,
      error: { code: 'ROUND.ALREADY_OPEN', params: { roundId: '2024-1' } },
    });
  });

  it('GIVEN a cancelled round WHEN opened THEN ROUND.CANCELLED', () => {
    expect(checkOpen(round('cancelled'), BEFORE, CLOSES_TEXT)).toEqual({
      ok: false,
      error: { code: 'ROUND.CANCELLED', params: { roundId: '2024-1' } },
    });
  });

  it('GIVEN a draft round whose deadline has passed WHEN opened THEN ROUND.DEADLINE_PASSED naming the deadline', () => {
    expect(checkOpen(round('draft'), AFTER, CLOSES_TEXT)).toEqual({
      ok: false,
      error: { code: 'ROUND.DEADLINE_PASSED', params: { roundId: '2024-1', closesAt: CLOSES_TEXT } },
    });
  });

  it('GIVEN a draft round at the very instant of its deadline WHEN opened THEN ROUND.DEADLINE_PASSED', () => {
    const result = checkOpen(round('draft'), CLOSES_AT, CLOSES_TEXT);
    expect(result.ok ? null : result.error.code).toBe('ROUND.DEADLINE_PASSED');
  });

  it.each<RoundStatus>(['closed', 'summarised'])(
    'GIVEN a %s round WHEN opened THEN ROUND.INVALID_TRANSITION',
    (status) => {
      expect(checkOpen(round(status), BEFORE, CLOSES_TEXT)).toEqual({
        ok: false,
        error: { code: 'ROUND.INVALID_TRANSITION', params: { roundId: '2024-1', status, action: 'open' } },
      });
    },
  );
});

describe('checkClose', () => {
  it('GIVEN an open round WHEN closed THEN it becomes closed at now', () => {
    expect(checkClose(round('open'), AFTER)).toEqual({ ok: true, value: { status: 'closed', closedAt: AFTER } });
  });

  it.each<RoundStatus>(['draft', 'closed', 'summarised'])(
    'GIVEN a %s round WHEN closed THEN ROUND.INVALID_TRANSITION',
    (status) => {
      expect(checkClose(round(status), AFTER)).toEqual({
        ok: false,
        error: { code: 'ROUND.INVALID_TRANSITION', params: { roundId: '2024-1', status, action: 'close' } },
      });
    },
  );

  it('GIVEN a cancelled round WHEN closed THEN ROUND.CANCELLED', () => {
    const result = checkClose(round('cancelled'), AFTER);
    expect(result.ok ? null : result.error.code).toBe('ROUND.CANCELLED');
  });
});

describe('checkCancel', () => {
  it.each<RoundStatus>(['draft', 'open'])(
    'GIVEN a %s round WHEN cancelled THEN it becomes cancelled at now',
    (status) => {
      expect(checkCancel(round(status), BEFORE)).toEqual({
        ok: true,
        value: { status: 'cancelled', cancelledAt: BEFORE },
      });
    },
  );

  it.each<RoundStatus>(['closed', 'summarised'])(
    'GIVEN a %s round WHEN cancelled THEN ROUND.INVALID_TRANSITION',
    (status) => {
      expect(checkCancel(round(status), AFTER)).toEqual({
        ok: false,
        error: { code: 'ROUND.INVALID_TRANSITION', params: { roundId: '2024-1', status, action: 'cancel' } },
      });
    },
  );

  it('GIVEN a cancelled round WHEN cancelled again THEN ROUND.CANCELLED', () => {
    const result = checkCancel(round('cancelled'), AFTER);
    expect(result.ok ? null : result.error.code).toBe('ROUND.CANCELLED');
  });
});

describe('checkSummarise', () => {
  it('GIVEN a closed round WHEN summarised THEN it becomes summarised at now', () => {
    expect(checkSummarise(round('closed'), AFTER)).toEqual({
      ok: true,
      value: { status: 'summarised', summarisedAt: AFTER },
    });
  });

  it('GIVEN an already summarised round WHEN summarised again THEN it is allowed (the summary can be posted again)', () => {
    expect(checkSummarise(round('summarised'), AFTER)).toEqual({
      ok: true,
      value: { status: 'summarised', summarisedAt: AFTER },
    });
  });

  it('GIVEN an open round WHEN summarised THEN ROUND.NOT_CLOSED', () => {
    expect(checkSummarise(round('open'), BEFORE)).toEqual({
      ok: false,
      error: { code: 'ROUND.NOT_CLOSED', params: { roundId: '2024-1' } },
    });
  });

  it('GIVEN a draft round WHEN summarised THEN ROUND.INVALID_TRANSITION', () => {
    expect(checkSummarise(round('draft'), BEFORE)).toEqual({
      ok: false,
      error: { code: 'ROUND.INVALID_TRANSITION', params: { roundId: '2024-1', status: 'draft', action: 'summarise' } },
    });
  });

  it('GIVEN a cancelled round WHEN summarised THEN ROUND.CANCELLED', () => {
    const result = checkSummarise(round('cancelled'), AFTER);
    expect(result.ok ? null : result.error.code).toBe('ROUND.CANCELLED');
  });
});

describe('checkRemind', () => {
  it('GIVEN an open round WHEN reminding THEN it is allowed', () => {
    expect(checkRemind(round('open'))).toEqual({ ok: true, value: true });
  });

  it.each<RoundStatus>(['draft', 'closed', 'summarised'])(
    'GIVEN a %s round WHEN reminding THEN ROUND.INVALID_TRANSITION',
    (status) => {
      expect(checkRemind(round(status))).toEqual({
        ok: false,
        error: { code: 'ROUND.INVALID_TRANSITION', params: { roundId: '2024-1', status, action: 'remind' } },
      });
    },
  );

  it('GIVEN a cancelled round WHEN reminding THEN ROUND.CANCELLED', () => {
    const result = checkRemind(round('cancelled'));
    expect(result.ok ? null : result.error.code).toBe('ROUND.CANCELLED');
  });
});

describe('checkExtend', () => {
  const LATER = new Date('2024-02-20T09:00:00Z');
  const texts = { until: '2024-02-20 18:00', closesAt: CLOSES_TEXT };

  it('GIVEN an open round and a later deadline WHEN extended THEN only the deadline moves', () => {
    expect(checkExtend(round('open'), LATER, BEFORE, texts)).toEqual({ ok: true, value: { closesAt: LATER } });
  });

  it('GIVEN a closed round and a later deadline WHEN extended THEN it opens again with the new deadline and its close time cleared', () => {
    expect(checkExtend(round('closed'), LATER, AFTER, texts)).toStrictEqual({
      ok: true,
      value: { status: 'open', closesAt: LATER, closedAt: undefined },
    });
  });

  it('GIVEN a new deadline earlier than the current one WHEN extended THEN ROUND.EXTEND_NOT_LATER with both texts', () => {
    const earlier = new Date('2024-02-14T09:00:00Z');
    expect(checkExtend(round('open'), earlier, BEFORE, texts)).toEqual({
      ok: false,
      error: { code: 'ROUND.EXTEND_NOT_LATER', params: texts },
    });
  });

  it('GIVEN a new deadline equal to the current one WHEN extended THEN ROUND.EXTEND_NOT_LATER', () => {
    const result = checkExtend(round('open'), CLOSES_AT, BEFORE, texts);
    expect(result.ok ? null : result.error.code).toBe('ROUND.EXTEND_NOT_LATER');
  });

  it('GIVEN a closed round and a deadline later than the old one but already past WHEN extended THEN ROUND.EXTEND_NOT_LATER', () => {
    const now = new Date('2024-02-22T01:00:00Z');
    const result = checkExtend(round('closed'), LATER, now, texts);
    expect(result.ok ? null : result.error.code).toBe('ROUND.EXTEND_NOT_LATER');
  });

  it('GIVEN a new deadline exactly now WHEN extended THEN ROUND.EXTEND_NOT_LATER', () => {
    const result = checkExtend(round('closed'), LATER, LATER, texts);
    expect(result.ok ? null : result.error.code).toBe('ROUND.EXTEND_NOT_LATER');
  });

  it('GIVEN a summarised round WHEN extended THEN ROUND.INVALID_TRANSITION', () => {
    expect(checkExtend(round('summarised'), LATER, AFTER, texts)).toEqual({
      ok: false,
      error: {
        code: 'ROUND.INVALID_TRANSITION',
        params: { roundId: '2024-1', status: 'summarised', action: 'extend' },
      },
    });
  });

  it('GIVEN a draft round WHEN extended THEN ROUND.INVALID_TRANSITION', () => {
    const result = checkExtend(round('draft'), LATER, BEFORE, texts);
    expect(result.ok ? null : result.error.code).toBe('ROUND.INVALID_TRANSITION');
  });

  it('GIVEN a cancelled round WHEN extended THEN ROUND.CANCELLED', () => {
    const result = checkExtend(round('cancelled'), LATER, BEFORE, texts);
    expect(result.ok ? null : result.error.code).toBe('ROUND.CANCELLED');
  });
});

describe('answerWindow', () => {
  it('GIVEN an open round before its deadline THEN answers are taken and not late', () => {
    expect(answerWindow(round('open'), BEFORE, CLOSES_TEXT)).toEqual({ ok: true, value: { late: false } });
  });

  it('GIVEN an open round past its deadline (close job not run yet) and no late answers THEN ROUND.CLOSED naming the deadline', () => {
    expect(answerWindow(round('open'), AFTER, CLOSES_TEXT)).toEqual({
      ok: false,
      error: { code: 'ROUND.CLOSED', params: { roundId: '2024-1', closesAt: CLOSES_TEXT } },
    });
  });

  it('GIVEN an open round at the exact deadline instant THEN it counts as past the deadline', () => {
    const result = answerWindow(round('open'), CLOSES_AT, CLOSES_TEXT);
    expect(result.ok ? null : result.error.code).toBe('ROUND.CLOSED');
  });

  it('GIVEN an open round past its deadline that allows late answers THEN the answer is taken as late', () => {
    expect(answerWindow(round('open', true), AFTER, CLOSES_TEXT)).toEqual({ ok: true, value: { late: true } });
  });

  it('GIVEN a closed round that allows late answers THEN the answer is taken as late', () => {
    expect(answerWindow(round('closed', true), AFTER, CLOSES_TEXT)).toEqual({ ok: true, value: { late: true } });
  });

  it('GIVEN a closed round without late answers THEN ROUND.CLOSED', () => {
    const result = answerWindow(round('closed'), AFTER, CLOSES_TEXT);
    expect(result.ok ? null : result.error.code).toBe('ROUND.CLOSED');
  });

  it('GIVEN a summarised round even with late answers allowed THEN ROUND.CLOSED', () => {
    expect(answerWindow(round('summarised', true), AFTER, CLOSES_TEXT)).toEqual({
      ok: false,
      error: { code: 'ROUND.CLOSED', params: { roundId: '2024-1', closesAt: CLOSES_TEXT } },
    });
  });

  it('GIVEN a draft round THEN ROUND.NOT_OPEN', () => {
    expect(answerWindow(round('draft', true), BEFORE, CLOSES_TEXT)).toEqual({
      ok: false,
      error: { code: 'ROUND.NOT_OPEN', params: { roundId: '2024-1' } },
    });
  });

  it('GIVEN a cancelled round THEN ROUND.CANCELLED', () => {
    const result = answerWindow(round('cancelled', true), BEFORE, CLOSES_TEXT);
    expect(result.ok ? null : result.error.code).toBe('ROUND.CANCELLED');
  });
});

describe('answerWindow: the edges', () => {
  it('GIVEN a cancelled round THEN ROUND.CANCELLED names the round', () => {
    expect(answerWindow(round('cancelled'), BEFORE, CLOSES_TEXT)).toEqual({
      ok: false,
      error: { code: 'ROUND.CANCELLED', params: { roundId: '2024-1' } },
    });
  });

  it('GIVEN a round closed early by staff, before its deadline, without late answers THEN ROUND.CLOSED', () => {
    expect(answerWindow(round('closed'), BEFORE, CLOSES_TEXT)).toEqual({
      ok: false,
      error: { code: 'ROUND.CLOSED', params: { roundId: '2024-1', closesAt: CLOSES_TEXT } },
    });
  });

  it('GIVEN a round closed early that allows late answers THEN an answer before the deadline is still late', () => {
    expect(answerWindow(round('closed', true), BEFORE, CLOSES_TEXT)).toEqual({ ok: true, value: { late: true } });
  });

  it('GIVEN the deadline text as a function THEN it is formatted only for the refusal, and the refusal carries the text', () => {
    let calls = 0;
    const text = () => {
      calls += 1;
      return CLOSES_TEXT;
    };
    expect(answerWindow(round('open'), BEFORE, text)).toEqual({ ok: true, value: { late: false } });
    expect(calls).toBe(0);
    expect(answerWindow(round('open'), AFTER, text)).toEqual({
      ok: false,
      error: { code: 'ROUND.CLOSED', params: { roundId: '2024-1', closesAt: CLOSES_TEXT } },
    });
    expect(calls).toBe(1);
  });
});
