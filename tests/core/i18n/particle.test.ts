import { describe, expect, it } from 'vitest';
import { particle } from '../../../src/core/i18n/particle.ts';

describe('particle', () => {
  it.each([
    ['서면자문', '이/가', '이'],
    ['위원회', '이/가', '가'],
    ['서면자문', '은/는', '은'],
    ['위원회', '은/는', '는'],
    ['의견', '을/를', '을'],
    ['자료', '을/를', '를'],
    ['위원장', '과/와', '과'],
    ['위원', '과/와', '과'],
    ['사무국', '으로/로', '으로'],
    ['서울', '으로/로', '로'],
    ['부서', '으로/로', '로'],
  ] as const)('GIVEN %s and %s THEN %s', (word, pair, expected) => {
    expect(particle(word, pair)).toBe(expected);
  });

  it('GIVEN a title in brackets or quotes THEN the last syllable inside decides', () => {
    expect(particle("「'24년 제1차 지역상생발전위원회 서면자문」", '이/가')).toBe('이');
    expect(particle('"넥스트로컬"', '을/를')).toBe('을');
  });

  it('GIVEN digits and Latin letters THEN they are read aloud (2024-1 → 일, A → 에이)', () => {
    expect(particle('2024-1', '이/가')).toBe('이');
    expect(particle('2024-2', '이/가')).toBe('가');
    expect(particle('PDF', '을/를')).toBe('를');
    expect(particle('HWP', '을/를')).toBe('를');
    expect(particle('URL', '을/를')).toBe('을');
  });

  it('GIVEN an empty word THEN the vowel form (no 받침 to attach to)', () => {
    expect(particle('', '은/는')).toBe('는');
  });
});
