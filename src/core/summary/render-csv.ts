/**
 * The summary as CSV for spreadsheets: one row per answer.
 * UTF-8 with a byte order mark (Excel otherwise guesses a legacy code page
 * and garbles Hangul), RFC 4180 quoting and CRLF line ends.
 */
import { t } from '../i18n/catalogue.ts';
import type { CompiledSummary } from '../summary-model.ts';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Cell starts a spreadsheet would evaluate as a formula (or hide, for tab and CR). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell: formula-looking text gets a leading apostrophe so the
 * spreadsheet shows it as text, then RFC 4180 quoting where needed.
 */
export function csvCell(value: string): string {
  const inert = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

/** The answers of the summary as CSV bytes (BOM, header row, CRLF line ends). */
export function renderSummaryCsv(summary: CompiledSummary): Buffer {
  const { locale } = summary;
  const rows: string[][] = [
    [
      t(locale, 'summary.csv.round'),
      t(locale, 'summary.csv.item'),
      t(locale, 'summary.csv.questionId'),
      t(locale, 'summary.csv.question'),
      t(locale, 'summary.csv.author'),
      t(locale, 'summary.csv.late'),
      t(locale, 'summary.csv.answer'),
    ],
  ];
  const yes = t(locale, 'summary.csv.yes');
  const no = t(locale, 'summary.csv.no');
  for (const item of summary.items) {
    for (const question of item.questions) {
      for (const answer of question.answers) {
        rows.push([
          summary.roundTitle,
          item.title,
          question.id,
          question.prompt,
          answer.author,
          answer.late ? yes : no,
          answer.text,
        ]);
      }
    }
  }
  // Written line by line into one buffer of the exact size: a round of 500
  // members × 20 long answers is ~36 MB, and joining it as one string first
  // would hold it in memory three times over.
  const lines = rows.map((row) => `${row.map(csvCell).join(',')}\r\n`);
  const size = lines.reduce((n, line) => n + Buffer.byteLength(line, 'utf8'), BOM.length);
  const out = Buffer.allocUnsafe(size);
  let offset = BOM.copy(out, 0);
  for (const line of lines) offset += out.write(line, offset, 'utf8');
  return out;
}
