import { describe, expect, it } from 'vitest';
import { decodeCustomId, encodeCustomId } from '../../../src/adapters/discord/custom-ids.ts';
import { escapeDiscord } from '../../../src/adapters/discord/discord-formatter.ts';

describe('Discord text escaping', () => {
  it('GIVEN mass and user mentions WHEN escaped THEN none keeps its mention syntax', () => {
    const out = escapeDiscord('@everyone @here <@12> <@!34> <@&56> <#78>');
    expect(out).not.toMatch(/@everyone|@here|(?<!\\)<[@#]/);
  });

  it('GIVEN Markdown, quotes and masked links WHEN escaped THEN they show literally', () => {
    const out = escapeDiscord('**b** _i_ `c`\n> q\n# h\n[x](https://e.invalid)');
    expect(out).toContain('\\*\\*b\\*\\*');
    expect(out).toContain('\\`c\\`');
    expect(out).toContain('\\# h');
    expect(out).toContain('\\> q');
    expect(out).toContain('\\[x\\]\\(');
  });
});

describe('custom ids', () => {
  it('GIVEN a round id with separators WHEN encoded and decoded THEN the action comes back intact', () => {
    const action = { kind: 'open' as const, roundId: '2024|1:a', page: 3 };
    expect(decodeCustomId(encodeCustomId(action))).toEqual(action);
  });

  it("GIVEN the longest round id config allows (64) WHEN every action is encoded THEN each custom_id fits Discord's 100", () => {
    const roundId = 'r'.repeat(64);
    const actions = [
      { kind: 'open' as const, roundId, page: 999 },
      { kind: 'page' as const, roundId, page: 999 },
      { kind: 'submit' as const, roundId },
      { kind: 'decline' as const, roundId },
      { kind: 'declineReason' as const, roundId },
    ];
    for (const action of actions) expect(encodeCustomId(action).length).toBeLessThanOrEqual(100);
    expect(() => encodeCustomId({ kind: 'declineReason', roundId: 'r'.repeat(83) })).toThrow(RangeError);
  });

  it('GIVEN a foreign custom id WHEN decoded THEN it is not ours', () => {
    expect(decodeCustomId('other|open|1|r')).toBeNull();
    expect(decodeCustomId('jm|open|x|r')).toBeNull();
  });
});
