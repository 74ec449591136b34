/**
 * Staff's synthesis and follow-up actions written in Slack forms, through the
 * real Bolt app against the fake Slack (which refuses views as Slack does):
 * `/jamun synthesis ROUND ITEM` and `/jamun action ROUND add|edit N` open a
 * prefilled modal, the submission is stored (a revision, an audited change)
 * before the view is answered, errors land under their field, and anyone not
 * staff is refused privately and audited, with no form opened.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../fakes/app-harness.ts';
import type { Args, FakeView } from '../../fakes/slack/fake-slack-server.ts';
import { slashCommand, viewSubmission } from '../../fakes/slack/slack-payloads.ts';
import { VIEW_ACTION, VIEW_SYNTHESIS } from '../../../src/adapters/slack/handlers-follow-up.ts';
import { INPUT_ACTION } from '../../../src/adapters/slack/slack-ids.ts';
import { type SlackAppKit, type SlackKit, startSlackApp } from './slack-kit.ts';
import { waitFor } from './wait-for.ts';

const ROUND = '2024-1';

describe('synthesis and follow-up action forms over Slack', () => {
  let app: SlackAppKit;
  let kit: SlackKit;
  let t0: TestApp;
  let staffId: string;
  let memberId: string;

  /** Runs a slash command; resolves with the view it opened, or the private replies when none opened. */
  async function slash(userId: string, text: string): Promise<{ view?: FakeView; replies: Args[] }> {
    const views = kit.fake.views.length;
    const payload = slashCommand(kit.fake, userId, text);
    expect(await kit.fake.sendEnvelope('slash_commands', payload)).toEqual({});
    const id = String(payload.response_url).split('/').pop();
    const replies = () => kit.fake.responses.filter((r) => r.id === id).map((r) => r.body);
    await waitFor(() => kit.fake.views.length > views || replies().length > 0, `an answer to /jamun ${text}`);
    return { view: kit.fake.views.slice(views)[0], replies: replies() };
  }

  /** Submits `view` with input values by block id (as Slack puts them in `state.values`). */
  function submit(userId: string, view: FakeView, values: Record<string, unknown>): Promise<Args> {
    const state = Object.fromEntries(
      Object.entries(values).map(([block, value]) => [block, { [INPUT_ACTION]: value }]),
    );
    return kit.fake.sendEnvelope('interactive', viewSubmission(kit.fake, userId, view, state));
  }

  type Input = {
    block_id: string;
    element: { initial_value?: string; initial_date?: string; initial_option?: { value: string } };
  };
  const inputs = (view: FakeView) => (view.view.blocks as Input[]).filter((b) => 'element' in b);

  beforeAll(async () => {
    app = await startSlackApp();
    ({ kit, t: t0 } = app);
    staffId = app.committee.staff.userIds.slack?.[0] ?? '';
    memberId = app.committee.members[0]?.platforms.slack ?? '';
    await t0.app.runAsOperator({ verb: 'open', roundId: ROUND });
    await t0.app.runDueJobs();
  });

  afterAll(() => app.close());

  it('GIVEN no synthesis yet WHEN staff type /jamun synthesis ROUND 1.1 and write one THEN it is stored as revision 1, audited, and the form says so', async () => {
    const { view } = await slash(staffId, `synthesis ${ROUND} 1.1`);
    expect(view?.view.callback_id).toBe(VIEW_SYNTHESIS);
    expect(kit.fake.refusals).toEqual([]);
    const fields = inputs(view as FakeView);
    expect(fields.map((f) => f.block_id)).toEqual(['synthesis|0']);
    expect(fields[0]?.element.initial_value).toBeUndefined();
    const text = '○ 지역 간 교류 확대 필요\n- 청년 교류 사업 우선 추진';
    const ack = await submit(staffId, view as FakeView, { 'synthesis|0': { type: 'plain_text_input', value: text } });
    expect(ack.response_action).toBe('update');
    expect(JSON.stringify(ack.view)).toContain('제1판');
    const saved = await t0.store.listSyntheses(ROUND);
    expect(saved.map((s) => [s.targetId, s.revision, s.text, s.author])).toEqual([
      ['1.1', 1, text, `slack:${staffId}`],
    ]);
    const audit = await t0.store.listAudit(ROUND);
    expect(audit.filter((e) => e.action === 'synthesis.write').map((e) => e.detail)).toEqual([
      { targetId: '1.1', revision: 1, length: [...text].length },
    ]);
  });

  it('GIVEN a synthesis longer than one input WHEN staff open the form THEN it is spread over inputs that join back to it exactly, with room to write on, and saving keeps it whole', async () => {
    const long = `○ ${'가'.repeat(3500)}\n- ${'나'.repeat(1800)}`;
    await t0.app.runAsOperator({ verb: 'synthesis', roundId: ROUND, target: '2', text: long });
    const { view } = await slash(staffId, `synthesis ${ROUND} 2`);
    expect(kit.fake.refusals).toEqual([]);
    const values = inputs(view as FakeView).map((f) => f.element.initial_value ?? '');
    expect(values.length).toBe(3);
    expect(values.join('')).toBe(long);
    expect(values.every((v) => v.length <= 3000)).toBe(true);
    const state = Object.fromEntries(
      values.map((v, i) => [`synthesis|${i}`, { type: 'plain_text_input', value: v === '' ? null : v }]),
    );
    const added = `${long}\n※ 추가 의견`;
    state['synthesis|2'] = { type: 'plain_text_input', value: `${values[2]}\n※ 추가 의견` };
    expect((await submit(staffId, view as FakeView, state)).response_action).toBe('update');
    const latest = (await t0.store.listSyntheses(ROUND)).filter((s) => s.targetId === '2').at(-1);
    expect(latest?.text).toBe(added);
    expect(latest?.revision).toBe(2);
  });

  it('GIVEN an empty form WHEN staff save it THEN the error shows under the input and nothing is stored', async () => {
    const { view } = await slash(staffId, `synthesis ${ROUND} 1.2`);
    const ack = await submit(staffId, view as FakeView, { 'synthesis|0': { type: 'plain_text_input', value: null } });
    expect(ack.response_action).toBe('errors');
    expect(String((ack.errors as Record<string, string>)['synthesis|0'])).toContain('비어 있습니다');
    expect((await t0.store.listSyntheses(ROUND)).some((s) => s.targetId === '1.2')).toBe(false);
  });

  it('GIVEN a member who is not staff WHEN they type /jamun synthesis or /jamun action add THEN no form opens, they are refused privately, and it is audited', async () => {
    for (const text of [`synthesis ${ROUND} 1.1`, `action ${ROUND} add`]) {
      const { view, replies } = await slash(memberId, text);
      expect(view).toBeUndefined();
      expect(replies.map((r) => [r.response_type, r.text])).toEqual([['ephemeral', '사무국 전용 명령입니다.']]);
    }
    const refused = (await t0.store.listAudit(ROUND)).filter(
      (e) => e.action === 'staff.refused' && e.actor === `slack:${memberId}`,
    );
    expect(refused).toHaveLength(2);
  });

  it('GIVEN an unknown item WHEN staff ask for its form THEN they are told which ids exist, privately', async () => {
    const { view, replies } = await slash(staffId, `synthesis ${ROUND} 9.9`);
    expect(view).toBeUndefined();
    expect(replies[0]?.response_type).toBe('ephemeral');
    expect(String(replies[0]?.text)).toContain('1.1, 1.2');
  });

  it('GIVEN staff WHEN they add an action in the form with a department, a picked due date and questions THEN it is stored, audited, and listed', async () => {
    const { view } = await slash(staffId, `action ${ROUND} add`);
    expect(view?.view.callback_id).toBe(VIEW_ACTION);
    expect(kit.fake.refusals).toEqual([]);
    expect(inputs(view as FakeView).map((f) => f.block_id)).toEqual([
      'action|text',
      'action|department',
      'action|due',
      'action|questions',
    ]);
    const ack = await submit(staffId, view as FakeView, {
      'action|text': { type: 'plain_text_input', value: '청년 교류 사업 추진계획 수립' },
      'action|department': { type: 'plain_text_input', value: '균형발전담당관' },
      'action|due': { type: 'datepicker', selected_date: '2024-03-29' },
      'action|questions': { type: 'plain_text_input', value: '1.2, 1.1' },
    });
    expect(ack.response_action).toBe('update');
    const [action] = await t0.store.listActions(ROUND);
    expect(action).toMatchObject({
      number: 1,
      text: '청년 교류 사업 추진계획 수립',
      department: '균형발전담당관',
      dueDate: '2024-03-29',
      questionIds: ['1.1', '1.2'],
      status: 'open',
      createdBy: `slack:${staffId}`,
    });
    const { replies } = await slash(staffId, `action ${ROUND} list`);
    expect(replies[0]?.response_type).toBe('ephemeral');
    expect(String(replies[0]?.text)).toContain('1. [추진 중] 청년 교류 사업 추진계획 수립');
  });

  it('GIVEN an action WHEN staff edit it THEN the form is prefilled (date picked, status chosen) and only what changed is stored and audited', async () => {
    const { view } = await slash(staffId, `action ${ROUND} edit 1`);
    expect(kit.fake.refusals).toEqual([]);
    const fields = inputs(view as FakeView);
    expect(
      fields.map((f) => [
        f.block_id,
        f.element.initial_value ?? f.element.initial_date ?? f.element.initial_option?.value,
      ]),
    ).toEqual([
      ['action|text', '청년 교류 사업 추진계획 수립'],
      ['action|department', '균형발전담당관'],
      ['action|due', '2024-03-29'],
      ['action|questions', '1.1, 1.2'],
      ['action|status', 'open'],
    ]);
    const ack = await submit(staffId, view as FakeView, {
      'action|text': { type: 'plain_text_input', value: '청년 교류 사업 추진계획 수립' },
      'action|department': { type: 'plain_text_input', value: '균형발전담당관' },
      'action|due': { type: 'datepicker', selected_date: '2024-03-29' },
      'action|questions': { type: 'plain_text_input', value: '1.1, 1.2' },
      'action|status': { type: 'static_select', selected_option: { value: 'done' } },
    });
    expect(ack.response_action).toBe('update');
    expect((await t0.store.listActions(ROUND))[0]?.status).toBe('done');
    const edits = (await t0.store.listAudit(ROUND)).filter((e) => e.action === 'action.edit');
    expect(edits.map((e) => e.detail)).toEqual([{ number: 1, changes: { status: { from: 'open', to: 'done' } } }]);
  });

  it('GIVEN the action form WHEN a question that does not exist is named THEN the error shows under the questions field and nothing changes', async () => {
    const { view } = await slash(staffId, `action ${ROUND} edit 1`);
    const ack = await submit(staffId, view as FakeView, {
      'action|text': { type: 'plain_text_input', value: '청년 교류 사업 추진계획 수립' },
      'action|questions': { type: 'plain_text_input', value: '7.7' },
      'action|status': { type: 'static_select', selected_option: { value: 'done' } },
    });
    expect(ack.response_action).toBe('errors');
    expect(Object.keys(ack.errors as object)).toEqual(['action|questions']);
    expect((await t0.store.listActions(ROUND))[0]?.questionIds).toEqual(['1.1', '1.2']);
  });

  it('GIVEN done, drop and reopen typed in chat THEN they answer privately without a form', async () => {
    const { view, replies } = await slash(staffId, `action ${ROUND} reopen 1`);
    expect(view).toBeUndefined();
    expect(replies[0]?.response_type).toBe('ephemeral');
    expect(String(replies[0]?.text)).toContain('조치 사항 1번을 수정하였습니다.');
    expect((await t0.store.listActions(ROUND))[0]?.status).toBe('open');
  });

  it('GIVEN a trigger id that expired before the form could open WHEN staff ask for it THEN they are told privately that it did not work', async () => {
    kit.fake.triggerTtlMs = -1;
    try {
      const { view, replies } = await slash(staffId, `synthesis ${ROUND} 1.1`);
      expect(view).toBeUndefined();
      expect(replies.map((r) => [r.response_type, r.text])).toEqual([
        ['ephemeral', '명령을 처리하지 못하였습니다. 잠시 후 다시 시도하여 주시기 바랍니다.'],
      ]);
      expect(kit.fake.callsOf('views.open').at(-1)?.error).toBe('expired_trigger_id');
    } finally {
      kit.fake.triggerTtlMs = 3000;
    }
  });
});
