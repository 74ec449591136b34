/**
 * A 500-member round's summary is a digest on both platforms: a handful of
 * messages with the figures and short answers, the full text as files
 * (split within Discord's upload limit), never one message per answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISCORD_UPLOAD_BYTES } from '../../src/adapters/discord/discord-limits.ts';
import { nextSnowflake } from '../fakes/discord/fake-discord-state.ts';
import { largeSummary, summaryFiles } from '../core/summary/large-summary.ts';
import { type DiscordKit, startDiscordKit } from './discord/discord-test-kit.ts';
import { type SlackKit, slackKit } from './slack/slack-kit.ts';

const summary = largeSummary(500, 20, 600);
const files = summaryFiles(summary);
const staffChannelId = nextSnowflake();

describe('GIVEN a 500-member round of 20 questions whose files exceed 10 MiB', () => {
  let discord: DiscordKit;
  let slack: SlackKit;

  beforeAll(async () => {
    discord = await startDiscordKit({ guild: { channels: [{ id: staffChannelId, name: 'staff' }] } });
    slack = await slackKit();
  });

  afterAll(async () => {
    await discord.close();
    await slack.close();
  });

  it('THEN the files really are over the Discord upload limit (the test is about splitting)', () => {
    expect(files.some((file) => file.content.length > DISCORD_UPLOAD_BYTES)).toBe(true);
  });

  it('WHEN posted on Discord THEN at most 10 messages arrive, each within 2,000 characters, and the file parts fit the upload limit and hold every answer', async () => {
    const delivery = await discord.adapter.messenger.postToStaff(
      staffChannelId,
      { kind: 'summary', locale: 'ko', summary, files },
      'summary:large',
    );
    expect(delivery.ok).toBe(true);
    const posted = discord.fake.channelMessages(staffChannelId);
    expect(posted.length).toBeLessThanOrEqual(10);
    for (const message of posted) expect(message.content.length).toBeLessThanOrEqual(2000);
    const attached = posted.flatMap((message) => message.files);
    for (const file of attached) expect(file.size).toBeLessThanOrEqual(DISCORD_UPLOAD_BYTES);
    const csvParts = attached.filter((file) => file.name.endsWith('.csv'));
    expect(csvParts.length).toBeGreaterThan(1);
    const [csvHeader = ''] = (csvParts[0]?.text ?? '').split('\r\n');
    const rows = csvParts.map((file) => file.text.slice(csvHeader.length + 2)).join('');
    // The fake keeps uploads as bytes: the first part starts with the CSV's byte order mark, as the whole file does.
    expect(`${csvHeader}\r\n${rows}`).toBe(files[1]?.content.toString('utf8'));
    const markdown = attached.filter((file) => file.name.endsWith('.md')).map((file) => file.text);
    expect(markdown.join('')).toBe(files[0]?.content.toString('utf8'));
    const text = posted.map((message) => message.content).join('\n');
    expect(text).toContain('미제출: 100명');
    expect(text).toContain('전달 여부 미확인: 1명');
    expect(text).toContain('의견 500건');
    expect(text).toContain('위원0000의 짧은 의견');
  });

  it('WHEN posted on Slack THEN at most 10 messages arrive (header and thread) with the two whole files', async () => {
    const delivery = await slack.adapter.messenger.postToStaff(
      'C0LARGESUMM',
      { kind: 'summary', locale: 'ko', summary, files },
      'summary:large',
    );
    expect(delivery.ok).toBe(true);
    expect(slack.fake.messagesIn('C0LARGESUMM').length).toBeLessThanOrEqual(10);
    const names = slack.fake.files.filter((file) => file.channel === 'C0LARGESUMM').map((file) => file.name);
    expect(names.sort()).toEqual(['jamun-large-1.csv', 'jamun-large-1.md']);
    expect(slack.fake.textsIn('C0LARGESUMM').join('\n')).toContain('의견 500건');
  });
});
