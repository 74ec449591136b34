import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAgendaText, type AgendaTextResult } from '../../../src/core/rounds/agenda-text.ts';
import { SEED_PASTE } from '../../fakes/seed-agenda-paste.ts';

function items(result: AgendaTextResult) {
  if (!result.ok) throw new Error(`expected a parsed agenda, got ${JSON.stringify(result.problems)}`);
  return result.items;
}

function problems(result: AgendaTextResult) {
  if (result.ok) throw new Error('expected problems, the paste was accepted');
  return result.problems.map((p) => ({ line: p.line, code: p.code, ...p.params }));
}

describe('parseAgendaText', () => {
  it('GIVEN the seed round pasted from the report THEN it reads the same 2 items and 7 prompts as its YAML file', () => {
    const parsed = items(parseAgendaText(SEED_PASTE));
    const yaml = readFileSync(new URL('../../../config/rounds/2024-1.yaml', import.meta.url), 'utf8');
    const yamlPrompts = [...yaml.matchAll(/- prompt: (.*)$/gmu)].map((m) => m[1]);
    expect(parsed.map((i) => i.title)).toEqual([
      '서울시 지역상생교류 추진',
      "'24년 지역연계형 청년 창업 지원사업(넥스트로컬)",
    ]);
    expect(parsed.flatMap((i) => i.questions.map((q) => q.prompt))).toEqual(yamlPrompts);
    expect(parsed.flatMap((i) => i.questions.map((q) => [q.kind, q.required]))).toEqual(
      Array.from({ length: 7 }, () => ['long_text', true]),
    );
  });

  it('GIVEN a prompt ending in parentheses that are no marker THEN they stay in the prompt', () => {
    const [item] = items(parseAgendaText('# A\n신규 사업 아이디어(주체별, 대상별)'));
    expect(item?.questions[0]?.prompt).toBe('신규 사업 아이디어(주체별, 대상별)');
  });

  it('GIVEN each marker in Korean THEN kind, options, scale and required follow', () => {
    const paste = [
      '# 안건',
      '만족도 (선택: 매우 만족 / 만족 / 보통)',
      '관심 분야 (복수 선택: 관광/농업/교육)',
      '한 줄 의견 (단답) (필수 아님)',
      '시급성 （척도：1-5）',
      '기타 의견 (필수 아님)',
    ].join('\n');
    const questions = items(parseAgendaText(paste))[0]?.questions;
    expect(questions).toEqual([
      { line: 2, prompt: '만족도', kind: 'single_choice', options: ['매우 만족', '만족', '보통'], required: true },
      { line: 3, prompt: '관심 분야', kind: 'multi_choice', options: ['관광', '농업', '교육'], required: true },
      { line: 4, prompt: '한 줄 의견', kind: 'short_text', required: false },
      { line: 5, prompt: '시급성', kind: 'scale', scale: { min: 1, max: 5 }, required: true },
      { line: 6, prompt: '기타 의견', kind: 'long_text', required: false },
    ]);
  });

  it('GIVEN the English markers THEN they read the same', () => {
    const paste = '# Item\nQ1 (Choice: Yes / No)\nQ2 (multiple: a/b)\nQ3 (short)\nQ4 (Optional)\nQ5 (scale 0~10)';
    const questions = items(parseAgendaText(paste))[0]?.questions ?? [];
    expect(questions.map((q) => [q.prompt, q.kind, q.required])).toEqual([
      ['Q1', 'single_choice', true],
      ['Q2', 'multi_choice', true],
      ['Q3', 'short_text', true],
      ['Q4', 'long_text', false],
      ['Q5', 'scale', true],
    ]);
    expect(questions[4]?.scale).toEqual({ min: 0, max: 10 });
  });

  it('GIVEN options with a slash inside and " / " between them THEN only " / " separates', () => {
    const [item] = items(parseAgendaText('# A\n형태 (선택: 및/또는 / 단독)'));
    expect(item?.questions[0]?.options).toEqual(['및/또는', '단독']);
  });

  it('GIVEN an empty option between two slashes THEN it is left out, not read as an option starting with a slash', () => {
    const [item] = items(parseAgendaText('# A\n형태 (선택: 가 / / 나)'));
    expect(item?.questions[0]?.options).toEqual(['가', '나']);
  });

  it('GIVEN `>` lines THEN under a title they describe the item, under a question they are its help', () => {
    const paste = '# 안건\n> 설명 1\n> 설명 2\n질문\n> 작성 요령';
    const [item] = items(parseAgendaText(paste));
    expect(item?.description).toBe('설명 1\n설명 2');
    expect(item?.questions[0]).toMatchObject({ prompt: '질문', help: '작성 요령' });
  });

  it('GIVEN list markers THEN one leading marker is dropped from titles and prompts', () => {
    const paste = '# 가. 제목\n- 하나\n① 둘\n1) 셋\n※ 넷\n2023년 실적';
    const [item] = items(parseAgendaText(paste));
    expect(item?.title).toBe('제목');
    expect(item?.questions.map((q) => q.prompt)).toEqual(['하나', '둘', '셋', '넷', '2023년 실적']);
  });

  it('GIVEN Windows line ends, a BOM and blank lines THEN lines are still counted from 1', () => {
    const result = parseAgendaText('\uFEFF# A\r\n\r\n질문 (선택: 하나)\r\n');
    expect(problems(result)).toEqual([{ line: 3, code: 'authoring.agenda.too-few-options', count: 1 }]);
  });

  it('GIVEN a paste with many problems THEN each is reported on its line, in line order', () => {
    const paste = [
      '질문이 먼저', // 1
      '> 설명이 먼저', // 2
      '#', // 3
      '# 빈 안건', // 4
      '# 안건', // 5
      '(선택: 가 / 나)', // 6
      '중복 (선택: 가 / 가)', // 7
      '두 방식 (단답) (척도: 1-5)', // 8
      '거꾸로 (척도: 5-1)', // 9
      '빈 선택지 (선택: / )', // 10
    ].join('\n');
    expect(problems(parseAgendaText(paste))).toEqual([
      { line: 1, code: 'authoring.agenda.question-before-item' },
      { line: 2, code: 'authoring.agenda.note-before-item' },
      { line: 3, code: 'authoring.agenda.empty-title' },
      { line: 3, code: 'authoring.agenda.no-questions', title: '' },
      { line: 4, code: 'authoring.agenda.no-questions', title: '빈 안건' },
      { line: 6, code: 'authoring.agenda.empty-prompt' },
      { line: 7, code: 'authoring.agenda.duplicate-option', option: '가' },
      { line: 8, code: 'authoring.agenda.two-kinds' },
      { line: 9, code: 'authoring.agenda.bad-scale', min: 5, max: 1 },
      { line: 10, code: 'authoring.agenda.too-few-options', count: 0 },
    ]);
  });

  it('GIVEN an empty or blank paste THEN it says there is no agenda', () => {
    expect(problems(parseAgendaText(''))).toEqual([{ line: 1, code: 'authoring.agenda.empty' }]);
    expect(problems(parseAgendaText('\n  \n'))).toEqual([{ line: 1, code: 'authoring.agenda.empty' }]);
  });

  it('GIVEN `##` THEN it is a question, not an item (only `#` starts one)', () => {
    const [item] = items(parseAgendaText('# A\n## 질문'));
    expect(item?.questions.map((q) => q.prompt)).toEqual(['## 질문']);
  });

  it('GIVEN equal scale bounds THEN the scale is refused', () => {
    expect(problems(parseAgendaText('# A\nQ (scale: 3-3)'))).toEqual([
      { line: 2, code: 'authoring.agenda.bad-scale', min: 3, max: 3 },
    ]);
  });

  it('GIVEN markers in capitals, with spaces inside and without the space in 필수아님 THEN they are still markers', () => {
    const paste = '# A\nQ1 (MULTIPLE: a/ b)\nQ2 (SCALE: 1-5)\nQ3 ( optional )\nQ4 (필수아님)';
    const questions = items(parseAgendaText(paste))[0]?.questions ?? [];
    expect(questions.map((q) => [q.prompt, q.kind, q.required])).toEqual([
      ['Q1', 'multi_choice', true],
      ['Q2', 'scale', true],
      ['Q3', 'long_text', false],
      ['Q4', 'long_text', false],
    ]);
    expect(questions[0]?.options).toEqual(['a', 'b']);
  });

  it('GIVEN parentheses that only contain a marker word among others THEN they stay in the prompt', () => {
    const paste = '# A\nQ1 (not optional)\nQ2 (optional here)\nQ3 (short answer)\nQ4 (very short)\nQ5 (단답)형';
    const questions = items(parseAgendaText(paste))[0]?.questions ?? [];
    expect(questions.map((q) => [q.prompt, q.kind, q.required])).toEqual([
      ['Q1 (not optional)', 'long_text', true],
      ['Q2 (optional here)', 'long_text', true],
      ['Q3 (short answer)', 'long_text', true],
      ['Q4 (very short)', 'long_text', true],
      ['Q5 (단답)형', 'long_text', true],
    ]);
  });

  it('GIVEN two-digit numbering, a marker without a space and `>` inside a line THEN the number and marker go, the line stays a question', () => {
    const paste = '# A\n10. 열 번째\n①둘\n비용 > 편익 여부\n> 첫 줄\n> 둘째 줄';
    const [item] = items(parseAgendaText(paste));
    expect(item?.questions.map((q) => q.prompt)).toEqual(['열 번째', '둘', '비용 > 편익 여부']);
    expect(item?.questions[2]?.help).toBe('첫 줄\n둘째 줄');
  });

  it('GIVEN only a question and no item THEN that is the one problem, not also an empty paste', () => {
    expect(problems(parseAgendaText('질문'))).toEqual([{ line: 1, code: 'authoring.agenda.question-before-item' }]);
  });
});
