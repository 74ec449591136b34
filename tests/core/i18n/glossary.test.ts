import { describe, expect, it } from 'vitest';
import { catalogueKeys, t, type MessageKey } from '../../../src/core/i18n/catalogue.ts';
import { AVOIDED_WORDS, isMemberText, PARTICLE_TEMPLATE } from '../../../src/core/i18n/glossary.ts';

const koTexts = catalogueKeys('ko').map((key) => ({ key, text: t('ko', key as MessageKey) }));
const memberTexts = koTexts.filter(({ key }) => isMemberText(key));

describe('the Korean register (glossary)', () => {
  it('GIVEN the catalogue THEN member texts are found (the check is not vacuous)', () => {
    expect(memberTexts.length).toBeGreaterThan(50);
  });

  it.each(AVOIDED_WORDS.map((w) => [w.avoid, w.write]))(
    'GIVEN every Korean text THEN none says %j (write %s)',
    (avoid) => {
      expect(koTexts.filter(({ text }) => text.includes(avoid)).map(({ key }) => key)).toEqual([]);
    },
  );

  it('GIVEN every Korean text THEN none uses a particle template like 은(는)', () => {
    expect(koTexts.filter(({ text }) => PARTICLE_TEMPLATE.test(text)).map(({ key }) => key)).toEqual([]);
  });

  it('GIVEN member texts THEN none shows an internal id (rounds are named by title)', () => {
    expect(memberTexts.filter(({ text }) => /\{roundId\}|\{memberId\}/.test(text)).map(({ key }) => key)).toEqual([]);
  });

  it('GIVEN member texts THEN none uses the plain imperative of an app (…하세요, …해 주세요)', () => {
    expect(memberTexts.filter(({ text }) => /하세요|해 주세요|눌러 주세요/.test(text)).map(({ key }) => key)).toEqual(
      [],
    );
  });

  it('GIVEN a text that breaks the register THEN the check finds it', () => {
    expect(PARTICLE_TEMPLATE.test('회차 "2024-1"은(는) 마감되었습니다')).toBe(true);
    expect(AVOIDED_WORDS.some((w) => '회원님께 안내드립니다'.includes(w.avoid))).toBe(true);
  });
});
