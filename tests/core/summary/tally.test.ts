import { describe, expect, it } from 'vitest';
import type { AnswerValue, Question } from '../../../src/core/model.ts';
import { tallyQuestion } from '../../../src/core/summary/tally.ts';

const choices = (...picked: string[]): AnswerValue => ({ kind: 'choices', choices: picked });
const scale = (value: number): AnswerValue => ({ kind: 'scale', value });
const text = (value: string): AnswerValue => ({ kind: 'text', text: value });

function question(kind: Question['kind'], extra: Partial<Question> = {}): Question {
  return { id: 'q', prompt: 'q', kind, required: false, maxLength: 100, ...extra };
}

describe('tally of choice questions', () => {
  it('GIVEN answers naming an option twice, an empty choice and a text answer THEN each option counts once per answer and only real choices respond', () => {
    const tally = tallyQuestion(question('multi_choice', { options: ['가', '나', '다'] }), [
      choices('가', '가', '나'),
      choices('나'),
      choices(),
      text('가'),
    ]);
    expect(tally).toEqual({
      counts: [
        { label: '가', count: 1 },
        { label: '나', count: 2 },
        { label: '다', count: 0 },
      ],
      responses: 2,
    });
  });

  it('GIVEN a choice no longer among the options THEN it is counted after the options, in first-seen order', () => {
    const tally = tallyQuestion(question('single_choice', { options: ['가'] }), [
      choices('옛 B'),
      choices('옛 A'),
      choices('옛 B'),
    ]);
    expect(tally?.counts).toEqual([
      { label: '가', count: 0 },
      { label: '옛 B', count: 2 },
      { label: '옛 A', count: 1 },
    ]);
  });

  it('GIVEN a choice question without options THEN only the chosen labels are counted', () => {
    expect(tallyQuestion(question('single_choice'), [choices('x')])).toEqual({
      counts: [{ label: 'x', count: 1 }],
      responses: 1,
    });
  });
});

describe('tally of scale questions', () => {
  it('GIVEN a 1–5 scale THEN every point is listed, zeros included, and the mean has one decimal', () => {
    const tally = tallyQuestion(question('scale', { scale: { min: 1, max: 5 } }), [
      scale(5),
      scale(4),
      scale(4),
      text('5'),
    ]);
    expect(tally).toEqual({
      counts: ['1', '2', '3', '4', '5'].map((label) => ({ label, count: label === '4' ? 2 : label === '5' ? 1 : 0 })),
      responses: 3,
      mean: 4.3,
    });
  });

  it('GIVEN a point outside the range (the range was edited) THEN it is appended in ascending order, not dropped', () => {
    const tally = tallyQuestion(question('scale', { scale: { min: 2, max: 3 } }), [scale(7), scale(1), scale(2)]);
    expect(tally?.counts).toEqual([
      { label: '1', count: 1 },
      { label: '2', count: 1 },
      { label: '3', count: 0 },
      { label: '7', count: 1 },
    ]);
    expect(tally?.mean).toBe(3.3);
  });

  it('GIVEN a scale without a stored range THEN the range runs from the lowest to the highest answer', () => {
    const tally = tallyQuestion(question('scale'), [scale(3), scale(1)]);
    expect(tally).toEqual({
      counts: [
        { label: '1', count: 1 },
        { label: '2', count: 0 },
        { label: '3', count: 1 },
      ],
      responses: 2,
      mean: 2,
    });
  });

  it('GIVEN no answers THEN the points are listed with zeros and there is no mean', () => {
    const tally = tallyQuestion(question('scale', { scale: { min: 1, max: 2 } }), []);
    expect(tally).toEqual({
      counts: [
        { label: '1', count: 0 },
        { label: '2', count: 0 },
      ],
      responses: 0,
    });
  });
});

describe('tally of text questions', () => {
  it.each<Question['kind']>(['long_text', 'short_text'])('GIVEN a %s question THEN there is no tally', (kind) => {
    expect(tallyQuestion(question(kind), [text('a')])).toBeUndefined();
  });
});
