/**
 * Korean particles chosen by the last syllable of the word before them, so
 * messages never show `은(는)` templates: 「… 서면자문」이, 「… 위원회」가.
 * Pure.
 */

/** The particle pairs, written consonant-form/vowel-form. */
export type ParticlePair = '이/가' | '을/를' | '은/는' | '과/와' | '으로/로' | '이에요/예요';

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
/** Final consonant index of ㄹ in a composed syllable. */
const RIEUL = 8;
/** Digits read in Korean, and whether their reading ends in a consonant (일, 삼, 육, 칠, 팔, 십 do). */
const DIGIT_HAS_FINAL = [true, true, false, true, false, false, true, true, true, false];
/** Latin letters whose English names end in a consonant sound when read in Korean (엘, 엠, 엔, 알). */
const LATIN_WITH_FINAL = new Set(['l', 'm', 'n', 'r']);

/** The last character that decides the particle: brackets, quotes and spaces at the end are skipped. */
function lastSounding(word: string): string | undefined {
  const trimmed = word.replace(/[\s"'“”‘’」』)\]>》〉.]+$/u, '');
  return trimmed.at(-1);
}

/** Whether the word ends in a final consonant (받침), and whether that consonant is ㄹ. */
function finalOf(word: string): { has: boolean; rieul: boolean } {
  const last = lastSounding(word);
  if (last === undefined) return { has: false, rieul: false };
  const code = last.codePointAt(0) ?? 0;
  if (code >= HANGUL_FIRST && code <= HANGUL_LAST) {
    const final = (code - HANGUL_FIRST) % 28;
    return { has: final !== 0, rieul: final === RIEUL };
  }
  if (/\d/.test(last))
    return { has: DIGIT_HAS_FINAL[Number(last)] ?? false, rieul: last === '1' || last === '7' || last === '8' };
  const lower = last.toLowerCase();
  return { has: LATIN_WITH_FINAL.has(lower), rieul: lower === 'l' };
}

/** The particle that follows `word`: `particle('서면자문', '이/가')` → `이`. */
export function particle(word: string, pair: ParticlePair): string {
  const [withFinal = '', withoutFinal = ''] = pair.split('/');
  const { has, rieul } = finalOf(word);
  // 으로/로: a word ending in ㄹ takes 로 (서울로), like a vowel.
  if (pair === '으로/로') return has && !rieul ? withFinal : withoutFinal;
  return has ? withFinal : withoutFinal;
}
