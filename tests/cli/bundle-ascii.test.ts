/**
 * The bundle is written in ASCII (build.mjs, `asciiOnly`) so V8 keeps each
 * module's source as a one-byte string: what esbuild leaves unescaped
 * (comments, regular expression literals) must mean the same afterwards.
 */
import { describe, expect, it } from 'vitest';
import { asciiOnly } from '../../src/cli/build.mjs';

/** Evaluates a module body's `export default` expression, written as a function body. */
const evaluate = (body: string): unknown => new Function(body)();

describe('asciiOnly', () => {
  it('GIVEN Hangul in a comment and in regular expressions THEN the text is ASCII and the patterns match as before', () => {
    const source = [
      '// 위원님 comment with a ’ quote',
      'const ORDINAL = /^제(\\d+)(대|회) ?(.+)$/;',
      'const MARKER = /^(?:[-*•·○]|[가-하][.)]|[①-⑳])\\s*/u;',
      'return [ORDINAL, MARKER];',
    ].join('\n');
    const escaped = asciiOnly(source);
    expect(escaped).toMatch(/^[ -~\n]*$/);
    expect(escaped).toContain('// \\uc704\\uc6d0\\ub2d8');
    const [ordinal, marker] = evaluate(escaped) as [RegExp, RegExp];
    const [ordinalBefore, markerBefore] = evaluate(source) as [RegExp, RegExp];
    for (const text of ['제3회 지방선거', '제12대 국회', '3회 지방선거'])
      expect(ordinal.exec(text)?.slice(1)).toEqual(ordinalBefore.exec(text)?.slice(1));
    for (const text of ['• 항목', '가) 항목', '⑳ 항목', '㉑ 항목', '- 항목', 'x 항목'])
      expect(marker.test(text)).toBe(markerBefore.test(text));
  });

  it('GIVEN a character outside the BMP THEN it becomes a surrogate pair that a `u` pattern reads as one character', () => {
    const source = 'return /^😀$/u;';
    const escaped = asciiOnly(source);
    expect(escaped).toBe('return /^\\ud83d\\ude00$/u;');
    const pattern = evaluate(escaped) as RegExp;
    expect(pattern.test('😀')).toBe(true);
    expect(pattern.test('\ud83d')).toBe(false);
  });

  it('GIVEN ASCII only THEN the text is unchanged', () => {
    const source = "const a = 'plain'; // comment\n";
    expect(asciiOnly(source)).toBe(source);
  });
});
