/**
 * The result report as an XLSX workbook (exceljs): a sheet of answers (one
 * row per member and question), staff's synthesis, the follow-up actions,
 * the participation, and the honorarium with per-member withholding and totals.
 */
import ExcelJS from 'exceljs';
import { t } from '../../core/i18n/catalogue.ts';
import type { ReportDocument, ReportLine } from '../../core/report/report-model.ts';
import { LEVEL_MARKS } from '../../core/report/render-report-markdown.ts';
import { DOCUMENT_FONT } from './report-font.ts';

const FONT = { name: DOCUMENT_FONT.eastAsia, size: 10 };

/** `  - text`: the line's mark, indented by its level, as the documents print it. */
function markedLine(line: ReportLine): string {
  return `${'  '.repeat(line.level)}${LEVEL_MARKS[line.level]} ${line.text}`;
}

export async function renderReportXlsx(report: ReportDocument): Promise<Buffer> {
  const { locale } = report;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'jamun';
  workbook.title = report.title;
  const sheet = (key: Parameters<typeof t>[1], header: string[], widths: number[]) => {
    const ws = workbook.addWorksheet(t(locale, key), { pageSetup: { paperSize: 9, orientation: 'portrait' } });
    ws.columns = header.map((h, i) => ({ header: h, width: widths[i] ?? 14 }));
    ws.getRow(1).font = { ...FONT, bold: true };
    return ws;
  };
  const answers = sheet(
    'report.sheet.answers',
    [
      t(locale, 'report.sheet.item'),
      t(locale, 'report.sheet.question'),
      t(locale, 'report.payments.member'),
      t(locale, 'report.sheet.opinion'),
    ],
    [28, 40, 12, 80],
  );
  for (const item of report.attachment) {
    for (const q of item.questions) {
      for (const a of q.answers) answers.addRow([item.title, `${q.id}. ${q.prompt}`, a.author, a.text]);
    }
  }
  answers.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
  // Staff's synthesis, one row per line with its mark, under its item and question; then the actions.
  const synthesis = sheet(
    'followUp.sheet.synthesis',
    [t(locale, 'report.sheet.item'), t(locale, 'report.sheet.question'), t(locale, 'followUp.sheet.text')],
    [28, 40, 90],
  );
  for (const item of report.opinions) {
    for (const line of item.lines) synthesis.addRow([item.title, '', markedLine(line)]);
    for (const q of item.questions)
      for (const line of q.lines) synthesis.addRow([item.title, q.prompt, markedLine(line)]);
  }
  synthesis.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  const actions = sheet('followUp.sheet.actions', [t(locale, 'followUp.sheet.text')], [100]);
  for (const line of report.actions) actions.addRow([markedLine(line)]);
  const participation = sheet(
    'report.sheet.participation',
    [t(locale, 'report.payments.member'), t(locale, 'report.sheet.status')],
    [16, 14],
  );
  for (const p of report.participation) participation.addRow([p.member, p.status]);
  const honorarium = sheet(
    'report.sheet.honorarium',
    (['member', 'gross', 'incomeTax', 'localTax', 'net'] as const).map((k) => t(locale, `report.payments.${k}`)),
    [16, 14, 14, 14, 14],
  );
  for (const p of report.admin.payments) honorarium.addRow([p.member, p.gross, p.incomeTax, p.localTax, p.net]);
  const last = report.admin.payments.length + 1;
  if (last > 1) {
    const total = honorarium.addRow([
      t(locale, 'report.payments.total'),
      ...['B', 'C', 'D', 'E'].map((c) => ({ formula: `SUM(${c}2:${c}${last})` })),
    ]);
    total.font = { ...FONT, bold: true };
  }
  for (const c of [2, 3, 4, 5]) honorarium.getColumn(c).numFmt = '#,##0';
  if (report.admin.paymentNote) honorarium.addRow([report.admin.paymentNote]);
  for (const ws of workbook.worksheets) {
    ws.eachRow((row) => {
      row.eachCell((c) => {
        c.font = { ...FONT, ...(c.font?.bold ? { bold: true } : {}) };
      });
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
