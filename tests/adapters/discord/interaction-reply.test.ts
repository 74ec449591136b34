/**
 * Deferral: work slower than the defer threshold gets a deferred (ephemeral)
 * reply first, then the answer — edited in when private, posted as a
 * follow-up (replacing the placeholder) when public.
 */
import type { ChatInputCommandInteraction } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordBot } from '../../../src/adapters/discord/discord-bot.ts';
import { type InteractionAnswer, answerInteraction } from '../../../src/adapters/discord/interaction-reply.ts';
import { silentLogger } from '../../../src/core/ports/logger.ts';
import { FakeDiscord, waitFor } from '../../fakes/discord/fake-discord.ts';
import { nextSnowflake } from '../../fakes/discord/fake-discord-state.ts';
import { settingsFor } from './discord-test-kit.ts';

const channelId = nextSnowflake();
let fake: FakeDiscord;
let bot: DiscordBot;
let answer: InteractionAnswer;

beforeAll(async () => {
  fake = await FakeDiscord.start({ guild: { channels: [{ id: channelId, name: 'staff' }] } });
  bot = new DiscordBot(settingsFor(fake), silentLogger);
  bot.client.on('interactionCreate', (interaction) => {
    const slow = async (): Promise<InteractionAnswer> => {
      await new Promise((resolve) => setTimeout(resolve, 120));
      return answer;
    };
    void answerInteraction(interaction as ChatInputCommandInteraction, slow, 20);
  });
  await bot.start();
});

afterAll(async () => {
  await bot.stop();
  await fake.close();
});

describe('answerInteraction', () => {
  it('GIVEN slow work with a private answer WHEN answering THEN the reply is deferred ephemerally and then filled in', async () => {
    answer = { text: '비공개 결과', ephemeral: true };
    const interaction = fake.slash(nextSnowflake(), { subcommand: 'status' }, { channelId });
    await waitFor(() => interaction.messages.some((m) => m.content === '비공개 결과'), 'edited reply');
    expect(interaction.callbacks).toEqual([{ type: 5, data: { flags: 64 } }]);
  });

  it('GIVEN slow work with a public answer of 4,500 characters WHEN answering THEN the placeholder is replaced by public follow-ups within 2,000', async () => {
    answer = { text: '공개 '.repeat(1500), ephemeral: false };
    const interaction = fake.slash(nextSnowflake(), { subcommand: 'status' }, { channelId });
    await waitFor(() => interaction.messages.length === 3, 'three follow-ups');
    expect(interaction.messages.every((m) => m.flags === 0 && m.content.length <= 2000)).toBe(true);
    expect(
      interaction.messages
        .map((m) => m.content)
        .join(' ')
        .split('공개').length - 1,
    ).toBe(1500);
  });

  it('GIVEN a public answer carrying a file (names and answers) WHEN answering THEN the text is public but the file goes only in an ephemeral follow-up', async () => {
    const file = { name: 'jamun-2024-1.csv', mimeType: 'text/csv', content: Buffer.from('이름,의견\n') };
    answer = { text: '공개 안내', ephemeral: false, files: [file] };
    const interaction = fake.slash(nextSnowflake(), { subcommand: 'export' }, { channelId });
    await waitFor(() => interaction.messages.some((m) => m.files.length > 0), 'file follow-up');
    const withFiles = interaction.messages.filter((m) => m.files.length > 0);
    expect(withFiles.map((m) => m.flags)).toEqual([64]);
    expect(interaction.messages.find((m) => m.content === '공개 안내')?.files).toEqual([]);
  });

  it('GIVEN a private answer of 12,000 characters (a long round’s `show`) WHEN answering THEN it takes two messages, the first part and a note, with the whole attached as text', async () => {
    const text = Array.from({ length: 1200 }, (_, i) => `줄${i + 1} 내용`).join('\n');
    answer = { text, ephemeral: true, locale: 'ko' };
    const interaction = fake.slash(nextSnowflake(), { subcommand: 'show' }, { channelId });
    await waitFor(() => interaction.messages.some((m) => m.files.length > 0), 'the file');
    expect(interaction.messages).toHaveLength(2);
    expect(interaction.messages.every((m) => m.flags === 64 && m.content.length <= 2000)).toBe(true);
    expect(interaction.messages[1]?.content).toContain('첨부한 파일');
    const file = interaction.messages[1]?.files[0];
    expect(file?.name).toBe('jamun-reply.txt');
    expect(file?.text).toBe(text);
  });
});
