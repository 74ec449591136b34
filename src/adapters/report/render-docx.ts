/**
 * The result report as an A4 DOCX (the `docx` library): header table with
 * the approval line, title, contact, purpose, Ⅰ/Ⅱ sections, 조치 사항,
 * 행정사항 with the payments table, then the attachment. The font is named
 * (맑은 고딕 for Hangul), so Word and 한컴오피스 show it as intended.
 */
import {
  AlignmentType,
  Document,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { t } from '../../core/i18n/catalogue.ts';
import { circled, LEVEL_MARKS } from '../../core/report/render-report-markdown.ts';
import type { ReportDocument, ReportLine } from '../../core/report/report-model.ts';
import { paymentRows } from '../../core/report/payment-rows.ts';
import { DOCUMENT_FONT } from './report-font.ts';

/** A4 in twentieths of a point. */
const A4 = { width: 11906, height: 16838 };
const FONT = { ascii: DOCUMENT_FONT.latin, hAnsi: DOCUMENT_FONT.latin, eastAsia: DOCUMENT_FONT.eastAsia };

function para(
  text: string,
  o: { bold?: boolean; size?: number; indent?: number; center?: boolean; after?: number } = {},
): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text, bold: o.bold ?? false, size: (o.size ?? 11) * 2, font: FONT })],
    ...(o.center ? { alignment: AlignmentType.CENTER } : {}),
    indent: { left: (o.indent ?? 0) * 20 },
    spacing: { after: (o.after ?? 2) * 20 },
  });
}

function cell(text: string, bold = false): TableCell {
  return new TableCell({ children: [para(text, { bold, size: 9 })] });
}

function table(rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map((row, r) => new TableRow({ children: row.map((value) => cell(value, r === 0)) })),
  });
}

function hierarchy(lines: ReportLine[], indent: number): Paragraph[] {
  return lines.map((l) => para(`${LEVEL_MARKS[l.level]} ${l.text}`, { indent: indent + l.level * 14 }));
}

export async function renderReportDocx(report: ReportDocument): Promise<Buffer> {
  const { locale } = report;
  const o = report.overview;
  const children: Array<Paragraph | Table> = [
    table([
      [
        t(locale, 'report.documentNumber'),
        report.header.documentNumber,
        t(locale, 'report.approval'),
        ...report.header.approvalLine,
      ],
      [t(locale, 'report.disclosure'), report.header.disclosure, '', ...report.header.approvalLine.map(() => '')],
    ]),
    para('', { after: 12 }),
    para(report.title, { bold: true, size: 17, center: true, after: 6 }),
    para(
      [report.issued.month, report.issued.bureau, report.issued.department ? `(${report.issued.department})` : '']
        .filter(Boolean)
        .join('  '),
      { center: true, after: 12 },
    ),
  ];
  if (report.note) children.push(para(report.note, { size: 9, after: 6 }));
  if (report.checklist.length > 0) {
    children.push(
      para(t(locale, 'report.checklist'), { bold: true }),
      ...report.checklist.map((c) => para(`■ ${c}`, { indent: 7 })),
    );
  }
  if (report.contactLine) children.push(para(report.contactLine, { size: 9, after: 6 }));
  children.push(
    para(report.purpose, { after: 10 }),
    para(t(locale, 'report.section.overview'), { bold: true, size: 13 }),
  );
  children.push(para(`- ${o.period}`, { indent: 7 }), ...o.holidayNotes.map((n) => para(n, { indent: 21 })));
  children.push(para(`- ${o.method}`, { indent: 7 }), para(`- ${o.submitted}`, { indent: 7 }));
  children.push(...o.roster.map((r) => para(`- ${r}`, { indent: 21 })), para(`- ${o.agendaLabel}`, { indent: 7 }));
  o.agenda.forEach((item, i) => {
    children.push(
      para(`${circled(i)} ${item.title}`, { indent: 21 }),
      ...item.questions.map((q) => para(`- ${q}`, { indent: 35 })),
    );
  });
  children.push(para('', { after: 6 }), para(t(locale, 'report.section.opinions'), { bold: true, size: 13 }));
  report.opinions.forEach((item, i) => {
    children.push(para(`${circled(i)} ${item.title}`, { bold: true }), ...hierarchy(item.lines, 7));
    for (const q of item.questions) children.push(para(`[${q.prompt}]`, { indent: 7 }), ...hierarchy(q.lines, 14));
  });
  children.push(para(t(locale, 'report.actions'), { bold: true, size: 12 }), ...hierarchy(report.actions, 7));
  children.push(para(t(locale, 'report.admin'), { bold: true, size: 12 }));
  if (report.admin.honorarium) children.push(para(`- ${report.admin.honorarium}`, { indent: 7 }));
  children.push(...report.admin.followUp.map((f) => para(`- ${f}`, { indent: 7 })));
  if (report.admin.payments.length > 0) {
    const { header, rows, total } = paymentRows(report);
    children.push(para(t(locale, 'report.payments'), { bold: true, size: 9.5 }), table([header, ...rows, total]));
    if (report.admin.paymentNote) children.push(para(report.admin.paymentNote, { size: 8.5 }));
  }
  children.push(para('', { after: 6 }), para(report.closing, { bold: true }));
  children.push(
    new Paragraph({ children: [new PageBreak()] }),
    para(t(locale, 'report.attachmentTitle'), { bold: true, size: 13 }),
  );
  report.attachment.forEach((item, i) => {
    children.push(para(`${circled(i)} ${item.title}`, { bold: true }));
    for (const q of item.questions) {
      children.push(para(`${q.id}. ${q.prompt}`, { bold: true, indent: 7 }));
      if (q.answers.length === 0) children.push(para(t(locale, 'report.noOpinion'), { indent: 14 }));
      for (const a of q.answers) children.push(para(`${a.author}: ${a.text}`, { indent: 14, size: 10 }));
    }
  });
  const document = new Document({
    creator: 'jamun',
    title: report.title,
    sections: [
      { properties: { page: { size: A4, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } }, children },
    ],
  });
  return Packer.toBuffer(document);
}
