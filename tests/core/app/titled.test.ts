import { describe, expect, it } from 'vitest';
import { titled } from '../../../src/core/app/titled.ts';
import { err, ok } from '../../../src/core/errors.ts';

describe('titled', () => {
  const round = { title: "'24년 제1차 서면자문" };

  it('GIVEN an error about a round THEN it keeps its code and parameters and gains the title', () => {
    expect(titled(err('ROUND.NOT_OPEN', { roundId: '2024-1' }), round)).toEqual(
      err('ROUND.NOT_OPEN', { roundId: '2024-1', roundTitle: "'24년 제1차 서면자문" }),
    );
  });

  it('GIVEN a success THEN it is returned as it is', () => {
    const result = ok({ status: 'open' });
    expect(titled(result, round)).toBe(result);
  });
});
