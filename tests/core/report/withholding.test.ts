import { describe, expect, it } from 'vitest';
import { DEFAULT_WITHHOLDING, withhold } from '../../../src/core/report/withholding.ts';

describe('withhold (기타소득)', () => {
  it('GIVEN the seed honorarium of 100,000원 THEN the taxable 40,000원 is under the threshold and nothing is withheld', () => {
    expect(withhold(100_000, DEFAULT_WITHHOLDING)).toEqual({
      gross: 100_000,
      taxable: 40_000,
      incomeTax: 0,
      localTax: 0,
      net: 100_000,
    });
  });

  it('GIVEN 125,000원 (taxable exactly 50,000원) THEN still nothing is withheld', () => {
    expect(withhold(125_000, DEFAULT_WITHHOLDING).incomeTax).toBe(0);
  });

  it('GIVEN 200,000원 THEN 8.8% is withheld: 16,000원 income tax and 1,600원 local tax', () => {
    expect(withhold(200_000, DEFAULT_WITHHOLDING)).toEqual({
      gross: 200_000,
      taxable: 80_000,
      incomeTax: 16_000,
      localTax: 1_600,
      net: 182_400,
    });
  });

  it('GIVEN 130,000원 THEN taxes under 10원 are dropped (10,400원 and 1,040원)', () => {
    expect(withhold(130_000, DEFAULT_WITHHOLDING)).toMatchObject({ incomeTax: 10_400, localTax: 1_040, net: 118_560 });
    expect(withhold(133_333, DEFAULT_WITHHOLDING)).toMatchObject({
      taxable: 53_333,
      incomeTax: 10_660,
      localTax: 1_060,
    });
  });

  it('GIVEN a committee that withholds nothing THEN the gross is paid', () => {
    expect(withhold(500_000, { ...DEFAULT_WITHHOLDING, kind: 'none' }).net).toBe(500_000);
  });
});
