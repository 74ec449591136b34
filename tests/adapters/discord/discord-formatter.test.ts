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

  it('GIVEN a foreign custom id WHEN decoded THEN it is not ours', () => {
    expect(decodeCustomId('other|open|1|r')).toBeNull();
    expect(decodeCustomId('jm|open|x|r')).toBeNull();
  });
});
