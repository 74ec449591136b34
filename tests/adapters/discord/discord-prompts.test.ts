/**
 * Prompts shown whole before their inputs: a Discord modal label holds 45
 * characters and its description 100, so a page with a longer prompt first
 * shows every prompt in full, with a button to the modal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clippedPrompts } from '../../../src/adapters/discord/questionnaire-modal.ts';
import { planPages } from '../../../src/adapters/discord/questionnaire-pages.ts';
import * as app from './discord-app-kit.ts';

const { buttonsOf, discordIdOf, modalOf, openRound, press, replyText, startDiscordApp, submit } = app;

const ROUND = '2024-1';
const LONG_PROMPT = `${'지역상생교류사업의 성과를 높이기 위하여 '.repeat(6)}어떤 개선이 필요한지 구체적으로 말씀하여 주시기 바랍니다. (끝)`;
const PAGE2_LONG = `${'광역 협력사업의 역할 분담에 관하여 '.repeat(5)}의견을 주시기 바랍니다. (둘째 끝)`;
let kit: app.DiscordAppKit;

beforeAll(async () => {
  kit = await startDiscordApp({
    mutateRound: (r) => {
      const first = r.agenda[0]?.questions[0];
      if (first) first.prompt = LONG_PROMPT;
      const second = r.agenda[1]?.questions[0];
      if (second) second.prompt = PAGE2_LONG;
    },
  });
  await openRound(kit, ROUND);
});

afterAll(async () => {
  await kit?.close();
});

describe('prompts longer than a modal can show, over Discord', () => {
  it('GIVEN page 1 with a 150-character prompt WHEN the member presses Answer THEN every prompt of the page is shown whole first, with a button that opens the modal', async () => {
    expect(LONG_PROMPT.length).toBeGreaterThan(100);
    const userId = discordIdOf(kit.committee, 'm-kang');
    const preview = await press(kit, userId, 'jm|open|0|');
    expect(preview.callbacks.some((c) => c.type === 9)).toBe(false);
    const text = replyText(preview);
    expect(text).toContain(`1.1. ${LONG_PROMPT}`);
    for (const q of kit.t.rounds[0]?.agenda[0]?.questions ?? []) expect(text).toContain(q.prompt);
    const message = preview.messages.at(-1);
    expect(buttonsOf(message!).map((b) => b.custom_id)).toEqual([`jm|fill|0|${ROUND}`]);

    const modal = modalOf(await press(kit, userId, 'jm|fill|0|'));
    expect(modal.components[0]?.label.length).toBeLessThanOrEqual(45);
    expect(modal.components[0]?.label).not.toContain(LONG_PROMPT);
  });

  it('GIVEN page 2 with a long prompt WHEN page 1 is saved THEN the saved message shows page 2’s prompts whole and Next opens the modal at once', async () => {
    const userId = discordIdOf(kit.committee, 'm-kang');
    const modal = modalOf(await press(kit, userId, 'jm|fill|0|'));
    const saved = await submit(kit, userId, modal, { '1.1#0': '의견' });
    expect(replyText(saved)).toContain(PAGE2_LONG);
    const next = await press(kit, userId, 'jm|fill|1|');
    expect(next.callbacks.map((c) => c.type)).toEqual([9]);
  });

  it('GIVEN a prompt that fits but help of 150 characters (descriptions hold 100) WHEN the page is checked THEN it counts as not shown whole', () => {
    const [page] = planPages({
      roundId: ROUND,
      roundTitle: '회차',
      locale: 'ko',
      closesAtLocal: '2024. 2. 15.(목) 18:00',
      submitted: false,
      items: [
        {
          id: '1',
          title: '안건',
          drafts: {},
          questions: [
            {
              id: '1.1',
              prompt: '짧은 질문',
              help: '도움말 '.repeat(30),
              kind: 'long_text',
              required: true,
              maxLength: 100,
            },
            {
              id: '1.2',
              prompt: '짧은 질문 둘',
              help: '짧은 도움말',
              kind: 'long_text',
              required: true,
              maxLength: 100,
            },
          ],
        },
      ],
    });
    expect(clippedPrompts(page!, 'ko').map((q) => q.id)).toEqual(['1.1']);
  });

  it('GIVEN a page whose prompts all fit (label or description) WHEN Answer is pressed THEN the modal opens at once', async () => {
    const short = await startDiscordApp();
    try {
      await openRound(short, ROUND);
      const opened = await press(short, discordIdOf(short.committee, 'm-kang'), 'jm|open|0|');
      expect(opened.callbacks.map((c) => c.type)).toEqual([9]);
    } finally {
      await short.close();
    }
  });
});
