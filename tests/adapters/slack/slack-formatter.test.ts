import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, unescapeControl } from '../../../src/adapters/slack/slack-formatter.ts';
import { mrkdwnSections } from '../../../src/adapters/slack/slack-blocks.ts';

const visible = (text: string): string => text.replace(/[\u200B\u2060]/g, '');

describe('Slack formatter', () => {
  it.each(['<!channel> 긴급', '<!here>', '<@U0MKANG001> 님', '<!subteam^S1|@team>', '<https://evil.example|click>'])(
    'GIVEN people write %s WHEN escaped THEN no control sequence survives',
    (text) => {
      const escaped = escapeMrkdwn(text);
      expect(escaped).not.toMatch(/[<>]/);
      expect(unescapeControl(visible(escaped))).toBe(text);
    },
  );

  it('GIVEN an ampersand and emphasis markers WHEN escaped THEN the entity is Slack’s and no marker touches a word', () => {
    const escaped = escapeMrkdwn('R&D *중요* _기울임_ ~취소~ `code` @channel');
    expect(escaped).toContain('R&amp;D');
    expect(escaped).not.toMatch(/[*_~`][^\u200B]/);
    expect(escaped).not.toContain('@channel');
    expect(unescapeControl(visible(escaped))).toBe('R&D *중요* _기울임_ ~취소~ `code` @channel');
  });

  it('GIVEN a line starting with > WHEN escaped THEN it cannot become a quote', () => {
    expect(escapeMrkdwn('> quoted\nnext')).toMatch(/^\u200B&gt;/);
  });

  it('GIVEN escaped text longer than a section WHEN split THEN no entity is cut and nothing is lost', () => {
    const text = escapeMrkdwn('&'.repeat(7000));
    const pieces = mrkdwnSections(text).map((block) => (block.type === 'section' ? (block.text?.text ?? '') : ''));
    expect(pieces.every((p) => p.length <= 3000 && !/&[a-z]{0,4}$/.test(p))).toBe(true);
    expect(pieces.join('')).toBe(text);
  });
});
