import { describe, expect, it } from 'vitest';
import { parseAgendaTable, type AgendaTableResult } from '../../../src/core/rounds/agenda-table.ts';

function items(result: AgendaTableResult) {
  if (!result.ok) throw new Error(`expected a parsed table, got ${JSON.stringify(result.problems)}`);
  return result.items;
}

function problems(result: AgendaTableResult) {
  if (result.ok) throw new Error('expected problems, the table was accepted');
  return result.problems.map((p) => ({ row: p.line, code: p.code, ...p.params }));
}

describe('parseAgendaTable', () => {
  it('GIVEN Korean headers in any order and merged (blank) agenda cells THEN rows become items and questions', () => {
    const rows = [
      ['질문', '안건', '안건 설명', '응답 방식', '선택지', '필수', '척도', '도움말'],
      ['실적 평가의견', '지역상생교류', '설명', '', '', '', '', '구체적으로'],
      ['만족도', '', '', '단일 선택', '만족 / 보통', '아니오', '', ''],
      ['시급성', '', '', '척도', '', 'Y', '1~7', ''],
      ['분야', '넥스트로컬', '', '복수 선택', '관광\n농업', '', '', ''],
      ['', '', '', '', '', '', '', ''],
      ['한 줄', '넥스트로컬', '', '단답형', '', 'no', '', ''],
    ];
    expect(items(parseAgendaTable(rows))).toEqual([
      {
        line: 2,
        title: '지역상생교류',
        description: '설명',
        questions: [
          { line: 2, prompt: '실적 평가의견', help: '구체적으로', kind: 'long_text', required: true },
          { line: 3, prompt: '만족도', kind: 'single_choice', options: ['만족', '보통'], required: false },
          { line: 4, prompt: '시급성', kind: 'scale', scale: { min: 1, max: 7 }, required: true },
        ],
      },
      {
        line: 5,
        title: '넥스트로컬',
        questions: [
          { line: 5, prompt: '분야', kind: 'multi_choice', options: ['관광', '농업'], required: true },
          { line: 7, prompt: '한 줄', kind: 'short_text', required: false },
        ],
      },
    ]);
  });

  it('GIVEN English headers and types THEN they read the same', () => {
    const rows = [
      ['Agenda', 'Question', 'Type', 'Options', 'Required'],
      ['Item', 'Q', 'Choice', 'a/b', 'yes'],
      ['', 'Q2', 'LONG', '', 'false'],
    ];
    const [item] = items(parseAgendaTable(rows));
    expect(item?.questions.map((q) => [q.kind, q.options, q.required])).toEqual([
      ['single_choice', ['a', 'b'], true],
      ['long_text', undefined, false],
    ]);
  });

  it('GIVEN a scale question without a scale cell THEN the round file default applies later (no scale here)', () => {
    const [item] = items(
      parseAgendaTable([
        ['안건', '질문', '응답 방식'],
        ['A', 'Q', '척도'],
      ]),
    );
    expect(item?.questions[0]).toEqual({ line: 2, prompt: 'Q', kind: 'scale', required: true });
  });

  it('GIVEN a table with many problems THEN each is reported on its row, in row order', () => {
    const rows = [
      ['안건', '질문', '응답 방식', '선택지', '필수', '척도', '비고'],
      ['', '안건 없는 질문', '', '', '', '', ''],
      ['A', '', '', '', '', '', ''],
      ['A', '종류', '객관식', '', '', '', ''],
      ['A', '필수', '', '', '아마도', '', ''],
      ['A', '선택지 없음', '복수 선택', '', '', '', ''],
      ['A', '선택지 잘못', '서술형', '가 / 나', '', '', ''],
      ['A', '척도', '척도', '', '', '5-1', ''],
    ];
    expect(problems(parseAgendaTable(rows))).toEqual([
      { row: 1, code: 'authoring.table.unknown-column', column: '비고' },
      { row: 2, code: 'authoring.table.no-item' },
      { row: 3, code: 'authoring.table.no-question' },
      { row: 4, code: 'authoring.table.unknown-type', type: '객관식' },
      { row: 5, code: 'authoring.table.unknown-required', value: '아마도' },
      { row: 6, code: 'authoring.table.options-missing' },
      { row: 7, code: 'authoring.table.options-not-allowed' },
      { row: 8, code: 'authoring.table.bad-scale', scale: '5-1' },
    ]);
  });

  it('GIVEN a header without the question or agenda column THEN each missing one is named', () => {
    expect(problems(parseAgendaTable([['응답 방식'], ['서술형']]))).toEqual([
      { row: 1, code: 'authoring.table.missing-column', column: '안건' },
      { row: 1, code: 'authoring.table.missing-column', column: '질문' },
    ]);
  });

  it('GIVEN no rows, or only a header and blank rows THEN the table is empty', () => {
    expect(problems(parseAgendaTable([]))).toEqual([{ row: 1, code: 'authoring.table.empty' }]);
    expect(
      problems(
        parseAgendaTable([
          ['안건', '질문'],
          [' ', ''],
        ]),
      ),
    ).toEqual([{ row: 1, code: 'authoring.table.empty' }]);
  });

  it('GIVEN a short row THEN its missing cells are blank, not an error', () => {
    const [item] = items(
      parseAgendaTable([
        ['안건', '질문', '필수'],
        ['A', 'Q'],
      ]),
    );
    expect(item?.questions[0]?.required).toBe(true);
  });

  it('GIVEN blank header cells, headers with stray spaces and cells with spaces around THEN blanks are skipped and text is trimmed', () => {
    const rows = [
      [' 안건 ', '', '안건   설명', ' 질문', '', ' 도움말 '],
      ['  A  ', 'x', ' 설명 ', ' Q ', 'y', ' 요령 '],
    ];
    expect(items(parseAgendaTable(rows))).toEqual([
      {
        line: 2,
        title: 'A',
        description: '설명',
        questions: [{ line: 2, prompt: 'Q', help: '요령', kind: 'long_text', required: true }],
      },
    ]);
  });

  it('GIVEN an unknown header with spaces around THEN it is named without them', () => {
    expect(
      problems(
        parseAgendaTable([
          ['안건', '질문', ' 비고 '],
          ['A', 'Q', ''],
        ]),
      ),
    ).toEqual([{ row: 1, code: 'authoring.table.unknown-column', column: '비고' }]);
  });

  it('GIVEN options on lines with a blank line and a trailing line end THEN empty options are dropped', () => {
    const [item] = items(
      parseAgendaTable([
        ['안건', '질문', '응답 방식', '선택지'],
        ['A', 'Q', '단일 선택', '가\r\n\r\n나\n'],
      ]),
    );
    expect(item?.questions[0]?.options).toEqual(['가', '나']);
  });

  it('GIVEN a scale cell on a question that is not a scale THEN it is ignored', () => {
    const [item] = items(
      parseAgendaTable([
        ['안건', '질문', '응답 방식', '척도'],
        ['A', 'Q', '서술형', '1-5'],
      ]),
    );
    expect(item?.questions[0]).toEqual({ line: 2, prompt: 'Q', kind: 'long_text', required: true });
  });

  it('GIVEN equal scale bounds, a scale that is no range and negative bounds THEN the first two are refused, the third read', () => {
    const rows = [
      ['안건', '질문', '응답 방식', '척도'],
      ['A', '같음', '척도', '3-3'],
      ['A', '글자', '척도', '다섯'],
    ];
    expect(problems(parseAgendaTable(rows))).toEqual([
      { row: 2, code: 'authoring.table.bad-scale', scale: '3-3' },
      { row: 3, code: 'authoring.table.bad-scale', scale: '다섯' },
    ]);
    const [item] = items(
      parseAgendaTable([
        ['안건', '질문', '응답 방식', '척도'],
        ['A', 'Q', '척도', '-2 ~ 2'],
      ]),
    );
    expect(item?.questions[0]?.scale).toEqual({ min: -2, max: 2 });
  });

  it('GIVEN every English header and every spelling of required and optional THEN each reads as meant', () => {
    const rows = [
      ['agenda', 'description', 'question', 'type', 'scale', 'help', 'required'],
      ['A', 'about A', 'Q1', 'short', '', 'hint', 'y'],
      ['A', '', 'Q2', 'scale', '1 - 10', '', 'o'],
      ['A', '', 'Q3', 'long', '', '', 'true'],
      ['A', '', 'Q4', 'long', '', '', '필수'],
      ['A', '', 'Q5', 'long', '', '', 'N'],
      ['A', '', 'Q6', 'long', '', '', 'x'],
      ['A', '', 'Q7', 'long', '', '', 'false'],
      ['A', '', 'Q8', 'long', '', '', '필수 아님'],
      ['A', '', 'Q9', '단답형', '', '', '아니요'],
    ];
    const [item] = items(parseAgendaTable(rows));
    expect(item?.description).toBe('about A');
    expect(item?.questions.map((q) => [q.prompt, q.kind, q.required])).toEqual([
      ['Q1', 'short_text', true],
      ['Q2', 'scale', true],
      ['Q3', 'long_text', true],
      ['Q4', 'long_text', true],
      ['Q5', 'long_text', false],
      ['Q6', 'long_text', false],
      ['Q7', 'long_text', false],
      ['Q8', 'long_text', false],
      ['Q9', 'short_text', false],
    ]);
    expect(item?.questions[0]?.help).toBe('hint');
    expect(item?.questions[1]?.scale).toEqual({ min: 1, max: 10 });
  });

  it('GIVEN English multiple-choice and scale types THEN they read as those kinds', () => {
    const [item] = items(
      parseAgendaTable([
        ['안건', '질문', '응답 방식', '선택지'],
        ['A', 'Q1', 'Multiple', 'a / b'],
        ['A', 'Q2', 'Scale', ''],
      ]),
    );
    expect(item?.questions.map((q) => q.kind)).toEqual(['multi_choice', 'scale']);
  });

  it('GIVEN a scale with text before or after the range THEN it is refused', () => {
    const rows = [
      ['안건', '질문', '응답 방식', '척도'],
      ['A', '앞', '척도', '점수 1-5'],
      ['A', '뒤', '척도', '1-5점'],
    ];
    expect(problems(parseAgendaTable(rows))).toEqual([
      { row: 2, code: 'authoring.table.bad-scale', scale: '점수 1-5' },
      { row: 3, code: 'authoring.table.bad-scale', scale: '1-5점' },
    ]);
  });

  it('GIVEN a header with the agenda column but no question column THEN only the missing column is reported, no row', () => {
    expect(problems(parseAgendaTable([['안건'], ['A'], ['B']]))).toEqual([
      { row: 1, code: 'authoring.table.missing-column', column: '질문' },
    ]);
  });

  it('GIVEN a row of spaces and a title repeated after three items THEN the row is skipped and the repeat continues the last item', () => {
    const rows = [
      ['안건', '질문'],
      ['A', 'Q1'],
      ['B', 'Q2'],
      ['  ', ' '],
      ['C', 'Q3'],
      ['C', 'Q4'],
    ];
    expect(items(parseAgendaTable(rows)).map((i) => [i.title, i.questions.map((q) => q.prompt)])).toEqual([
      ['A', ['Q1']],
      ['B', ['Q2']],
      ['C', ['Q3', 'Q4']],
    ]);
  });
});
