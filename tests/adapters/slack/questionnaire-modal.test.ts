import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import type { QuestionnaireView } from '../../../src/core/ports/messenger.ts';
import type { Question } from '../../../src/core/model.ts';
import { planPages, questionnaireModal, readAnswers } from '../../../src/adapters/slack/questionnaire-modal.ts';
import { validateView } from '../../fakes/slack/validate-blocks.ts';
import { fillView } from '../../fakes/slack/slack-payloads.ts';

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
