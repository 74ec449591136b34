/**
 * Staff's synthesis and follow-up actions written in Discord forms, through
 * the real discord.js client against the fake Discord (which refuses modals
 * as Discord does: title 45, five components, inputs of 4,000, custom ids
 * of 100): `/jamun synthesis` and `/jamun action op:add|edit` answer with a
 * prefilled modal, the submission is stored through the core and answered
 * privately, the other ops answer privately, anyone not staff is refused
 * privately and audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeInteraction } from '../../fakes/discord/fake-discord-state.ts';
import { answered, type DiscordAppKit, discordIdOf, modalOf, replyText, startDiscordApp } from './discord-app-kit.ts';

const ROUND = '2024-1';
const EPHEMERAL = 64;
let kit: DiscordAppKit;
let staffId: string;

beforeAll(async () => {
  kit = await startDiscordApp();
  staffId = kit.committee.staff.userIds.discord?.[0] ?? '';
  await kit.t.app.runAsOperator({ verb: 'open', roundId: ROUND });
  await kit.t.app.runDueJobs();
});

afterAll(async () => {
  await kit?.close();
});

function slash(userId: string, subcommand: string, options: Record<string, string | number>): Promise<FakeInteraction> {
  return answered(kit.fake.slash(userId, { subcommand, options }, { channelId: kit.staffChannelId }));
}

/** Submits a modal as Discord would, in the staff channel: every field, prefilled values unless overridden. */
function submit(userId: string, shown: FakeInteraction, values: Record<string, string>): Promise<FakeInteraction> {
  const modal = modalOf(shown);
  const fields: Record<string, string | string[]> = {};
  for (const { component } of modal.components) {
    const id = component.custom_id;
    const prefilled =
      component.type === 3
        ? (component.options ?? []).filter((o) => o.default).map((o) => o.value)
        : (component.value ?? '');
    const given = values[id];
    fields[id] = given === undefined ? prefilled : component.type === 3 ? [given] : given;
  }
  return answered(kit.fake.submitGuildModal(userId, modal.custom_id, fields, { channelId: kit.staffChannelId }));
}

const isPrivate = (interaction: FakeInteraction) =>
  interaction.messages.every((m) => (Number(m.flags ?? 0) & EPHEMERAL) === EPHEMERAL);

describe('synthesis and follow-up action forms over Discord', () => {
  it('GIVEN no synthesis yet WHEN staff run /jamun synthesis and write one THEN it is stored as revision 1, audited, and they are told privately', async () => {
    const shown = await slash(staffId, 'synthesis', { round: ROUND, item: '1.1' });
    const modal = modalOf(shown);
    expect(modal.components.map((c) => c.component.custom_id)).toEqual(['1.1#0']);
    expect(modal.components[0]?.component.value).toBeUndefined();
    const text = '○ 지역 간 교류 확대 필요\n- 청년 교류 사업 우선 추진';
    const saved = await submit(staffId, shown, { '1.1#0': text });
    expect(replyText(saved)).toContain('제1판');
    expect(isPrivate(saved)).toBe(true);
    const syntheses = await kit.t.store.listSyntheses(ROUND);
    expect(syntheses.map((s) => [s.targetId, s.revision, s.text, s.author])).toEqual([
      ['1.1', 1, text, `discord:${staffId}`],
    ]);
    const audit = await kit.t.store.listAudit(ROUND);
    expect(audit.filter((e) => e.action === 'synthesis.write')).toHaveLength(1);
  });

  it('GIVEN a synthesis longer than one input WHEN staff open the form THEN it is spread over inputs of 4,000 that join back exactly, and saving keeps it whole', async () => {
    const long = `○ ${'가'.repeat(5000)}\n- ${'나'.repeat(4000)}`;
    await kit.t.app.runAsOperator({ verb: 'synthesis', roundId: ROUND, target: '2', text: long });
    const shown = await slash(staffId, 'synthesis', { round: ROUND, item: '2' });
    const values = modalOf(shown).components.map((c) => c.component.value ?? '');
    expect(values).toHaveLength(3);
    expect(values.join('')).toBe(long);
    const saved = await submit(staffId, shown, {});
    expect(replyText(saved)).toContain('제2판');
    const latest = (await kit.t.store.listSyntheses(ROUND)).filter((s) => s.targetId === '2').at(-1);
    expect(latest?.text).toBe(long);
  });

  it('GIVEN a member who is not staff WHEN they run /jamun synthesis or /jamun action add THEN no form opens, the refusal is private, and it is audited', async () => {
    const outsider = discordIdOf(kit.committee, 'm-kang');
    for (const [sub, options] of [
      ['synthesis', { round: ROUND, item: '1.1' }],
      ['action', { round: ROUND, op: 'add' }],
    ] as const) {
      const reply = await slash(outsider, sub, options);
      expect(reply.callbacks.some((c) => c.type === 9)).toBe(false);
      expect(replyText(reply)).toBe('사무국 전용 명령입니다.');
      expect(isPrivate(reply)).toBe(true);
    }
    const refused = (await kit.t.store.listAudit(ROUND)).filter(
      (e) => e.action === 'staff.refused' && e.actor === `discord:${outsider}`,
    );
    expect(refused).toHaveLength(2);
  });

  it('GIVEN staff WHEN they add an action in the form with a department, a due date and questions THEN it is stored and listed', async () => {
    const shown = await slash(staffId, 'action', { round: ROUND, op: 'add' });
    expect(modalOf(shown).components.map((c) => c.component.custom_id)).toEqual([
      'text',
      'department',
      'due',
      'questions',
    ]);
    const saved = await submit(staffId, shown, {
      text: '청년 교류 사업 추진계획 수립',
      department: '균형발전담당관',
      due: '2024-03-29',
      questions: '1.2, 1.1',
    });
    expect(replyText(saved)).toContain('조치 사항 1번을 등록하였습니다.');
    expect(isPrivate(saved)).toBe(true);
    expect((await kit.t.store.listActions(ROUND))[0]).toMatchObject({
      number: 1,
      department: '균형발전담당관',
      dueDate: '2024-03-29',
      questionIds: ['1.1', '1.2'],
      createdBy: `discord:${staffId}`,
    });
    const list = await slash(staffId, 'action', { round: ROUND, op: 'list' });
    expect(replyText(list)).toContain('1. [추진 중] 청년 교류 사업 추진계획 수립');
    expect(isPrivate(list)).toBe(true);
  });

  it('GIVEN a due date that is not a day WHEN the form is saved THEN staff are told privately and nothing is stored', async () => {
    const shown = await slash(staffId, 'action', { round: ROUND, op: 'add' });
    const saved = await submit(staffId, shown, { text: '추가 검토', due: '2024-02-30' });
    expect(replyText(saved)).toContain('"2024-02-30"은 올바른 기한이 아닙니다.');
    expect(isPrivate(saved)).toBe(true);
    expect(await kit.t.store.listActions(ROUND)).toHaveLength(1);
  });

  it('GIVEN an action WHEN staff edit it (op edit, number) THEN the form is prefilled with its status and only the change is stored and audited', async () => {
    const shown = await slash(staffId, 'action', { round: ROUND, op: 'edit', number: 1 });
    const modal = modalOf(shown);
    expect(modal.components.map((c) => [c.component.custom_id, c.component.value])).toEqual([
      ['text', '청년 교류 사업 추진계획 수립'],
      ['department', '균형발전담당관'],
      ['due', '2024-03-29'],
      ['questions', '1.1, 1.2'],
      ['status', undefined],
    ]);
    expect(modal.components[4]?.component.options?.find((o) => o.default)?.value).toBe('open');
    const saved = await submit(staffId, shown, { status: 'done' });
    expect(replyText(saved)).toContain('조치 사항 1번을 수정하였습니다.');
    const edits = (await kit.t.store.listAudit(ROUND)).filter((e) => e.action === 'action.edit');
    expect(edits.map((e) => e.detail)).toEqual([{ number: 1, changes: { status: { from: 'open', to: 'done' } } }]);
  });

  it('GIVEN op add with the text given THEN the action is added at once, without a form', async () => {
    const reply = await slash(staffId, 'action', { round: ROUND, op: 'add', text: '결과 공유' });
    expect(reply.callbacks.some((c) => c.type === 9)).toBe(false);
    expect(replyText(reply)).toContain('조치 사항 2번을 등록하였습니다.');
    expect(isPrivate(reply)).toBe(true);
  });

  it('GIVEN op reopen without a number THEN the usage is told privately and nothing changes', async () => {
    const reply = await slash(staffId, 'action', { round: ROUND, op: 'reopen' });
    expect(replyText(reply)).toContain('action ROUND_ID');
    expect(isPrivate(reply)).toBe(true);
    expect((await kit.t.store.listActions(ROUND))[0]?.status).toBe('done');
  });
});
