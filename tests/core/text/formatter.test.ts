import { describe, expect, it } from 'vitest';
import { plainFormatter, splitText } from '../../../src/core/text/formatter.ts';

/**
 * Checks that `chunks` are `text` cut into pieces, where each cut may drop
 * the one line break it falls on and nothing else (a cut on a trailing line
 * break leaves no chunk after it). Returns the number of line breaks dropped.
 */
function expectSameContent(text: string, chunks: string[]): number {
  let pos = 0;
  let dropped = 0;
  for (const chunk of chunks) {
    expect(text.slice(pos, pos + chunk.length)).toBe(chunk);
    pos += chunk.length;
    if (text[pos] === '\n' && chunk.length > 0) {
      pos += 1;
      dropped += 1;
    }
  }
  expect(pos).toBe(text.length);
  return dropped;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** A small deterministic generator, so the "many texts" case is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const PIECES = ['가', 'a', ' ', '\n', '😀', '👍🏽', '위원', 'word', '\n\n'];

describe('splitText', () => {
  it('GIVEN an empty string THEN it gives one empty chunk', () => {
    expect(splitText('', 10)).toEqual(['']);
  });

  it('GIVEN text within the limit THEN it is one chunk as is', () => {
    expect(splitText('짧은 의견\n둘째 줄', 100)).toEqual(['짧은 의견\n둘째 줄']);
  });

  it('GIVEN text of exactly the limit THEN it is one chunk', () => {
    expect(splitText('abcde', 5)).toEqual(['abcde']);
  });

  it('GIVEN lines that fit in pairs THEN it cuts at a line break and drops only that break', () => {
    const text = 'first line\nsecond line\nthird line';
    const chunks = splitText(text, 25);
    expect(chunks).toEqual(['first line\nsecond line', 'third line']);
    expect(expectSameContent(text, chunks)).toBe(1);
  });

  it('GIVEN a line break and a later space in the window THEN it prefers the line break', () => {
    expect(splitText('aaaaaaaaa\nbb cc dd', 15)).toEqual(['aaaaaaaaa', 'bb cc dd']);
  });

  it('GIVEN the only line break in the first half of the window THEN it cuts at a later space instead', () => {
    expect(splitText('aaaaaaa\nbbb ccc ddd', 15)).toEqual(['aaaaaaa\nbbb', ' ccc ddd']);
  });

  it('GIVEN no line break in the second half of the window THEN it cuts at a space and keeps the space', () => {
    const text = 'one two three four five';
    const chunks = splitText(text, 10);
    expect(chunks.every((c) => c.length <= 10)).toBe(true);
    expect(chunks.join('')).toBe(text);
    expect(chunks[0]).toBe('one two');
  });

  it('GIVEN one long word THEN it is cut hard at the limit', () => {
    expect(splitText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('GIVEN a hard cut falling just before a line break THEN that line break is dropped', () => {
    expect(splitText('abcd\nefgh', 4)).toEqual(['abcd', 'efgh']);
  });

  it('GIVEN a cut on a trailing line break THEN no empty chunk follows', () => {
    expect(splitText('abcd\n', 4)).toEqual(['abcd']);
  });

  it('GIVEN emoji only and an odd limit THEN no chunk ends inside a surrogate pair', () => {
    const text = '😀'.repeat(10);
    const chunks = splitText(text, 5);
    expect(chunks).toEqual(['😀😀', '😀😀', '😀😀', '😀😀', '😀😀']);
    expect(chunks.join('')).toBe(text);
  });

  it('GIVEN a letter then emoji with a limit that would cut a pair THEN the pair stays whole', () => {
    expect(splitText('a😀😀', 2)).toEqual(['a', '😀', '😀']);
  });

  it('GIVEN a limit below one THEN it throws a RangeError (a programming error, not a user error)', () => {
    expect(() => splitText('abc', 0)).toThrow(RangeError);
    expect(() => splitText('😀', 1)).toThrow(RangeError);
  });

  it('GIVEN many mixed texts (Korean, spaces, line breaks, emoji) and limits THEN every invariant holds', () => {
    const random = seeded(20240215);
    for (let round = 0; round < 300; round += 1) {
      const pieceCount = Math.floor(random() * 120);
      let text = '';
      for (let i = 0; i < pieceCount; i += 1) text += PIECES[Math.floor(random() * PIECES.length)] ?? '';
      const limit = 2 + Math.floor(random() * 40);
      const chunks = splitText(text, limit);
      for (const chunk of chunks) {
        expect(chunk.length).toBeLessThanOrEqual(limit);
        if (chunk.length > 0) {
          expect(isHighSurrogate(chunk.charCodeAt(chunk.length - 1))).toBe(false);
          expect(isLowSurrogate(chunk.charCodeAt(0))).toBe(false);
        }
      }
      expectSameContent(text, chunks);
    }
  });
});

describe('plainFormatter', () => {
  it('GIVEN people text THEN escape and bold leave it as is', () => {
    expect(plainFormatter.escape('@everyone *hi*')).toBe('@everyone *hi*');
    expect(plainFormatter.bold('제목')).toBe('제목');
  });

  it('GIVEN two lines THEN quote indents each line', () => {
    expect(plainFormatter.quote('첫 줄\n둘째 줄')).toBe('  첫 줄\n  둘째 줄');
  });
});
