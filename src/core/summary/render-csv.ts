/**
 * The summary as CSV for spreadsheets: one row per answer.
 * UTF-8 with a byte order mark (Excel otherwise guesses a legacy code page
 * and garbles Hangul), RFC 4180 quoting and CRLF line ends.
 */
import { t } from '../i18n/catalogue.ts';
import type { CompiledSummary } from '../summary-model.ts';
import { encodeLines, writeLines } from './encode-lines.ts';

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

/** The CSV's rows: the header, then one per answer. */
function* csvRows(summary: CompiledSummary): Generator<string[]> {
  const { locale } = summary;
  yield [
    t(locale, 'summary.csv.round'),
    t(locale, 'summary.csv.item'),
    t(locale, 'summary.csv.questionId'),
    t(locale, 'summary.csv.question'),
    t(locale, 'summary.csv.author'),
    t(locale, 'summary.csv.late'),
    t(locale, 'summary.csv.answer'),
  ];
  const yes = t(locale, 'summary.csv.yes');
  const no = t(locale, 'summary.csv.no');
  for (const item of summary.items) {
    for (const question of item.questions) {
      for (const answer of question.answers) {
        yield [
          summary.roundTitle,
          item.title,
          question.id,
          question.prompt,
          answer.author,
          answer.late ? yes : no,
          answer.text,
        ];
      }
    }
  }
}

/** The CSV's lines, each with its CRLF. */
function* csvLines(summary: CompiledSummary): Generator<string> {
  for (const row of csvRows(summary)) yield `${row.map(csvCell).join(',')}\r\n`;
}

/** The answers of the summary as CSV bytes (BOM, header row, CRLF line ends). */
export function renderSummaryCsv(summary: CompiledSummary): Buffer {
  // Written row by row into one buffer of the exact size (encode-lines.ts): a round of 500 members × 20 long
  // answers is ~36 MB, which as a list of lines or one string would be held two or three times over.
  return encodeLines(() => csvLines(summary), { separator: '', prefix: BOM });
}

/** The same CSV written to a file at `path`, chunk by chunk; resolves to its size in bytes. */
export function writeSummaryCsvFile(summary: CompiledSummary, path: string): Promise<number> {
  return writeLines(path, csvLines(summary), { separator: '', prefix: BOM });
}
