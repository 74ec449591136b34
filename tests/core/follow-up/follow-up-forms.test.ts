/**
 * The platform-neutral side of the synthesis and action forms: how a
 * synthesis spreads over inputs (nothing cut off, room to write on), what an
 * action form's submission changes, and where an error is shown.
 */
import { describe, expect, it } from 'vitest';
import {
  actionErrorField,
  actionFormFields,
  actionFormInput,
  synthesisFromInputs,
  synthesisInputValues,
} from '../../../src/core/follow-up/follow-up-forms.ts';
import type { FollowUpAction } from '../../../src/core/model.ts';

const ACTION: FollowUpAction = {
  roundId: 'r',
  number: 2,
  text: '추진계획 반영',
  department: '균형발전담당관',
  dueDate: '2024-03-29',
  status: 'open',
  questionIds: ['1.1', '1.2'],
  createdAt: new Date('2024-02-20T00:00:00Z'),
  createdBy: 'cli',
  updatedAt: new Date('2024-02-20T00:00:00Z'),
  updatedBy: 'cli',
};

describe('synthesis inputs', () => {
  it('GIVEN no synthesis THEN one empty input', () => {
    expect(synthesisInputValues('', 3000)).toEqual(['']);
  });

  it('GIVEN a text leaving at least half an input free THEN one input holding it', () => {
    expect(synthesisInputValues('가'.repeat(1500), 3000)).toEqual(['가'.repeat(1500)]);
  });

  it('GIVEN a text past half an input THEN a second, empty input to write on', () => {
    expect(synthesisInputValues('가'.repeat(1501), 3000)).toEqual(['가'.repeat(1501), '']);
  });

  it('GIVEN a text longer than one input THEN pieces of at most the input size that join back exactly', () => {
    const text = `○ ${'가'.repeat(3500)}\n- ${'나'.repeat(1800)}`;
    const values = synthesisInputValues(text, 3000);
    expect(values.map((v) => v.length)).toEqual([3000, text.length - 3000, 0]);
    expect(synthesisFromInputs(values)).toBe(text);
  });

  it('GIVEN the longest synthesis THEN no more inputs than hold it (4 of 3,000, 3 of 4,000)', () => {
    expect(synthesisInputValues('가'.repeat(12_000), 3000)).toHaveLength(4);
    expect(synthesisInputValues('가'.repeat(12_000), 4000)).toHaveLength(3);
    expect(synthesisInputValues('가'.repeat(11_000), 4000)).toHaveLength(3);
  });

  it('GIVEN inputs left empty (null from Slack) THEN they add nothing', () => {
    expect(synthesisFromInputs(['○ 가', null, undefined, ''])).toBe('○ 가');
  });
});

describe('action form', () => {
  it('GIVEN an action THEN its fields as a person reads them; none: empty and open', () => {
    expect(actionFormFields(ACTION)).toEqual({
      text: '추진계획 반영',
      department: '균형발전담당관',
      due: '2024-03-29',
      questions: '1.1, 1.2',
      status: 'open',
    });
    expect(actionFormFields()).toEqual({ text: '', department: '', due: '', questions: '', status: 'open' });
  });

  it('GIVEN a new action THEN every field given is sent, empty ones are not', () => {
    const typed = { text: '검토', department: ' ', due: '2024-04-01', questions: '', status: 'open' as const };
    expect(actionFormInput(typed)).toEqual({ text: '검토', due: '2024-04-01' });
  });

  it('GIVEN an edit THEN only the fields that differ are sent (spacing and id separators do not count)', () => {
    const typed = {
      ...actionFormFields(ACTION),
      text: ' 추진계획  반영 ',
      questions: '1.1 1.2',
      status: 'done' as const,
    };
    expect(actionFormInput(typed, ACTION)).toEqual({ status: 'done' });
    const cleared = { ...actionFormFields(ACTION), department: '', due: '' };
    expect(actionFormInput(cleared, ACTION)).toEqual({ department: '', due: '' });
    expect(actionFormInput(actionFormFields(ACTION), ACTION)).toEqual({});
  });

  it('GIVEN an error code THEN the field it is shown under', () => {
    expect(actionErrorField('ACTION.DEPARTMENT_TOO_LONG')).toBe('department');
    expect(actionErrorField('ACTION.DUE_INVALID')).toBe('due');
    expect(actionErrorField('ACTION.UNKNOWN_QUESTION')).toBe('questions');
    expect(actionErrorField('ACTION.EMPTY')).toBe('text');
    expect(actionErrorField('STAFF.FORBIDDEN')).toBe('text');
  });
});
