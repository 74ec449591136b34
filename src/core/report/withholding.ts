/**
 * Tax withheld at source from an honorarium paid as 기타소득 (other income),
 * per payment and per member. Pure.
 *
 * - 소득세법 제21조 제1항: lecture and advisory fees of a one-off kind are 기타소득.
 * - 소득세법 제37조 제2항 and 시행령 제87조: 60% of the gross is deemed expenses,
 *   so the taxable amount (기타소득금액) is 40% of it.
 * - 소득세법 제129조 제1항 제6호: income tax is withheld at 20% of the taxable amount.
 * - 소득세법 제84조: nothing is charged when the taxable amount of one payment is
 *   50,000원 or less (과세최저한).
 * - 지방세법 제103조의13·제103조의29: local income tax is 10% of the income tax,
 *   withheld with it. Together 8.8% of the gross.
 * - Amounts under 10원 are dropped from each tax (국고금 관리법 제47조).
 *
 * The rates and threshold come from the committee (`withholding:`), so a
 * change in the law is a configuration change.
 */
import type { WithholdingRules } from '../model.ts';

/** Korean 기타소득 rules: 60% deemed expenses, 20% income tax, 10% local tax, 50,000원 threshold. */
export const DEFAULT_WITHHOLDING: WithholdingRules = {
  kind: 'other_income',
  deemedExpenseRate: 0.6,
  incomeTaxRate: 0.2,
  localTaxRate: 0.1,
  threshold: 50_000,
};

/** One member's payment. */
export interface Payment {
  gross: number;
  /** 기타소득금액: the gross less deemed expenses. */
  taxable: number;
  incomeTax: number;
  localTax: number;
  net: number;
}

/** Drops amounts under 10원, as tax amounts are written. */
function toTens(amount: number): number {
  return Math.floor(amount / 10) * 10;
}

/** What is withheld from one payment of `gross` under `rules`. */
export function withhold(gross: number, rules: WithholdingRules): Payment {
  if (rules.kind === 'none' || gross <= 0) return { gross, taxable: 0, incomeTax: 0, localTax: 0, net: gross };
  const taxable = Math.round(gross * (1 - rules.deemedExpenseRate));
  if (taxable <= rules.threshold) return { gross, taxable, incomeTax: 0, localTax: 0, net: gross };
  const incomeTax = toTens(taxable * rules.incomeTaxRate);
  const localTax = toTens(incomeTax * rules.localTaxRate);
  return { gross, taxable, incomeTax, localTax, net: gross - incomeTax - localTax };
}
