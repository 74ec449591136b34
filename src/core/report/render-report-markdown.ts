/**
 * The result report as Markdown, in the order of the seed report: header
 * table, title, contact, purpose, Ⅰ. 개요, Ⅱ. 자문 의견, 조치 사항, 행정사항,
 * then the attachment with the members' own advice and `끝.`. Pure.
 */
import { t } from '../i18n/catalogue.ts';
import { paymentRows } from './payment-rows.ts';
import { escapeMarkdownInline, escapeMarkdownLines } from '../summary/markdown-escape.ts';
import type { ReportDocument, ReportLine } from './report-model.ts';

/** The bullet of each level of the ○ / - / ※ hierarchy. */
export const LEVEL_MARKS = ['○', '-', '※'] as const;

function hierarchy(lines: ReportLine[]): string[] {
  return lines.map((line) => `${'  '.repeat(line.level)}${LEVEL_MARKS[line.level]} ${escapeMarkdownInline(line.text)}`);
}

export function renderReportMarkdown(report: ReportDocument): string {
  const { locale } = report;
  const e = escapeMarkdownInline;
  const approval = report.header.approvalLine;
  const out = [
    `| ${t(locale, 'report.documentNumber')} | ${e(report.header.documentNumber)} | ${t(locale, 'report.approval')} | ${approval.map(e).join(' → ')} |`,
    '| --- | --- | --- | --- |',
    `| ${t(locale, 'report.disclosure')} | ${e(report.header.disclosure)} | | |`,
    '',
    `# ${e(report.title)}`,
    '',
    [report.issued.month, report.issued.bureau, report.issued.department ? `(${report.issued.department})` : undefined]
      .filter(Boolean)
      .map((s) => e(String(s)))
      .join(' '),
    '',
  ];
  if (report.note) out.push(`> ${e(report.note)}`, '');
  if (report.checklist.length > 0) {
    out.push(`**${t(locale, 'report.checklist')}**`, '', ...report.checklist.map((c) => `- ■ ${e(c)}`), '');
  }
  if (report.contactLine) out.push(e(report.contactLine), '');
  out.push(e(report.purpose), '', `## ${t(locale, 'report.section.overview')}`, '');
  const o = report.overview;
  out.push(`- ${e(o.period)}`, ...o.holidayNotes.map((n) => `  ${e(n)}`), `- ${e(o.method)}`, `- ${e(o.submitted)}`);
  out.push(...o.roster.map((r) => `  - ${e(r)}`), `- ${e(o.agendaLabel)}`);
  o.agenda.forEach((item, i) => {
    out.push(`  ${circled(i)} ${e(item.title)}`, ...item.questions.map((q) => `    - ${e(q)}`));
  });
  out.push('', `## ${t(locale, 'report.section.opinions')}`, '');
  report.opinions.forEach((item, i) => {
    out.push(`### ${circled(i)} ${e(item.title)}`, '');
    if (item.lines.length > 0) out.push(...hierarchy(item.lines), '');
    for (const q of item.questions) out.push(`**[${e(q.prompt)}]**`, '', ...hierarchy(q.lines), '');
  });
  out.push(
    `## ${t(locale, 'report.actions')}`,
    '',
    ...hierarchy(report.actions),
    '',
    `## ${t(locale, 'report.admin')}`,
    '',
  );
  if (report.admin.honorarium) out.push(`- ${e(report.admin.honorarium)}`);
  out.push(...report.admin.followUp.map((f) => `- ${e(f)}`), '');
  if (report.admin.payments.length > 0) {
    const { header, rows, total } = paymentRows(report);
    const row = (cells: string[]): string => `| ${cells.map(e).join(' | ')} |`;
    out.push(
      `**${t(locale, 'report.payments')}**`,
      '',
      row(header),
      '| --- | ---: | ---: | ---: | ---: |',
      ...rows.map(row),
      row(total),
      '',
    );
    if (report.admin.paymentNote) out.push(e(report.admin.paymentNote), '');
  }
  out.push(report.closing, '', '---', '', `## ${t(locale, 'report.attachmentTitle')}`, '');
  report.attachment.forEach((item, i) => {
    out.push(`### ${circled(i)} ${e(item.title)}`, '');
    for (const q of item.questions) {
      out.push(`#### ${e(q.id)}. ${e(q.prompt)}`, '');
      if (q.answers.length === 0) out.push(t(locale, 'report.noOpinion'), '');
      for (const a of q.answers) {
        const [first = '', ...rest] = escapeMarkdownLines(a.text);
        out.push(`- **${e(a.author)}**: ${first}`, ...rest.map((l) => (l ? `  ${l}` : '')));
      }
      out.push('');
    }
  });
  return out.join('\n');
}

/** ① ② … for agenda items (up to ⑳, then numbers). */
export function circled(index: number): string {
  return index < 20 ? String.fromCodePoint(0x2460 + index) : `${index + 1}.`;
}
