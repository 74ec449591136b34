/**
 * The agenda as a table (issue 12): a questionnaire staff fill in a
 * spreadsheet (XLSX or CSV, from `/jamun template`), one question per row.
 *
 * | 안건 | 안건 설명 | 질문 | 응답 방식 | 선택지 | 필수 | 척도 | 도움말 |
 * |---|---|---|---|---|---|---|---|
 * | 서울시 지역상생교류 추진 | | 2023년 실적 평가의견 | 서술형 | | 예 | | |
 * | (blank: the item above) | | 만족도 | 단일 선택 | 만족 / 보통 / 불만족 | 예 | | |
 *
 * Headers may be Korean or English (`agenda`, `description`, `question`,
 * `type`, `options`, `required`, `scale`, `help`), in any order; only
 * 안건 and 질문 are required. A blank 안건 continues the item above, as
 * merged cells do. The result has the same shape as a pasted agenda
 * (`agenda-text.ts`), the row number in place of the line, so both go
 * through one validation.
 */
import type { QuestionKind } from '../model.ts';
import { splitOptions, type AgendaProblem, type AgendaReadResult, type PastedQuestion } from './agenda-text.ts';

/** What can be wrong with a table; each has a text in the `authoring` catalogue section. @public */
export type AgendaTableProblemCode =
  | 'authoring.table.empty'
  | 'authoring.table.missing-column'
  | 'authoring.table.unknown-column'
  | 'authoring.table.no-item'
  | 'authoring.table.no-question'
  | 'authoring.table.unknown-type'
  | 'authoring.table.unknown-required'
  | 'authoring.table.options-missing'
  | 'authoring.table.options-not-allowed'
  | 'authoring.table.bad-scale';

/** One problem of a table; `line` is its 1-based row (the header is row 1). @public */
export type AgendaTableProblem = AgendaProblem<AgendaTableProblemCode>;

export type AgendaTableResult = AgendaReadResult<AgendaTableProblemCode>;

type Column = 'agenda' | 'description' | 'question' | 'type' | 'options' | 'required' | 'scale' | 'help';

const HEADERS: Readonly<Record<string, Column>> = {
  안건: 'agenda',
  agenda: 'agenda',
  '안건 설명': 'description',
  description: 'description',
  질문: 'question',
  question: 'question',
  '응답 방식': 'type',
  type: 'type',
  선택지: 'options',
  options: 'options',
  필수: 'required',
  required: 'required',
  척도: 'scale',
  scale: 'scale',
  도움말: 'help',
  help: 'help',
};

const TYPES: Readonly<Record<string, QuestionKind>> = {
  서술형: 'long_text',
  long: 'long_text',
  단답형: 'short_text',
  short: 'short_text',
  '단일 선택': 'single_choice',
  choice: 'single_choice',
  '복수 선택': 'multi_choice',
  multiple: 'multi_choice',
  척도: 'scale',
  scale: 'scale',
};

const YES = new Set(['예', 'y', 'yes', 'o', 'true', '필수']);
const NO = new Set(['아니오', '아니요', 'n', 'no', 'x', 'false', '필수 아님']);
const SCALE = /^(-?\d+)\s*[-~]\s*(-?\d+)$/u;

/** A header cell as a lookup key: trimmed, lower-case, inner spaces as one. */
function key(cell: string): string {
  return cell.trim().toLowerCase().replace(/\s+/gu, ' ');
}

interface ItemDraft {
  line: number;
  title: string;
  description?: string;
  questions: PastedQuestion[];
}

/** The columns of the header row, or the problems of it. */
function readHeader(header: readonly string[], problems: AgendaTableProblem[]): Map<Column, number> {
  const columns = new Map<Column, number>();
  header.forEach((cell, index) => {
    if (cell.trim() === '') return;
    const column = HEADERS[key(cell)];
    if (column === undefined)
      problems.push({ line: 1, code: 'authoring.table.unknown-column', params: { column: cell.trim() } });
    else columns.set(column, index);
  });
  for (const needed of ['agenda', 'question'] as const) {
    if (!columns.has(needed)) {
      problems.push({
        line: 1,
        code: 'authoring.table.missing-column',
        params: { column: needed === 'agenda' ? '안건' : '질문' },
      });
    }
  }
  return columns;
}

function readKind(row: number, cell: string, problems: AgendaTableProblem[]): QuestionKind {
  if (cell === '') return 'long_text';
  const kind = TYPES[key(cell)];
  if (kind === undefined) problems.push({ line: row, code: 'authoring.table.unknown-type', params: { type: cell } });
  return kind ?? 'long_text';
}

function readRequired(row: number, cell: string, problems: AgendaTableProblem[]): boolean {
  const value = key(cell);
  if (value === '' || YES.has(value)) return true;
  if (NO.has(value)) return false;
  problems.push({ line: row, code: 'authoring.table.unknown-required', params: { value: cell } });
  return true;
}

/** The question of one row; its options and scale checked against its type. */
function readQuestion(row: number, cell: (c: Column) => string, problems: AgendaTableProblem[]): PastedQuestion {
  const kind = readKind(row, cell('type'), problems);
  const optionText = cell('options');
  // One option per line in a cell; a blank line between them (and the spaces around) is one break.
  const options =
    optionText === '' ? [] : splitOptions(optionText.replace(/\s*\n\s*/gu, ' / ')).filter((o) => o !== '');
  const choice = kind === 'single_choice' || kind === 'multi_choice';
  if (choice && options.length === 0) problems.push({ line: row, code: 'authoring.table.options-missing', params: {} });
  if (!choice && options.length > 0)
    problems.push({ line: row, code: 'authoring.table.options-not-allowed', params: {} });
  let scale: { min: number; max: number } | undefined;
  const scaleText = cell('scale');
  if (kind === 'scale' && scaleText !== '') {
    const match = SCALE.exec(scaleText);
    const min = Number(match?.[1]);
    const max = Number(match?.[2]);
    if (!match || min >= max)
      problems.push({ line: row, code: 'authoring.table.bad-scale', params: { scale: scaleText } });
    else scale = { min, max };
  }
  const help = cell('help');
  return {
    line: row,
    prompt: cell('question'),
    ...(help === '' ? {} : { help }),
    kind,
    ...(choice ? { options } : {}),
    ...(scale ? { scale } : {}),
    required: readRequired(row, cell('required'), problems),
  };
}

/**
 * Reads a questionnaire table: `rows[0]` is the header. Blank rows are
 * skipped; every problem comes back with its row, not only the first.
 */
export function parseAgendaTable(rows: readonly (readonly string[])[]): AgendaTableResult {
  const problems: AgendaTableProblem[] = [];
  const [header, ...body] = rows;
  if (!header || body.every((r) => r.every((c) => c.trim() === ''))) {
    return { ok: false, problems: [{ line: 1, code: 'authoring.table.empty', params: {} }] };
  }
  const columns = readHeader(header, problems);
  // Without its agenda or question column every row would fail for the same reason: say it once.
  if (!columns.has('agenda') || !columns.has('question')) return { ok: false, problems };
  const items: ItemDraft[] = [];
  body.forEach((cells, index) => {
    const row = index + 2;
    const cell = (c: Column): string => {
      const at = columns.get(c);
      return at === undefined ? '' : (cells[at] ?? '').trim();
    };
    if (cells.every((c) => c.trim() === '')) return;
    const title = cell('agenda');
    if (title !== '' && title !== items.at(-1)?.title) {
      const description = cell('description');
      items.push({ line: row, title, ...(description === '' ? {} : { description }), questions: [] });
    }
    const item = items.at(-1);
    if (!item) {
      problems.push({ line: row, code: 'authoring.table.no-item', params: {} });
      return;
    }
    if (cell('question') === '') {
      problems.push({ line: row, code: 'authoring.table.no-question', params: {} });
      return;
    }
    item.questions.push(readQuestion(row, cell, problems));
  });
  // Problems are found header first, then row by row: already in row order.
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, items };
}
