/**
 * Locale-aware formatting shared by the summary compiler and its renderers.
 * Pure: every function depends on its arguments only.
 */
import { t } from '../i18n/catalogue.ts';
import type { Locale } from '../model.ts';

const NUMBER_LOCALES: Record<Locale, string> = { ko: 'ko-KR', en: 'en-US' };

/** One formatter per locale: building an Intl.NumberFormat costs about 20 µs, using one well under 1 µs. */
const NUMBER_FORMATS = new Map<Locale, Intl.NumberFormat>();

/** A number with the locale's thousands separators (`600,000`). */
export function formatNumber(value: number, locale: Locale): string {
  let format = NUMBER_FORMATS.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(NUMBER_LOCALES[locale], { maximumFractionDigits: 2 });
    NUMBER_FORMATS.set(locale, format);
  }
  return format.format(value);
}

/** An amount of money as people in `locale` write it: `100,000원`, `100,000 KRW`. */
export function formatMoney(amount: number, currency: string, locale: Locale): string {
  const formatted = formatNumber(amount, locale);
  return currency.toUpperCase() === 'KRW'
    ? t(locale, 'summary.money.krw', { amount: formatted })
    : t(locale, 'summary.money.other', { amount: formatted, currency });
}

/** The honorarium sum as a sentence: `6명 × 100,000원 = 600,000원`. */
export function formatHonorariumLine(
  honorarium: { count: number; rate: number; total: number; currency: string },
  locale: Locale,
): string {
  return t(locale, 'summary.honorarium.line', {
    count: formatNumber(honorarium.count, locale),
    rate: formatMoney(honorarium.rate, honorarium.currency, locale),
    total: formatMoney(honorarium.total, honorarium.currency, locale),
  });
}

/**
 * Spreadsheet-column style letters for a zero-based index:
 * 0 → A, 25 → Z, 26 → AA, 27 → AB, 701 → ZZ, 702 → AAA.
 */
export function letterLabel(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new RangeError('index must be a non-negative integer');
  let label = '';
  let rest = index + 1;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    label = String.fromCharCode(65 + digit) + label;
    rest = Math.floor((rest - 1) / 26);
  }
  return label;
}
