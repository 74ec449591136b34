/**
 * The result report as an A4 PDF with pdfkit and an embedded (subset) Hangul
 * font: pure JavaScript, so it renders on a machine with only Node and npm.
 */
import PDFDocument from 'pdfkit';
import { t } from '../../core/i18n/catalogue.ts';
import { circled, LEVEL_MARKS } from '../../core/report/render-report-markdown.ts';
import type { ReportDocument, ReportLine } from '../../core/report/report-model.ts';
import { paymentRows } from '../../core/report/payment-rows.ts';
import { reportFontFiles } from './report-font.ts';

const MARGIN = 56;

export function renderReportPdf(report: ReportDocument): Promise<Buffer> {
  const fonts = reportFontFiles();
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: report.title, Author: 'jamun' } });
  doc.registerFont('R', fonts.regular);
  doc.registerFont('B', fonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const { locale } = report;
  const width = doc.page.width - 2 * MARGIN;
  const text = (
    s: string,
    o: { font?: 'R' | 'B'; size?: number; indent?: number; align?: 'left' | 'center' | 'right'; gap?: number } = {},
  ) => {
    doc.font(o.font ?? 'R').fontSize(o.size ?? 10.5);
    doc.text(s, MARGIN + (o.indent ?? 0), doc.y, { width: width - (o.indent ?? 0), align: o.align ?? 'left' });
    if (o.gap) doc.moveDown(o.gap);
  };
  const lines = (list: ReportLine[], indent = 0) => {
    for (const l of list) text(`${LEVEL_MARKS[l.level]} ${l.text}`, { indent: indent + l.level * 14 });
  };

  // Header block: 문서번호 / 공개여부 on the left, the approval line on the right.
  const top = doc.y;
  doc.font('R').fontSize(9);
  doc.text(`${t(locale, 'report.documentNumber')}  ${report.header.documentNumber}`, MARGIN, top);
  doc.text(`${t(locale, 'report.disclosure')}  ${report.header.disclosure}`, MARGIN, top + 14);
  const approval = report.header.approvalLine;
  const cell = 70;
  approval.forEach((role, i) => {
    const x = MARGIN + width - (approval.length - i) * cell;
    doc.rect(x, top, cell, 34).stroke();
    doc.text(role, x + 2, top + 4, { width: cell - 4, align: 'center' });
  });
  doc.y = top + 50;
  text(report.title, { font: 'B', size: 17, align: 'center', gap: 0.4 });
  const issuer = [
    report.issued.month,
    report.issued.bureau,
    report.issued.department ? `(${report.issued.department})` : '',
  ]
    .filter(Boolean)
    .join('  ');
  text(issuer, { align: 'center', gap: 0.8 });
  if (report.note) text(report.note, { size: 9, gap: 0.6 });
  if (report.contactLine) text(report.contactLine, { size: 9, align: 'right', gap: 0.6 });
  text(report.purpose, { gap: 0.8 });

  text(t(locale, 'report.section.overview'), { font: 'B', size: 13, gap: 0.3 });
  const o = report.overview;
  text(`- ${o.period}`);
  for (const n of o.holidayNotes) text(n, { indent: 14 });
  text(`- ${o.method}`);
  text(`- ${o.submitted}`);
  for (const r of o.roster) text(`- ${r}`, { indent: 14 });
  text(`- ${o.agendaLabel}`);
  o.agenda.forEach((item, i) => {
    text(`${circled(i)} ${item.title}`, { indent: 14 });
    for (const q of item.questions) text(`- ${q}`, { indent: 28 });
  });
  doc.moveDown(0.8);
  text(t(locale, 'report.section.opinions'), { font: 'B', size: 13, gap: 0.3 });
  report.opinions.forEach((item, i) => {
    text(`${circled(i)} ${item.title}`, { font: 'B', gap: 0.2 });
    lines(item.lines, 7);
    for (const q of item.questions) {
      text(`[${q.prompt}]`, { indent: 7 });
      lines(q.lines, 14);
      doc.moveDown(0.3);
    }
  });
  text(t(locale, 'report.actions'), { font: 'B', size: 12, gap: 0.2 });
  lines(report.actions, 7);
  doc.moveDown(0.6);
  text(t(locale, 'report.admin'), { font: 'B', size: 12, gap: 0.2 });
  if (report.admin.honorarium) text(`- ${report.admin.honorarium}`, { indent: 7 });
  for (const f of report.admin.followUp) text(`- ${f}`, { indent: 7 });
  if (report.admin.payments.length > 0) {
    doc.moveDown(0.4);
    text(t(locale, 'report.payments'), { font: 'B', size: 9.5, gap: 0.2 });
    paymentsTable(doc, report, MARGIN, width);
    if (report.admin.paymentNote) text(report.admin.paymentNote, { size: 8.5, gap: 0.4 });
  }
  doc.moveDown(0.6);
  text(report.closing, { font: 'B' });

  doc.addPage();
  text(t(locale, 'report.attachmentTitle'), { font: 'B', size: 13, gap: 0.5 });
  report.attachment.forEach((item, i) => {
    text(`${circled(i)} ${item.title}`, { font: 'B', gap: 0.2 });
    for (const q of item.questions) {
      text(`${q.id}. ${q.prompt}`, { font: 'B', size: 10, indent: 7 });
      if (q.answers.length === 0) text(t(locale, 'report.noOpinion'), { indent: 14 });
      for (const a of q.answers) text(`${a.author}: ${a.text}`, { size: 9.5, indent: 14 });
      doc.moveDown(0.3);
    }
  });
  doc.end();
  return done;
}

function paymentsTable(doc: PDFKit.PDFDocument, report: ReportDocument, x: number, width: number): void {
  const { header, rows, total } = paymentRows(report);
  rows.push(total);
  const col = width / 5;
  const rowHeight = 16;
  doc.font('R').fontSize(9);
  for (const [r, row] of [header, ...rows].entries()) {
    if (doc.y + rowHeight > doc.page.height - MARGIN) doc.addPage();
    const y = doc.y;
    row.forEach((value, c) => {
      doc.rect(x + c * col, y, col, rowHeight).stroke();
      doc.text(value, x + c * col + 3, y + 4, {
        width: col - 6,
        align: c === 0 || r === 0 ? 'center' : 'right',
        lineBreak: false,
      });
    });
    doc.x = x;
    doc.y = y + rowHeight;
  }
  doc.moveDown(0.3);
}
