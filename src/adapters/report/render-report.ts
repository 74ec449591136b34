/** The report as a file in one of its formats. */
import { renderReportMarkdown } from '../../core/report/render-report-markdown.ts';
import type { OutgoingFile } from '../../core/ports/messenger.ts';
import type { ReportDocument, ReportFormat } from '../../core/report/report-model.ts';

export { REPORT_FORMATS, type ReportFormat } from '../../core/report/report-model.ts';

const MIME: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
};

/** `report.<format>` (or `jamun-<round>-report.<format>` with `roundId`), rendered. Libraries load on first use. */
export async function renderReportFile(
  report: ReportDocument,
  format: ReportFormat,
  name: string,
): Promise<OutgoingFile> {
  const content =
    format === 'md'
      ? Buffer.from(renderReportMarkdown(report), 'utf8')
      : format === 'docx'
        ? await (await import('./render-docx.ts')).renderReportDocx(report)
        : format === 'xlsx'
          ? await (await import('./render-xlsx.ts')).renderReportXlsx(report)
          : await (await import('./render-pdf.ts')).renderReportPdf(report);
  return { name: `${name}.${format}`, mimeType: MIME[format], content };
}
