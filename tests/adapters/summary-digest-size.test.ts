/**
 * A 500-member round's summary is a digest on both platforms: a handful of
 * messages with the figures and short answers, the full text as files
 * (split within Discord's upload limit), never one message per answer. The
 * files as the core posts them are on disk: Discord gets one that fits from
 * its path and one over the limit in parts, Slack uploads each from its path;
 * either way every byte arrives.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISCORD_UPLOAD_BYTES } from '../../src/adapters/discord/discord-limits.ts';
import type { DiskFile } from '../../src/core/ports/messenger.ts';
import type { CompiledSummary } from '../../src/core/summary-model.ts';
import { withSummaryFiles } from '../../src/core/summary/summary-files.ts';
import { nextSnowflake } from '../fakes/discord/fake-discord-state.ts';
import { contractSummary } from '../core/messenger-contract.ts';
import { largeSummary, summaryFiles } from '../core/summary/large-summary.ts';
import { type DiscordKit, startDiscordKit } from './discord/discord-test-kit.ts';
import { type SlackKit, slackKit } from './slack/slack-kit.ts';

const summary = largeSummary(500, 20, 600);
const files = summaryFiles(summary);
const staffChannelId = nextSnowflake();

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

describe('GIVEN a 500-member round of 20 questions whose files exceed 10 MiB', () => {
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

/** Posts the summary with its files on disk through `post`, and gives the files' bytes as they were on disk. */
function postedFromDisk(
  summary: CompiledSummary,
  post: (files: DiskFile[]) => Promise<{ ok: boolean }>,
): Promise<{ ok: boolean; onDisk: Buffer[] }> {
  return withSummaryFiles(summary, async (files) => {
    const onDisk = files.map((file) => readFileSync(file.path));
    const delivery = await post(files);
    return { ok: delivery.ok, onDisk };
  });
}

describe('GIVEN a summary whose files are on disk', () => {
  it('WHEN a small one is posted on Discord THEN each file arrives whole, as on disk', async () => {
    const summary = { ...contractSummary(), roundId: 'small-1' };
    const { ok, onDisk } = await postedFromDisk(summary, (files) =>
      discord.adapter.messenger.postToStaff(staffChannelId, { kind: 'summary', locale: 'ko', summary, files }, 's:1'),
    );
    expect(ok).toBe(true);
    const attached = discord.fake.channelMessages(staffChannelId).flatMap((message) => message.files);
    const small = attached.filter((file) => file.name.startsWith('jamun-small-1.'));
    expect(small.map((file) => file.name)).toEqual(['jamun-small-1.md', 'jamun-small-1.csv']);
    expect(small.map((file, i) => file.bytes.equals(onDisk[i] ?? Buffer.alloc(0)))).toEqual([true, true]);
  });

  it('WHEN a 500-member one over the upload limit is posted on Discord THEN the parts fit the limit and together are the files on disk', async () => {
    const summary = { ...largeSummary(500, 20, 600), roundId: 'disk-1' };
    const { ok, onDisk } = await postedFromDisk(summary, (files) => {
      expect(files.some((file) => file.size > DISCORD_UPLOAD_BYTES)).toBe(true);
      return discord.adapter.messenger.postToStaff(
        staffChannelId,
        { kind: 'summary', locale: 'ko', summary, files },
        's:2',
      );
    });
    expect(ok).toBe(true);
    const attached = discord.fake.channelMessages(staffChannelId).flatMap((message) => message.files);
    const large = attached.filter((file) => file.name.startsWith('jamun-disk-1-'));
    for (const file of large) expect(file.size).toBeLessThanOrEqual(DISCORD_UPLOAD_BYTES);
    const md = large.filter((file) => file.name.endsWith('.md')).map((file) => file.bytes);
    expect(md.length).toBeGreaterThan(1);
    expect(Buffer.concat(md).equals(onDisk[0] ?? Buffer.alloc(0))).toBe(true);
    // Every CSV part repeats the byte order mark and the header row; the records follow once, in order.
    const [first, ...rest] = large.filter((file) => file.name.endsWith('.csv')).map((file) => file.bytes);
    const header = (first?.indexOf('\r\n') ?? 0) + 2;
    const csv = Buffer.concat([first ?? Buffer.alloc(0), ...rest.map((part) => part.subarray(header))]);
    expect(csv.equals(onDisk[1] ?? Buffer.alloc(0))).toBe(true);
  });

  it('WHEN posted on Slack THEN both files are uploaded whole from their paths', async () => {
    const summary = largeSummary(500, 20, 600);
    const { ok, onDisk } = await postedFromDisk(summary, (files) =>
      slack.adapter.messenger.postToStaff('C0DISKFILES', { kind: 'summary', locale: 'ko', summary, files }, 's:3'),
    );
    expect(ok).toBe(true);
    const uploaded = slack.fake.files.filter((file) => file.channel === 'C0DISKFILES');
    expect(uploaded.map((file) => file.name)).toEqual(['jamun-large-1.md', 'jamun-large-1.csv']);
    expect(uploaded.map((file, i) => file.bytes.equals(onDisk[i] ?? Buffer.alloc(0)))).toEqual([true, true]);
  });
});
