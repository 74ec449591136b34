/**
 * Choice and scale questions through Discord modals: string selects with the
 * draft preselected, picks stored as option labels and scale points.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DiscordAppKit,
  answered,
  discordIdOf,
  modalOf,
  openRound,
  submit,
  startDiscordApp,
} from './discord-app-kit.ts';

const ROUND = '2024-1';
const OPTIONS = ['서울 주도', '지역 주도', '공동 운영'];
let kit: DiscordAppKit;

beforeAll(async () => {
  kit = await startDiscordApp({
    mutateRound: (r) => {
      const [choice, scale] = r.agenda[1]?.questions ?? [];
      if (choice) Object.assign(choice, { kind: 'single_choice', options: OPTIONS });
      if (scale) Object.assign(scale, { kind: 'scale', scale: { min: 1, max: 5, minLabel: '낮음', maxLabel: '높음' } });
    },
  });
  await openRound(kit, ROUND);
});

afterAll(async () => {
  await kit?.close();
});

describe('choice and scale questions over Discord', () => {
  it('GIVEN page 2 with a choice and a scale WHEN picked in the modal selects THEN the label and the point are stored and shown preselected next time', async () => {
    const userId = discordIdOf(kit.committee, 'm-oh');
    const [invitation] = kit.fake.dmMessages(userId);
    const open = () => answered(kit.fake.clickButton(userId, invitation!, `jm|open|1|${ROUND}`));
    const modal = modalOf(await open());
    expect(modal.components.map((c) => c.component.type)).toEqual([3, 3, 4]);
    await submit(kit, userId, modal, { '2.1#0': ['1'], '2.2#0': ['4'] });
    const answers = await kit.t.store.listAnswers(ROUND, 'm-oh');
    expect(answers.find((a) => a.questionId === '2.1')?.value).toEqual({ kind: 'choices', choices: ['지역 주도'] });
    expect(answers.find((a) => a.questionId === '2.2')?.value).toEqual({ kind: 'scale', value: 4 });
    const again = modalOf(await open());
    const defaults = again.components.map((c) =>
      (c.component.options ?? []).filter((o) => o.default).map((o) => o.value),
    );
    expect(defaults.slice(0, 2)).toEqual([['1'], ['4']]);
  });
});
