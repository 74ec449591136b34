import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import type { QuestionnaireView } from '../../../src/core/ports/messenger.ts';
import type { Question } from '../../../src/core/model.ts';
import { planPages, questionnaireModal, readAnswers } from '../../../src/adapters/slack/questionnaire-modal.ts';
import { validateView } from '../../fakes/slack/validate-blocks.ts';
import { fillView } from '../../fakes/slack/slack-payloads.ts';
import { MAX_OPTION, MAX_TITLE } from '../../../src/config/check-platform-limits.ts';

const q = (id: string, kind: Question['kind'], extra: Partial<Question> = {}): Question => ({
  id,
  prompt: `질문 ${id}`,
  kind,
  required: false,
  maxLength: 2000,
  ...extra,
});

function view(questions: Question[], drafts: QuestionnaireView['items'][number]['drafts'] = {}): QuestionnaireView {
  return {
    roundId: '2024-1',
    roundTitle: '서면자문',
    locale: 'ko',
    closesAtLocal: '2024-02-15 18:00',
    submitted: false,
    items: [{ id: '1', title: '안건', questions, drafts }],
  };
}

const isInput = (b: types.AnyBlock): b is types.InputBlock => b.type === 'input';

const asFake = (v: ReturnType<typeof questionnaireModal>) => ({
  method: 'views.open' as const,
  viewId: 'V1',
  view: v as unknown as Record<string, unknown>,
});

describe('questionnaire modal', () => {
  it('GIVEN every kind of question WHEN rendered and filled THEN the fitting inputs read back as the answers typed', () => {
    const questions = [
      q('1.1', 'long_text'),
      q('1.2', 'short_text', { maxLength: 200 }),
      q('1.3', 'single_choice', { options: ['예', '아니오'] }),
      q('1.4', 'multi_choice', { options: ['가', '나', '다'] }),
      q('1.5', 'scale', { scale: { min: 1, max: 5, minLabel: '낮음', maxLabel: '높음' } }),
    ];
    const modal = questionnaireModal(view(questions), 0);
    expect(validateView(modal)).toBeNull();
    const kinds = modal.blocks.filter(isInput).map((b) => b.element.type);
    expect(kinds).toEqual(['plain_text_input', 'plain_text_input', 'radio_buttons', 'checkboxes', 'static_select']);
    const values = fillView(asFake(modal), {
      '1.1': '장문\n의견',
      '1.2': '짧게',
      '1.3': '아니오',
      '1.4': ['가', '다'],
      '1.5': '4',
    });
    expect(readAnswers(view(questions).items[0]!, values as never)).toEqual([
      { questionId: '1.1', value: '장문\n의견' },
      { questionId: '1.2', value: '짧게' },
      { questionId: '1.3', value: '아니오' },
      { questionId: '1.4', value: ['가', '다'] },
      { questionId: '1.5', value: 4 },
    ]);
  });

  it('GIVEN saved drafts WHEN rendered THEN each input is prefilled', () => {
    const questions = [
      q('1.1', 'long_text'),
      q('1.3', 'single_choice', { options: ['예', '아니오'] }),
      q('1.5', 'scale', { scale: { min: 1, max: 5 } }),
    ];
    const modal = questionnaireModal(view(questions, { '1.1': '초안', '1.3': '예', '1.5': 2 }), 0);
    const inputs = modal.blocks.filter(isInput).map((b) => b.element as unknown as Record<string, unknown>);
    expect(inputs[0]?.initial_value).toBe('초안');
    expect(inputs[1]?.initial_option).toMatchObject({ value: '0' });
    expect(inputs[2]?.initial_option).toMatchObject({ value: '2' });
  });

  it('GIVEN a 7000-character limit and a draft of 6500 WHEN rendered THEN three inputs carry it whole and read back concatenated', () => {
    const draft = `${'가'.repeat(3500)}${'나'.repeat(3000)}`;
    const questions = [q('1.1', 'long_text', { maxLength: 7000 })];
    const modal = questionnaireModal(view(questions, { '1.1': draft }), 0);
    expect(validateView(modal)).toBeNull();
    const inputs = modal.blocks.filter((b) => b.type === 'input');
    expect(inputs).toHaveLength(3);
    expect(readAnswers(view(questions).items[0]!, fillView(asFake(modal), { '1.1': draft }) as never)).toEqual([
      { questionId: '1.1', value: draft },
    ]);
  });

  it('GIVEN a prompt longer than a label WHEN rendered THEN it moves whole into section blocks above a short label', () => {
    const prompt = '설명 '.repeat(1500);
    const modal = questionnaireModal(view([q('1.1', 'long_text', { prompt })]), 0);
    expect(validateView(modal)).toBeNull();
    const sections = modal.blocks
      .filter((b) => b.type === 'section')
      .map((b) => (b as { text: { text: string } }).text.text)
      .join('');
    expect(sections.split('설명').length - 1).toBe(1500);
  });

  it('GIVEN an item with more questions than one view holds WHEN planned THEN it continues on further pages, none over 100 blocks', () => {
    const questions = Array.from({ length: 120 }, (_, i) => q(`1.${i + 1}`, 'short_text'));
    const v = view(questions);
    const pages = planPages(v);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flatMap((p) => p.questions.map((x) => x.id))).toEqual(questions.map((x) => x.id));
    for (let i = 0; i < pages.length; i += 1) expect(validateView(questionnaireModal(v, i))).toBeNull();
  });
});

describe('questionnaire modal at the limits config allows', () => {
  const options = Array.from({ length: 100 }, (_, i) => `${i + 1}번 선택지 `.padEnd(MAX_OPTION, '가'));

  it('GIVEN a round title and an item title of the longest config allows, all characters escaping WHEN rendered THEN Slack accepts the view and both titles are whole', () => {
    const v = view([q('1.1', 'long_text')]);
    v.roundTitle = '&<>'.repeat(MAX_TITLE / 3);
    v.items[0]!.title = '<&>'.repeat(MAX_TITLE / 3);
    const modal = questionnaireModal(v, 0);
    expect(validateView(modal)).toBeNull();
    const text = JSON.stringify(modal.blocks);
    expect(text).toContain('&amp;&lt;&gt;'.repeat(MAX_TITLE / 3));
    expect(text).toContain('&lt;&amp;&gt;'.repeat(MAX_TITLE / 3));
    // What the bound prevents: a 700-character title escapes past the context line's 3,000.
    v.roundTitle = '&'.repeat(700);
    expect(validateView(questionnaireModal(v, 0))).not.toBeNull();
  });

  it('GIVEN 100 options of 100 characters (Slack shows 75) WHEN rendered THEN one select of 100 options, every option listed whole and numbered above it', () => {
    for (const kind of ['single_choice', 'multi_choice'] as const) {
      const modal = questionnaireModal(view([q('1.1', kind, { options })]), 0);
      expect(validateView(modal)).toBeNull();
      const input = modal.blocks.find(isInput);
      expect(input?.element.type).toBe(kind === 'single_choice' ? 'static_select' : 'multi_static_select');
      const listed = JSON.stringify(modal.blocks.filter((b) => b.type === 'section'));
      for (const [i, option] of options.entries()) expect(listed).toContain(`${i + 1}) ${option}`);
    }
  });

  it('GIVEN 10 options THEN radio buttons; 11 THEN a select (Slack’s radio buttons hold 10)', () => {
    const radio = questionnaireModal(view([q('1.1', 'single_choice', { options: options.slice(0, 10) })]), 0);
    const select = questionnaireModal(view([q('1.1', 'single_choice', { options: options.slice(0, 11) })]), 0);
    expect(radio.blocks.find(isInput)?.element.type).toBe('radio_buttons');
    expect(select.blocks.find(isInput)?.element.type).toBe('static_select');
    expect(validateView(radio)).toBeNull();
    expect(validateView(select)).toBeNull();
  });

  it('GIVEN a scale of 1–10 with end labels of the longest config allows WHEN rendered THEN each option holds its point and its whole label', () => {
    const label = '매'.repeat(70);
    const modal = questionnaireModal(
      view([q('1.1', 'scale', { scale: { min: 1, max: 10, minLabel: label, maxLabel: label } })]),
      0,
    );
    expect(validateView(modal)).toBeNull();
    expect(JSON.stringify(modal.blocks)).toContain(`10 – ${label}`);
  });

  it('GIVEN a scale of more than 100 points WHEN rendered THEN a number input, not a cut select', () => {
    const modal = questionnaireModal(view([q('1.1', 'scale', { scale: { min: 0, max: 1000 } })]), 0);
    expect(validateView(modal)).toBeNull();
    expect(modal.blocks.find(isInput)?.element.type).toBe('number_input');
  });
});
