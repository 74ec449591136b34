/**
 * The Slack round form as built and read back, without Bolt: what Slack
 * would refuse (checked by the fake's own validator), the committee choice
 * offered to staff of several committees, and a form filled in read back
 * into the core's `RoundForm` exactly.
 */
import { describe, expect, it } from 'vitest';
import { parseRoundFormMeta, readRoundForm } from '../../../src/adapters/slack/authoring-form-state.ts';
import { roundFormModal } from '../../../src/adapters/slack/blocks-authoring.ts';
import type { RoundFormView } from '../../../src/core/app/authoring-api.ts';
import { fillView } from '../../fakes/slack/slack-payloads.ts';
import { validateView } from '../../fakes/slack/validate-blocks.ts';

const committees = [
  { id: 'regional-coprosperity', name: '지역상생발전위원회', locale: 'ko' as const },
  { id: 'youth-policy', name: '청년정책위원회', locale: 'ko' as const },
];

function formView(agendaText: string, extra: Partial<RoundFormView['form']> = {}): RoundFormView {
  return {
    form: {
      id: '',
      committee: 'youth-policy',
      title: '제1차 서면자문',
      opens: '2024-03-04 09:00',
      closes: '2024-03-11 18:00',
      anonymous: true,
      allowLate: false,
      reminders: 'light',
      agendaText,
      ...extra,
    },
    timeZone: 'Asia/Seoul',
    notes: [],
  };
}

/** What Slack submits for `modal` with `typed` entered (the rest as drawn). */
function submitted(modal: unknown, typed: Parameters<typeof fillView>[1]): Parameters<typeof readRoundForm>[0] {
  const values = fillView({ method: 'views.update', viewId: 'V1', view: modal as Record<string, unknown> }, typed);
  return values as Parameters<typeof readRoundForm>[0];
}

describe('the Slack round form', () => {
  it('GIVEN staff of two committees THEN the form offers both, the draft’s chosen, and Slack accepts the view', () => {
    const modal = roundFormModal(formView('# 안건\n질문'), 'ko', committees, false);
    expect(validateView(modal)).toBeNull();
    const select = modal.blocks.find((b) => b.block_id === 'committee') as {
      element: { options: Array<{ value: string }>; initial_option: { value: string } };
    };
    expect(select.element.options.map((o) => o.value)).toEqual(['regional-coprosperity', 'youth-policy']);
    expect(select.element.initial_option.value).toBe('youth-policy');
  });

  it('GIVEN staff of one committee THEN there is no choice to make, and the committee comes back from the metadata', () => {
    const modal = roundFormModal(formView('# 안건\n질문'), 'ko', committees.slice(1), false);
    expect(modal.blocks.some((b) => b.block_id === 'committee')).toBe(false);
    const meta = parseRoundFormMeta(modal.private_metadata ?? '');
    const form = readRoundForm(submitted(modal, {}), meta ?? { committee: '', keep: false, timeZone: '' });
    expect(form.committee).toBe('youth-policy');
  });

  it('GIVEN a form left as drawn WHEN read back THEN it is the form it was drawn from, the settings and preset included', () => {
    const agenda = [
      '# 1. 첫째 안건',
      ...Array.from({ length: 80 }, (_, i) => `질문 ${i + 1}: ${'가'.repeat(60)}`),
    ].join('\n');
    const view = formView(agenda, { description: '설명'.repeat(2000) });
    const modal = roundFormModal(view, 'ko', committees, false);
    expect(validateView(modal)).toBeNull();
    const meta = parseRoundFormMeta(modal.private_metadata ?? '');
    if (!meta) throw new Error('no metadata');
    expect(readRoundForm(submitted(modal, {}), meta)).toEqual(view.form);
  });

  it('GIVEN a draft edited THEN its id is fixed (not an input) and `keep` is offered and chosen', () => {
    const modal = roundFormModal(formView('# 안건\n질문', { id: 'chat-1', reminders: 'keep' }), 'ko', committees, true);
    expect(validateView(modal)).toBeNull();
    expect(modal.blocks.some((b) => b.block_id === 'id')).toBe(false);
    const meta = parseRoundFormMeta(modal.private_metadata ?? '');
    if (!meta) throw new Error('no metadata');
    const form = readRoundForm(submitted(modal, { title: '고친 제목' }), meta);
    expect(form).toMatchObject({ id: 'chat-1', title: '고친 제목', reminders: 'keep' });
  });
});
