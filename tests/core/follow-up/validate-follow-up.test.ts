import { describe, expect, it } from 'vitest';
import {
  ACTION_TEXT_MAX_LENGTH,
  checkActionInput,
  checkSynthesisText,
  SYNTHESIS_MAX_LENGTH,
  synthesisTarget,
} from '../../../src/core/follow-up/validate-follow-up.ts';
import { sampleRound } from '../store-contract.ts';

const agenda = sampleRound().agenda;
const named = { roundTitle: '2024년 제1차 서면자문' };

describe('synthesis target', () => {
  it('GIVEN a question id, an agenda item id and an unknown id THEN a question, an item, and an error listing the ids', () => {
    expect(synthesisTarget(agenda, '1.2', named)).toEqual({ ok: true, value: { kind: 'question', id: '1.2' } });
    expect(synthesisTarget(agenda, ' 2 ', named)).toEqual({ ok: true, value: { kind: 'item', id: '2' } });
    expect(synthesisTarget(agenda, '3', named)).toEqual({
      ok: false,
      error: { code: 'SYNTHESIS.UNKNOWN_TARGET', params: { ...named, targetId: '3', ids: '1, 1.1, 1.2, 2, 2.1' } },
    });
  });
});

describe('synthesis text', () => {
  it('GIVEN CRLF line ends and blank edges THEN they are kept as \\n, trimmed', () => {
    expect(checkSynthesisText('\r\n○ 가\r\n  - 나\r\n')).toEqual({ ok: true, value: '○ 가\n  - 나' });
  });

  it('GIVEN only spaces, or one character over the limit THEN EMPTY, and TOO_LONG with the limit and the length', () => {
    expect(checkSynthesisText(' \n ')).toEqual({ ok: false, error: { code: 'SYNTHESIS.EMPTY', params: {} } });
    expect(checkSynthesisText('가'.repeat(SYNTHESIS_MAX_LENGTH)).ok).toBe(true);
    expect(checkSynthesisText('가'.repeat(SYNTHESIS_MAX_LENGTH + 1))).toEqual({
      ok: false,
      error: { code: 'SYNTHESIS.TOO_LONG', params: { max: SYNTHESIS_MAX_LENGTH, length: SYNTHESIS_MAX_LENGTH + 1 } },
    });
  });
});

describe('action input', () => {
  it('GIVEN a new action with every field THEN the patch holds them, spaces folded and questions in agenda order', () => {
    expect(
      checkActionInput(
        agenda,
        { text: ' 추진계획\n반영 ', department: ' 대외협력과 ', due: '2024-03-29', questions: '2.1, 1.1' },
        true,
        named,
      ),
    ).toEqual({
      ok: true,
      value: { text: '추진계획 반영', department: '대외협력과', dueDate: '2024-03-29', questionIds: ['1.1', '2.1'] },
    });
  });

  it('GIVEN a new action without text THEN EMPTY; an edit without fields THEN NO_CHANGE', () => {
    expect(checkActionInput(agenda, { department: '과' }, true, named)).toEqual({
      ok: false,
      error: { code: 'ACTION.EMPTY', params: {} },
    });
    expect(checkActionInput(agenda, {}, false, named)).toEqual({
      ok: false,
      error: { code: 'ACTION.NO_CHANGE', params: {} },
    });
  });

  it('GIVEN an edit clearing the department and due date THEN both become null; a status alone is a change', () => {
    expect(checkActionInput(agenda, { department: '', due: ' ' }, false, named)).toEqual({
      ok: true,
      value: { department: null, dueDate: null },
    });
    expect(checkActionInput(agenda, { status: 'done' }, false, named)).toEqual({ ok: true, value: { status: 'done' } });
  });

  it('GIVEN a day that does not exist, an unknown question, text or department too long THEN each is refused with its code', () => {
    expect(checkActionInput(agenda, { due: '2024-02-30' }, false, named)).toEqual({
      ok: false,
      error: { code: 'ACTION.DUE_INVALID', params: { value: '2024-02-30' } },
    });
    expect(checkActionInput(agenda, { questions: '1.1 9.9' }, false, named)).toEqual({
      ok: false,
      error: { code: 'ACTION.UNKNOWN_QUESTION', params: { ...named, questionId: '9.9', ids: '1, 1.1, 1.2, 2, 2.1' } },
    });
    expect(checkActionInput(agenda, { text: '가'.repeat(ACTION_TEXT_MAX_LENGTH + 1) }, false, named)).toMatchObject({
      ok: false,
      error: { code: 'ACTION.TOO_LONG', params: { length: ACTION_TEXT_MAX_LENGTH + 1 } },
    });
    expect(checkActionInput(agenda, { department: '과'.repeat(101) }, false, named)).toMatchObject({
      ok: false,
      error: { code: 'ACTION.DEPARTMENT_TOO_LONG', params: { max: 100, length: 101 } },
    });
  });
});
