import { describe, expect, it } from 'vitest';
import { clip, splitText } from '../../../src/core/text/split-text.ts';

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

/** Offsets at which `text` may be cut without breaking a character a person sees. */
function graphemeBoundaries(text: string): Set<number> {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const cuts = new Set([text.length]);
  for (const { index } of segmenter.segment(text)) cuts.add(index);
  return cuts;
}

/** Where each chunk starts in `text` (chunks as `expectSameContent` accepts them). */
function chunkStarts(text: string, chunks: string[]): number[] {
  const starts: number[] = [];
  let pos = 0;
  for (const chunk of chunks) {
    starts.push(pos);
    pos += chunk.length;
    if (text[pos] === '\n' && chunk.length > 0) pos += 1;
  }
  return starts;
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
/** A family: three emoji joined by zero-width joiners, one character on screen (8 UTF-16 units). */
const FAMILY = '👨‍👩‍👧';
/** A thumbs-up with a skin tone: two code points, one character on screen. */
const THUMBS = '👍🏽';

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
      if (limit >= THUMBS.length) {
        const cuts = graphemeBoundaries(text);
        for (const start of chunkStarts(text, chunks)) expect(cuts.has(start)).toBe(true);
      }
    }
  });

  it('GIVEN a skin-toned emoji across the limit THEN it moves whole to the next chunk instead of losing its tone', () => {
    expect(splitText(`ab${THUMBS}`, 4)).toEqual(['ab', THUMBS]);
  });

  it('GIVEN a ZWJ family emoji across the limit THEN it is never split into its members', () => {
    const chunks = splitText(`${'a'.repeat(5)}${FAMILY}`, 10);
    expect(chunks).toEqual(['aaaaa', FAMILY]);
  });

  it('GIVEN one character longer than the limit THEN it is cut between code points, never inside a surrogate pair', () => {
    const chunks = splitText(FAMILY, 3);
    expect(chunks.join('')).toBe(FAMILY);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(3);
      expect(isHighSurrogate(chunk.charCodeAt(chunk.length - 1))).toBe(false);
      expect(isLowSurrogate(chunk.charCodeAt(0))).toBe(false);
    }
  });

  it('GIVEN a Discord prefill of 3,999 letters then emoji WHEN split at 4,000 THEN no piece ends in half an emoji (the bug of issue 7)', () => {
    const text = `${'가'.repeat(3999)}😀${'나'.repeat(10)}`;
    const chunks = splitText(text, 4000, { exact: true });
    expect(chunks).toEqual(['가'.repeat(3999), `😀${'나'.repeat(10)}`]);
  });
});

describe('splitText, exact', () => {
  it('GIVEN a text with line breaks and spaces THEN it is cut at the limit and the pieces join back to it', () => {
    const text = 'ab cd\nef gh\n';
    const chunks = splitText(text, 4, { exact: true });
    expect(chunks).toEqual(['ab c', 'd\nef', ' gh\n']);
    expect(chunks.join('')).toBe(text);
  });

  it('GIVEN many mixed texts THEN the pieces always join back and no cut falls inside a character that fits', () => {
    const random = seeded(7);
    for (let round = 0; round < 200; round += 1) {
      let text = '';
      for (let i = 0; i < 80; i += 1) text += [...PIECES, FAMILY][Math.floor(random() * (PIECES.length + 1))] ?? '';
      const limit = FAMILY.length + Math.floor(random() * 30);
      const chunks = splitText(text, limit, { exact: true });
      expect(chunks.join('')).toBe(text);
      const cuts = graphemeBoundaries(text);
      let pos = 0;
      for (const chunk of chunks) {
        expect(chunk.length).toBeLessThanOrEqual(limit);
        expect(chunk.length > 0 || chunks.length === 1).toBe(true);
        pos += chunk.length;
        expect(cuts.has(pos)).toBe(true);
      }
    }
  });
});

describe('splitText, render and unbreakable', () => {
  const shout = (piece: string): string => `> ${piece.toUpperCase()}`;

  it('GIVEN a text that fits once rendered THEN it is one rendered piece', () => {
    expect(splitText('hello', 10, { render: shout })).toEqual(['> HELLO']);
  });

  it('GIVEN a rendering that adds characters THEN every rendered piece fits the limit and the raw text is kept', () => {
    const raw = 'word '.repeat(40).trim();
    const pieces = splitText(raw, 30, { render: shout });
    expect(pieces.every((p) => p.length <= 30 && p.startsWith('> '))).toBe(true);
    expect(
      pieces
        .map((p) => p.slice(2))
        .join(' ')
        .replace(/ +/g, ' '),
    ).toBe(raw.toUpperCase());
  });

  it('GIVEN a rendering that always overflows THEN it throws a RangeError (a programming error)', () => {
    expect(() => splitText('abc', 4, { render: (p) => `${p}${'!'.repeat(10)}` })).toThrow(RangeError);
  });

  it('GIVEN escaped entities across the limit THEN no entity is halved and nothing is lost', () => {
    const text = '&amp;'.repeat(7);
    const chunks = splitText(text, 12, { exact: true, unbreakable: /&[a-z]+;/ });
    expect(chunks).toEqual(['&amp;&amp;', '&amp;&amp;', '&amp;&amp;', '&amp;']);
  });
});

describe('clip', () => {
  it('GIVEN a text within the limit THEN it is returned as is', () => {
    expect(clip('위원회 자문', 6)).toBe('위원회 자문');
  });

  it('GIVEN a text over the limit THEN it keeps max - 1 characters and an ellipsis', () => {
    expect(clip('abcdefgh', 5)).toBe('abcd…');
  });

  it('GIVEN emoji THEN it counts code points, as Discord does, not UTF-16 units', () => {
    expect(clip('😀😀😀', 3)).toBe('😀😀😀');
    expect(clip('😀😀😀😀', 3)).toBe('😀😀…');
  });

  it('GIVEN a cut that would fall inside a surrogate pair (the old Slack clip) THEN the emoji is kept whole or left out', () => {
    const clipped = clip(`ab😀cdef`, 4);
    expect(clipped).toBe('ab😀…');
    expect(clip(`abc😀def`, 4)).toBe('abc…');
  });

  it('GIVEN a skin-toned emoji at the cut THEN it is left out whole rather than losing its tone', () => {
    expect(clip(`ab${THUMBS}cd`, 4)).toBe('ab…');
  });

  it('GIVEN a 90,000-character text (a long staff reply’s fallback) THEN it is clipped within milliseconds, the same as a short one', () => {
    const long = '가나다 '.repeat(22_500);
    const started = performance.now();
    const clipped = clip(long, 300);
    expect(performance.now() - started).toBeLessThan(50);
    expect(clipped).toBe(clip(long.slice(0, 400), 300));
    expect([...clipped]).toHaveLength(300);
  });

  it('GIVEN family emoji (several code points) anywhere around the part of a long text that is looked at THEN every clip ends on a grapheme boundary of the whole text', () => {
    const family = '👨‍👩‍👧‍👦';
    const segmenter = new Intl.Segmenter('ko', { granularity: 'grapheme' });
    // From one leading 😀 on, the first grapheme always fits (a lone oversized one is cut by code points).
    for (let lead = 1; lead < 12; lead += 1) {
      const text = `${'😀'.repeat(lead)}${family}${family}${'b'.repeat(100)}`;
      const boundaries = new Set([...segmenter.segment(text)].map((g) => g.index));
      for (let max = 2; max < 30; max += 1) {
        const head = clip(text, max).slice(0, -1);
        expect(boundaries.has(head.length), `lead ${lead}, max ${max}`).toBe(true);
        expect([...head].length).toBeLessThan(max);
      }
    }
  });
});
