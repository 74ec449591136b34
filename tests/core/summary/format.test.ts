import { describe, expect, it } from 'vitest';
import { formatHonorariumLine, formatNumber, letterLabel } from '../../../src/core/summary/format.ts';

describe('letterLabel', () => {
  it.each([
    [0, 'A'],
    [1, 'B'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('GIVEN index %i THEN the label is %s (spreadsheet columns)', (index, label) => {
    expect(letterLabel(index)).toBe(label);
  });

  it.each([-1, 1.5, Number.NaN])('GIVEN %s THEN it is a programming error', (index) => {
    expect(() => letterLabel(index)).toThrow(RangeError);
  });
});

describe('formatNumber', () => {
  it('GIVEN thousands and fractions THEN separators in both locales and at most two decimals', () => {
    expect(formatNumber(1_234_567.891, 'ko')).toBe('1,234,567.89');
    expect(formatNumber(600_000, 'en')).toBe('600,000');
  });
});

describe('formatHonorariumLine', () => {
  const line = { count: 6, rate: 100_000, total: 600_000 };

  it('GIVEN Korean won THEN 6명 × 100,000원 = 600,000원, whatever the case of the currency code', () => {
    expect(formatHonorariumLine({ ...line, currency: 'KRW' }, 'ko')).toBe('6명 × 100,000원 = 600,000원');
    expect(formatHonorariumLine({ ...line, currency: 'krw' }, 'ko')).toBe('6명 × 100,000원 = 600,000원');
  });

  it('GIVEN English THEN 6 × 100,000 KRW = 600,000 KRW', () => {
    expect(formatHonorariumLine({ ...line, currency: 'KRW' }, 'en')).toBe('6 × 100,000 KRW = 600,000 KRW');
  });

  it('GIVEN another currency THEN its code follows the amount', () => {
    expect(formatHonorariumLine({ count: 2, rate: 150, total: 300, currency: 'USD' }, 'en')).toBe(
      '2 × 150 USD = 300 USD',
    );
  });
});
