import { describe, expect, it } from 'vitest';
import {
  answerText,
  HARD_TEXT_LIMIT,
  isAnswered,
  normaliseAnswer,
  submitProblem,
} from '../../../src/core/answers/validate-answer.ts';
import type { Question } from '../../../src/core/model.ts';

function question(overrides: Partial<Question> = {}): Question {
  return {
    id: '1.1',
    prompt: 'Evaluate the 2023 results',
    kind: 'long_text',
    required: true,
    maxLength: 2000,
    ...overrides,
  };
}

const SINGLE = question({ id: '2.1', kind: 'single_choice', options: ['Seoul leads', 'Regions lead', 'Joint'] });
const MULTI = question({ id: '2.2', kind: 'multi_choice', options: ['Seoul leads', 'Regions lead', 'Joint'] });
const SCALE = question({ id: '2.3', kind: 'scale', scale: { min: 1, max: 5 } });

function codeOf<T>(result: { ok: true; value: T } | { ok: false; error: { code: string } }): string | null {
  return result.ok ? null : result.error.code;
}

describe('normaliseAnswer: text questions', () => {
  it.each<Question['kind']>(['long_text', 'short_text'])(
    'GIVEN a %s question and typed text THEN it becomes a text value as typed',
    (kind) => {
      expect(normaliseAnswer(question({ kind }), '  지역 상생 교류 확대  ')).toEqual({
        ok: true,
        value: { kind: 'text', text: '  지역 상생 교류 확대  ' },
      });
    },
  );

  it('GIVEN text over maxLength but within the hard limit THEN it is still accepted (kept as a draft)', () => {
    const text = 'a'.repeat(2001);
    expect(normaliseAnswer(question(), text)).toEqual({ ok: true, value: { kind: 'text', text } });
  });

  it('GIVEN text of exactly the hard limit THEN it is accepted', () => {
    expect(codeOf(normaliseAnswer(question(), 'a'.repeat(HARD_TEXT_LIMIT)))).toBeNull();
  });

  it('GIVEN text over the hard limit THEN ANSWER.TOO_LARGE naming the hard limit (it is not stored)', () => {
    const length = HARD_TEXT_LIMIT + 1;
    expect(normaliseAnswer(question(), 'a'.repeat(length))).toEqual({
      ok: false,
      error: { code: 'ANSWER.TOO_LARGE', params: { questionId: '1.1', length, limit: HARD_TEXT_LIMIT } },
    });
  });

  it('GIVEN a text question and a list of choices THEN ANSWER.NOT_TEXT', () => {
    expect(normaliseAnswer(question(), ['a'])).toEqual({
      ok: false,
      error: { code: 'ANSWER.NOT_TEXT', params: { questionId: '1.1' } },
    });
  });

  it('GIVEN a text question and a number THEN ANSWER.NOT_TEXT', () => {
    expect(codeOf(normaliseAnswer(question(), 3))).toBe('ANSWER.NOT_TEXT');
  });
});

describe('normaliseAnswer: choice questions', () => {
  it('GIVEN a single choice that exists (with stray spaces) THEN it is the chosen option', () => {
    expect(normaliseAnswer(SINGLE, '  Joint ')).toEqual({ ok: true, value: { kind: 'choices', choices: ['Joint'] } });
  });

  it('GIVEN a choice that is not an option THEN ANSWER.INVALID_CHOICE naming it and listing the options', () => {
    expect(normaliseAnswer(SINGLE, 'Nobody')).toEqual({
      ok: false,
      error: {
        code: 'ANSWER.INVALID_CHOICE',
        params: { questionId: '2.1', choice: 'Nobody', options: 'Seoul leads, Regions lead, Joint' },
      },
    });
  });

  it('GIVEN a multi choice with one unknown among known ones THEN ANSWER.INVALID_CHOICE naming the unknown one', () => {
    const result = normaliseAnswer(MULTI, ['Joint', 'Nobody']);
    expect(result.ok ? null : result.error.params['choice']).toBe('Nobody');
  });

  it('GIVEN a single choice question and two choices THEN ANSWER.ONE_CHOICE_ONLY', () => {
    expect(normaliseAnswer(SINGLE, ['Joint', 'Seoul leads'])).toEqual({
      ok: false,
      error: { code: 'ANSWER.ONE_CHOICE_ONLY', params: { questionId: '2.1' } },
    });
  });

  it('GIVEN multi choices picked out of order THEN they come back in option order', () => {
    expect(normaliseAnswer(MULTI, ['Joint', 'Seoul leads'])).toEqual({
      ok: true,
      value: { kind: 'choices', choices: ['Seoul leads', 'Joint'] },
    });
  });

  it('GIVEN the same choice picked twice THEN it is kept once', () => {
    expect(normaliseAnswer(MULTI, ['Joint', 'Joint'])).toEqual({
      ok: true,
      value: { kind: 'choices', choices: ['Joint'] },
    });
  });

  it('GIVEN blank choices only THEN the answer is an empty choice list', () => {
    expect(normaliseAnswer(MULTI, ['', '  '])).toEqual({ ok: true, value: { kind: 'choices', choices: [] } });
  });

  it('GIVEN a choice question and a number THEN ANSWER.NOT_CHOICE listing the options', () => {
    expect(normaliseAnswer(SINGLE, 2)).toEqual({
      ok: false,
      error: { code: 'ANSWER.NOT_CHOICE', params: { questionId: '2.1', options: 'Seoul leads, Regions lead, Joint' } },
    });
  });
});

describe('normaliseAnswer: scale questions', () => {
  it('GIVEN a scale point as a number THEN it is the scale value', () => {
    expect(normaliseAnswer(SCALE, 4)).toEqual({ ok: true, value: { kind: 'scale', value: 4 } });
  });

  it('GIVEN a scale point as a string with spaces THEN it is parsed', () => {
    expect(normaliseAnswer(SCALE, ' 5 ')).toEqual({ ok: true, value: { kind: 'scale', value: 5 } });
  });

  it.each([0, 6, '6', -1])('GIVEN %j outside 1–5 THEN ANSWER.OUT_OF_RANGE with min and max', (raw) => {
    expect(normaliseAnswer(SCALE, raw)).toEqual({
      ok: false,
      error: { code: 'ANSWER.OUT_OF_RANGE', params: { questionId: '2.3', min: 1, max: 5 } },
    });
  });

  it.each([2.5, '2.5', 'three', '', '  ', '0x3', '3e0'])(
    'GIVEN %j (not a plain integer) THEN ANSWER.NOT_A_NUMBER',
    (raw) => {
      expect(normaliseAnswer(SCALE, raw)).toEqual({
        ok: false,
        error: { code: 'ANSWER.NOT_A_NUMBER', params: { questionId: '2.3', min: 1, max: 5 } },
      });
    },
  );

  it('GIVEN a scale question and a list THEN ANSWER.NOT_A_NUMBER', () => {
    expect(codeOf(normaliseAnswer(SCALE, ['3']))).toBe('ANSWER.NOT_A_NUMBER');
  });

  it('GIVEN a scale question without a range THEN 1–5 applies', () => {
    const bare = question({ kind: 'scale' });
    expect(codeOf(normaliseAnswer(bare, 5))).toBeNull();
    expect(codeOf(normaliseAnswer(bare, 6))).toBe('ANSWER.OUT_OF_RANGE');
  });

  it('GIVEN a 0–10 scale THEN both ends are accepted', () => {
    const wide = question({ kind: 'scale', scale: { min: 0, max: 10 } });
    expect(normaliseAnswer(wide, 0)).toEqual({ ok: true, value: { kind: 'scale', value: 0 } });
    expect(normaliseAnswer(wide, '10')).toEqual({ ok: true, value: { kind: 'scale', value: 10 } });
  });
});

describe('isAnswered', () => {
  it('GIVEN no value THEN it is not answered', () => {
    expect(isAnswered(undefined)).toBe(false);
  });

  it('GIVEN whitespace-only text THEN it is not answered', () => {
    expect(isAnswered({ kind: 'text', text: ' \n\t ' })).toBe(false);
  });

  it('GIVEN text with words THEN it is answered', () => {
    expect(isAnswered({ kind: 'text', text: '의견 없음' })).toBe(true);
  });

  it('GIVEN no choices THEN it is not answered, one choice THEN it is', () => {
    expect(isAnswered({ kind: 'choices', choices: [] })).toBe(false);
    expect(isAnswered({ kind: 'choices', choices: ['Joint'] })).toBe(true);
  });

  it('GIVEN a scale point (even the lowest) THEN it is answered', () => {
    expect(isAnswered({ kind: 'scale', value: 0 })).toBe(true);
  });

  it('GIVEN a scale value that is not a number (NaN or infinite, e.g. a damaged row) THEN it is not answered', () => {
    expect(isAnswered({ kind: 'scale', value: Number.NaN })).toBe(false);
    expect(isAnswered({ kind: 'scale', value: Number.POSITIVE_INFINITY })).toBe(false);
  });
});

describe('submitProblem', () => {
  it('GIVEN a required question left blank THEN ANSWER.REQUIRED', () => {
    expect(submitProblem(question(), { kind: 'text', text: '   ' })).toEqual({
      code: 'ANSWER.REQUIRED',
      params: { questionId: '1.1' },
    });
  });

  it('GIVEN a required question with no value at all THEN ANSWER.REQUIRED', () => {
    expect(submitProblem(question(), undefined)?.code).toBe('ANSWER.REQUIRED');
  });

  it('GIVEN a required scale question whose value is NaN THEN ANSWER.REQUIRED (asked again, not counted)', () => {
    const scale = question({ kind: 'scale', scale: { min: 1, max: 5 } });
    expect(submitProblem(scale, { kind: 'scale', value: Number.NaN })?.code).toBe('ANSWER.REQUIRED');
  });

  it('GIVEN text over maxLength THEN ANSWER.TOO_LONG with length, limit and over', () => {
    expect(submitProblem(question({ maxLength: 10 }), { kind: 'text', text: 'a'.repeat(13) })).toEqual({
      code: 'ANSWER.TOO_LONG',
      params: { questionId: '1.1', length: 13, limit: 10, over: 3 },
    });
  });

  it('GIVEN text of exactly maxLength THEN there is no problem', () => {
    expect(submitProblem(question({ maxLength: 10 }), { kind: 'text', text: 'a'.repeat(10) })).toBeNull();
  });

  it('GIVEN an optional question left blank THEN there is no problem', () => {
    expect(submitProblem(question({ required: false }), { kind: 'text', text: '' })).toBeNull();
    expect(submitProblem(question({ required: false }), undefined)).toBeNull();
  });

  it('GIVEN an optional question answered too long THEN ANSWER.TOO_LONG all the same', () => {
    expect(submitProblem(question({ required: false, maxLength: 5 }), { kind: 'text', text: 'abcdef' })?.code).toBe(
      'ANSWER.TOO_LONG',
    );
  });

  it('GIVEN a required choice question with no choice THEN ANSWER.REQUIRED', () => {
    expect(submitProblem(SINGLE, { kind: 'choices', choices: [] })?.code).toBe('ANSWER.REQUIRED');
  });

  it('GIVEN a valid choice or scale answer THEN there is no problem', () => {
    expect(submitProblem(SINGLE, { kind: 'choices', choices: ['Joint'] })).toBeNull();
    expect(submitProblem(SCALE, { kind: 'scale', value: 3 })).toBeNull();
  });
});

describe('answerText', () => {
  it('GIVEN no value THEN it is empty', () => {
    expect(answerText(undefined)).toBe('');
  });

  it('GIVEN text THEN it is the text as written', () => {
    expect(answerText({ kind: 'text', text: '첫 줄\n둘째 줄' })).toBe('첫 줄\n둘째 줄');
  });

  it('GIVEN choices THEN they are joined with commas', () => {
    expect(answerText({ kind: 'choices', choices: ['Seoul leads', 'Joint'] })).toBe('Seoul leads, Joint');
  });

  it('GIVEN a scale point THEN it is the number', () => {
    expect(answerText({ kind: 'scale', value: 4 })).toBe('4');
  });
});
