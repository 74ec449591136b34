import { describe, expect, it } from 'vitest';
import {
  MODAL_MAX_FIELDS,
  TEXT_INPUT_MAX,
  planPages,
  readSubmission,
} from '../../../src/adapters/discord/questionnaire-pages.ts';
import { questionnaireModal } from '../../../src/adapters/discord/questionnaire-modal.ts';
import type { Question } from '../../../src/core/model.ts';
import { validateModal } from '../../fakes/discord/validate-payload.ts';
import { MAX_OPTION, MAX_TITLE } from '../../../src/config/check-platform-limits.ts';
import type { QuestionnaireView } from '../../../src/core/ports/messenger.ts';

function text(id: string, maxLength = 2000): Question {
  return {
    id,
    prompt: `질문 ${id}: 2023년 지역상생교류 사업 성과에 대한 평가와 개선 방향에 대해 의견을 주십시오`,
    kind: 'long_text',
    required: true,
    maxLength,
  };
}

function view(questions: Question[], drafts: QuestionnaireView['items'][number]['drafts'] = {}): QuestionnaireView {
  return {
    roundId: 'r',
    roundTitle: '회차',
    locale: 'ko',
    closesAtLocal: '2024-02-15 18:00',
    submitted: false,
    items: [{ id: '1', title: '서울시 지역상생교류 추진', questions, drafts }],
  };
}

describe('questionnaire pages', () => {
  it('GIVEN a choice question of 60 options WHEN paged THEN it gets three selects of at most 25, none cut, and picks from two of them come back as one answer', () => {
    const options = Array.from({ length: 60 }, (_, i) => `선택지 ${i + 1}`);
    const question: Question = { ...text('1.1'), kind: 'multi_choice', options };
    const v = view([question], { '1.1': ['선택지 30'] });
    const [page] = planPages(v);
    const selects = (page?.fields ?? []).filter((f) => f.kind === 'select');
    expect(selects.map((f) => (f.kind === 'select' ? f.options.length : 0))).toEqual([25, 25, 10]);
    expect(selects.flatMap((f) => (f.kind === 'select' ? f.options.map((o) => o.label) : []))).toEqual(options);
    const modal = questionnaireModal('r', page!, 1, 'ko');
    expect(validateModal(modal as never)).toBeNull();
    expect(modal.components.map((c) => ('label' in c ? c.label : ''))).toEqual(
      expect.arrayContaining([expect.stringMatching(/\(26–50\)$/)]),
    );
    const answers = readSubmission(
      v,
      new Map<string, string | string[]>([
        ['1.1#0', ['2']],
        ['1.1#1', ['29']],
        ['1.1#2', []],
      ]),
    );
    expect(answers).toEqual([{ questionId: '1.1', value: ['선택지 3', '선택지 30'] }]);
  });

  it("GIVEN a draft over 4,000 characters with an emoji across the cut WHEN paged THEN no input holds half of it and the modal passes the fake's checks", () => {
    const draft = `${'가'.repeat(TEXT_INPUT_MAX - 1)}😀${'나'.repeat(100)}`;
    const [page] = planPages(view([text('1.1', 9000)], { '1.1': draft }));
    const values = (page?.fields ?? []).map((f) => (f.kind === 'text' ? f.value : ''));
    expect(values.join('')).toBe(draft);
    for (const value of values) {
      expect(value.length).toBeLessThanOrEqual(TEXT_INPUT_MAX);
      expect(value).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
    expect(validateModal(questionnaireModal('r', page!, 1, 'ko') as never)).toBeNull();
  });

  it('GIVEN seven short questions in one item WHEN paged THEN pages hold at most five fields', () => {
    const pages = planPages(view(Array.from({ length: 7 }, (_, i) => text(`1.${i + 1}`))));
    expect(pages.map((p) => p.fields.length)).toEqual([5, 2]);
  });

  it('GIVEN a question allowing 9,000 characters WHEN paged THEN it gets three inputs of 4,000 and the draft is spread over them', () => {
    const draft = 'a'.repeat(TEXT_INPUT_MAX) + 'b'.repeat(TEXT_INPUT_MAX) + 'c'.repeat(500);
    const [page] = planPages(view([text('1.1', 9000)], { '1.1': draft }));
    const fields = page?.fields ?? [];
    expect(fields).toHaveLength(3);
    expect(fields.map((f) => (f.kind === 'text' ? f.value.length : 0))).toEqual([4000, 4000, 500]);
    const modal = questionnaireModal('r', page!, 1, 'ko');
    expect(modal.components).toHaveLength(3);
    expect(modal.title.length).toBeLessThanOrEqual(45);
    for (const c of modal.components) if ('label' in c) expect(c.label.length).toBeLessThanOrEqual(45);
  });

  it('GIVEN a draft with an emoji across the 4,000-character input limit WHEN paged THEN no input holds half of it, and submitting the inputs unchanged gives the draft back', () => {
    const draft = `${'a'.repeat(TEXT_INPUT_MAX - 1)}😀${'b'.repeat(10)}`;
    const v = view([text('1.1', 9000)], { '1.1': draft });
    const [page] = planPages(v);
    const values = (page?.fields ?? []).map((f) => (f.kind === 'text' ? f.value : ''));
    expect(values).toEqual(['a'.repeat(TEXT_INPUT_MAX - 1), `😀${'b'.repeat(10)}`, '']);
    const fields = new Map((page?.fields ?? []).map((f, i) => [f.id, values[i] ?? '']));
    expect(readSubmission(v, fields)).toEqual([{ questionId: '1.1', value: draft }]);
  });

  it('GIVEN continued inputs WHEN submitted THEN the parts are joined in order into one answer', () => {
    const v = view([text('1.1', 9000)]);
    const answers = readSubmission(
      v,
      new Map([
        ['1.1#1', 'B'.repeat(10)],
        ['1.1#0', 'A'.repeat(4000)],
        ['1.1#2', 'C'],
      ]),
    );
    expect(answers).toEqual([{ questionId: '1.1', value: 'A'.repeat(4000) + 'B'.repeat(10) + 'C' }]);
  });

  it('GIVEN a draft longer than five inputs WHEN its prefilled beginning comes back unchanged THEN it is not saved shortened', () => {
    const long = 'x'.repeat(MODAL_MAX_FIELDS * TEXT_INPUT_MAX + 100);
    const v = view([text('1.1', 2000)], { '1.1': long });
    const [page] = planPages(v);
    const fields = new Map((page?.fields ?? []).map((f) => [f.id, f.kind === 'text' ? f.value : '']));
    expect(readSubmission(v, fields)).toEqual([]);
  });

  it('GIVEN choice and scale questions WHEN paged and submitted THEN they are selects whose picks map back to labels and points', () => {
    const choice: Question = {
      id: '2.1',
      prompt: '역할',
      kind: 'multi_choice',
      options: ['서울', '지역', '공동'],
      required: false,
      maxLength: 100,
    };
    const scale: Question = {
      id: '2.2',
      prompt: '만족도',
      kind: 'scale',
      scale: { min: 1, max: 5, minLabel: '낮음', maxLabel: '높음' },
      required: false,
      maxLength: 10,
    };
    const v = view([choice, scale], { '2.1': ['지역'], '2.2': 4 });
    const [page] = planPages(v);
    const [c, s] = page?.fields ?? [];
    expect(c?.kind === 'select' && c.options.filter((o) => o.chosen).map((o) => o.label)).toEqual(['지역']);
    expect(s?.kind === 'select' && s.options.find((o) => o.chosen)?.value).toBe('4');
    expect(
      readSubmission(
        v,
        new Map([
          ['2.1#0', ['0', '2']],
          ['2.2#0', ['5']],
        ]),
      ),
    ).toEqual([
      { questionId: '2.1', value: ['서울', '공동'] },
      { questionId: '2.2', value: 5 },
    ]);
    expect(readSubmission(v, new Map([['2.2#0', []]]))).toEqual([]);
  });
});

describe('questionnaire pages at the limits config allows', () => {
  it('GIVEN 100 options of 100 characters WHEN paged THEN four selects of 25 whose labels are whole, and Discord accepts the modal', () => {
    const options = Array.from({ length: 100 }, (_, i) => `${i + 1}번 선택지 `.padEnd(MAX_OPTION, '가'));
    const [page] = planPages(view([{ ...text('1.1'), kind: 'single_choice', options }]));
    const modal = questionnaireModal('r', page!, 1, 'ko');
    expect(validateModal(modal as never)).toBeNull();
    const labels = modal.components.flatMap((c) =>
      'component' in c && 'options' in c.component ? (c.component.options ?? []).map((o) => o.label) : [],
    );
    expect(labels).toEqual(options);
  });

  it('GIVEN a scale of 1–10 with end labels of the longest config allows WHEN paged THEN each option holds its point and its whole label', () => {
    const label = '매'.repeat(70);
    const [page] = planPages(
      view([{ ...text('1.1'), kind: 'scale', scale: { min: 1, max: 10, minLabel: label, maxLabel: label } }]),
    );
    const modal = questionnaireModal('r', page!, 1, 'ko');
    expect(validateModal(modal as never)).toBeNull();
    expect(JSON.stringify(modal)).toContain(`10 (${label})`);
  });

  it('GIVEN an item title of the longest config allows WHEN paged THEN the modal title is clipped within 45 and Discord accepts it', () => {
    const v = view([text('1.1')]);
    v.items[0]!.title = '가'.repeat(MAX_TITLE);
    const modal = questionnaireModal('r', planPages(v)[0]!, 1, 'ko');
    expect(validateModal(modal as never)).toBeNull();
    expect(modal.title.length).toBeLessThanOrEqual(45);
  });
});
