/**
 * Every mention, link and formatting form people may type, escaped by each
 * platform's formatter: none may stay live. One table, both platforms.
 */
import { describe, expect, it } from 'vitest';
import { escapeDiscord } from '../../src/adapters/discord/discord-formatter.ts';
import { escapeMrkdwn, unescapeControl } from '../../src/adapters/slack/slack-formatter.ts';

const FORMS: Array<[string, string]> = [
  ['user mention (Discord)', '<@123456789012345678> 님'],
  ['nickname mention', '<@!123456789012345678>'],
  ['role mention', '<@&987654321098765432>'],
  ['channel mention (Discord)', '<#123456789012345678>'],
  ['slash command mention', '</jamun open:123456789012345678>'],
  ['timestamp', '<t:0:F> 마감'],
  ['custom emoji', '<:jamun:123456789012345678> <a:spin:123456789012345678>'],
  ['masked link', '[은행 로그인](https://evil.example/login)'],
  ['two masked links on one line', '[a](https://x) [은행 로그인](<https://evil.example/login>)'],
  ['suppressed-embed link', '<https://evil.example>'],
  ['heading', '# 제목\n## 소제목\n### 작은 제목'],
  ['sub-text', '-# 작은 글씨'],
  ['bulleted list', '- 하나\n* 둘\n+ 셋\n  - 안쪽'],
  ['numbered list', '1. 하나\n2) 둘'],
  ['block quote', '> 인용\n>>> 여러 줄 인용'],
  ['emphasis, code and spoiler', '**굵게** __밑줄__ *기울임* _기울임_ ~~취소~~ `코드` ```블록``` ||가림||'],
  ['mass mentions', '@everyone @here'],
  ['user mention (Slack)', '<@U0MKANG001> 님'],
  ['here (Slack)', '<!here> 확인'],
  ['channel (Slack)', '<!channel>'],
  ['everyone (Slack)', '<!everyone>'],
  ['channel link (Slack)', '<#C0STAFF01|staff>'],
  ['user group (Slack)', '<!subteam^S1|@team>'],
  ['date (Slack)', '<!date^1392734382^{date}|Feb 18>'],
  ['labelled link (Slack)', '<https://evil.example/login|은행 로그인>'],
  ['mailto (Slack)', '<mailto:a@b.example|메일>'],
  ['bare mass words (Slack)', '@channel @here @everyone'],
  ['control characters', 'R&D <b> a > b & c < d'],
];

/** Characters that start inline Discord syntax; each must come out behind a backslash. */
const DISCORD_INLINE = /[*_~`|[\]()<>]/;

function discordLive(out: string): string | null {
  for (let i = 0; i < out.length; i += 1) {
    const ch = out[i] ?? '';
    if (ch === '\\') {
      i += 1;
      continue;
    }
    if (DISCORD_INLINE.test(ch)) return `unescaped ${ch} at ${i}`;
  }
  for (const line of out.split('\n')) {
    if (/^[ \t]*(#|-|\+|\d+[.)])/.test(line)) return `line starts with block syntax: ${line}`;
  }
  if (/@(everyone|here)/.test(out)) return 'mass mention';
  return null;
}

function slackLive(out: string): string | null {
  if (/[<>]/.test(out)) return 'raw < or >';
  if (/&(?!amp;|lt;|gt;)/.test(out)) return 'raw &';
  if (/@(channel|here|everyone)\b/i.test(out)) return 'mass mention word';
  if (/(^|\n)&gt;/.test(out)) return 'quote';
  if (/[*_~`](?!\u200B)/.test(out)) return 'emphasis marker';
  return null;
}

const visible = (text: string): string => text.replace(/[\u200B\u2060]/g, '');

describe('escaping every form on every platform', () => {
  it.each(FORMS)('GIVEN %s WHEN escaped for Discord THEN nothing in it is live', (_form, text) => {
    const out = escapeDiscord(text);
    expect(discordLive(out)).toBeNull();
    // What a reader sees is what was typed: Discord drops the backslashes.
    expect(visible(out.replace(/\\(.)/g, '$1'))).toBe(text);
  });

  it.each(FORMS)('GIVEN %s WHEN escaped for Slack THEN nothing in it is live', (_form, text) => {
    const out = escapeMrkdwn(text);
    expect(slackLive(out)).toBeNull();
    expect(unescapeControl(visible(out))).toBe(text);
  });

  it('GIVEN 8,000-character single lines full of syntax WHEN escaped for Discord THEN every link on the line is escaped and nothing is lost', () => {
    const line = '[은행](<https://evil.example>) <t:0:F> **a** '.repeat(200).slice(0, 8000);
    expect(line).toHaveLength(8000);
    const out = escapeDiscord(line);
    expect(discordLive(out)).toBeNull();
    expect(out.replace(/\\(.)/g, '$1')).toBe(line);
    const plain = '가'.repeat(8000);
    expect(escapeDiscord(plain)).toBe(plain);
  });
});
