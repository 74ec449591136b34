/** The payments table of the report as text cells, shared by every format. Pure. */
import { t } from '../i18n/catalogue.ts';
import { formatNumber } from '../summary/format.ts';
import type { ReportDocument } from './report-model.ts';

/** Header, one row per member (원, with separators) and the totals row. */
export function paymentRows(report: ReportDocument): { header: string[]; rows: string[][]; total: string[] } {
  const { locale } = report;
  const money = (n: number): string => formatNumber(n, locale);
  const payments = report.admin.payments;
  const sum = (pick: (p: (typeof payments)[number]) => number): string =>
    money(payments.reduce((n, p) => n + pick(p), 0));
  return {
    header: (['member', 'gross', 'incomeTax', 'localTax', 'net'] as const).map((k) =>
      t(locale, `report.payments.${k}`),
    ),
    rows: payments.map((p) => [p.member, money(p.gross), money(p.incomeTax), money(p.localTax), money(p.net)]),
    total: [
      t(locale, 'report.payments.total'),
      sum((p) => p.gross),
      sum((p) => p.incomeTax),
      sum((p) => p.localTax),
      sum((p) => p.net),
    ],
  };
}
