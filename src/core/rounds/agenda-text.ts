/**
 * The agenda as staff paste it into a chat form (issue 12): plain lines,
 * the way a 주무관 writes it in a document, instead of YAML.
 *
 * ```text
 * # 서울시 지역상생교류 추진                ← `# ` starts an agenda item
 * > 안건 설명(선택)                         ← `> ` right after the title: its description
 * 1. 2023년 추진사업 실적에 대한 평가의견   ← any other line: one question
 * > 작성 요령(선택)                         ← `> ` after a question: its help text
 * 만족도 (선택: 매우 만족 / 만족 / 보통)    ← single choice, options split on `/`
 * 관심 분야 (복수 선택: 관광 / 농업)        ← multiple choice
 * 한 줄 의견 (단답) (필수 아님)             ← short answer, optional
 * 시급성 (척도: 1-5)                        ← a scale
 * ```
 *
 * Markers go at the end of the line, in parentheses (full-width ones too),
 * in Korean or English (`choice:`, `multiple:`, `short`, `optional`,
 * `scale: 1-5`). Parentheses that are not markers stay part of the prompt,
 * so "(주체별, 대상별, 분야별 등)" is kept. A leading list marker (`-`, `○`,
 * `1.`, `1)`, `가.`, `①`) is dropped: pasted documents number their lines.
 *
 * Problems are values with the line they are on, never thrown.
 */
import type { QuestionKind } from '../model.ts';

/** A question read from one pasted line. */
export interface PastedQuestion {
  /** 1-based line of the paste. */
  readonly line: number;
  readonly prompt: string;
  readonly help?: string;
  readonly kind: QuestionKind;
  readonly options?: readonly string[];
  readonly scale?: { readonly min: number; readonly max: number };
  readonly required: boolean;
}

/** An agenda item read from a `# ` line and the lines under it. */
export interface PastedAgendaItem {
  readonly line: number;
  readonly title: string;
  readonly description?: string;
  readonly questions: readonly PastedQuestion[];
}

/** What can be wrong with a paste; each has a text in the `authoring` catalogue section. @public */
export type AgendaTextProblemCode =
  | 'authoring.agenda.empty'
  | 'authoring.agenda.question-before-item'
  | 'authoring.agenda.note-before-item'
  | 'authoring.agenda.empty-title'
  | 'authoring.agenda.no-questions'
  | 'authoring.agenda.empty-prompt'
  | 'authoring.agenda.two-kinds'
  | 'authoring.agenda.too-few-options'
  | 'authoring.agenda.duplicate-option'
  | 'authoring.agenda.bad-scale';

/** One problem of an agenda read from a paste or a table, on a 1-based line (or row). */
export interface AgendaProblem<Code extends string> {
  readonly line: number;
  readonly code: Code;
  readonly params: Readonly<Record<string, string | number>>;
}

/** An agenda read from a paste or a table: its items, or every problem found. */
export type AgendaReadResult<Code extends string> =
  | { readonly ok: true; readonly items: readonly PastedAgendaItem[] }
  | { readonly ok: false; readonly problems: readonly AgendaProblem<Code>[] };

/** One problem of a paste. @public */
export type AgendaTextProblem = AgendaProblem<AgendaTextProblemCode>;

export type AgendaTextResult = AgendaReadResult<AgendaTextProblemCode>;

const LIST_MARKER = /^(?:[-*•·○◦▪□■※]|\d{1,3}[.)]|[가-하][.)]|[①-⑳])\s*/u;
const TRAILING_GROUP = /[(（]([^()（）]*)[)）]\s*$/u;
const COLON = '[:：]';
const CHOICE = new RegExp(`^(?:선택|choice)\\s*${COLON}\\s*(.*)$`, 'iu');
const MULTI = new RegExp(`^(?:복수\\s*선택|multiple)\\s*${COLON}\\s*(.*)$`, 'iu');
const OPTIONAL = /^(?:필수\s*아님|optional)$/iu;
const SHORT = /^(?:단답|short)$/iu;
const SCALE = new RegExp(`^(?:척도|scale)\\s*${COLON}?\\s*(-?\\d+)\\s*[-~]\\s*(-?\\d+)$`, 'iu');

/** A question line under construction, before its help lines are known. */
interface QuestionDraft {
  line: number;
  prompt: string;
  help: string[];
  kind: QuestionKind;
  options?: string[];
  scale?: { min: number; max: number };
  required: boolean;
}

interface ItemDraft {
  line: number;
  title: string;
  description: string[];
  questions: QuestionDraft[];
}

/** A marker that sets the answer type. */
type KindMarker =
  | { kind: 'single_choice' | 'multi_choice'; options: string }
  | { kind: 'short_text' }
  | { kind: 'scale'; min: number; max: number };

type Marker = KindMarker | { optional: true };

function readMarker(body: string): Marker | null {
  const text = body.trim();
  const multi = MULTI.exec(text);
  if (multi) return { kind: 'multi_choice', options: multi[1] ?? '' };
  const choice = CHOICE.exec(text);
  if (choice) return { kind: 'single_choice', options: choice[1] ?? '' };
  if (OPTIONAL.test(text)) return { optional: true };
  if (SHORT.test(text)) return { kind: 'short_text' };
  const scale = SCALE.exec(text);
  if (scale) return { kind: 'scale', min: Number(scale[1]), max: Number(scale[2]) };
  return null;
}

/**
 * Options of a choice: split on ` / ` when present, else on `/` (so `및/또는 / 단독`
 * keeps `및/또는`). A slash with space on both sides separates even right after
 * another one (`가 / / 나`: an empty option the caller drops, not `/ 나`).
 */
export function splitOptions(list: string): string[] {
  const separator = /\s\/\s/u.test(list) ? /(?<=\s)\/(?=\s)/u : /\//u;
  return list.split(separator).map((option) => option.trim());
}

/** Peels the markers off the end of a question line; the rest is the prompt. */
function readQuestion(line: number, text: string, problems: AgendaTextProblem[]): QuestionDraft {
  const question: QuestionDraft = { line, prompt: text, help: [], kind: 'long_text', required: true };
  const kinds: KindMarker[] = [];
  for (let match = TRAILING_GROUP.exec(question.prompt); match; match = TRAILING_GROUP.exec(question.prompt)) {
    const marker = readMarker(match[1] ?? '');
    if (marker === null) break;
    question.prompt = question.prompt.slice(0, match.index).trimEnd();
    if ('optional' in marker) question.required = false;
    else kinds.push(marker);
  }
  if (kinds.length > 1) problems.push({ line, code: 'authoring.agenda.two-kinds', params: {} });
  const marker = kinds[0];
  if (marker) applyKind(question, marker, problems);
  question.prompt = question.prompt.replace(LIST_MARKER, '').trim();
  if (question.prompt === '') problems.push({ line, code: 'authoring.agenda.empty-prompt', params: {} });
  return question;
}

function applyKind(question: QuestionDraft, marker: KindMarker, problems: AgendaTextProblem[]) {
  const line = question.line;
  question.kind = marker.kind;
  if (marker.kind === 'scale') {
    if (marker.min >= marker.max) {
      problems.push({ line, code: 'authoring.agenda.bad-scale', params: { min: marker.min, max: marker.max } });
    }
    question.scale = { min: marker.min, max: marker.max };
    return;
  }
  if (marker.kind === 'short_text') return;
  const options = splitOptions(marker.options).filter((option) => option !== '');
  if (options.length < 2) {
    problems.push({ line, code: 'authoring.agenda.too-few-options', params: { count: options.length } });
  }
  const seen = new Set<string>();
  for (const option of options) {
    if (seen.has(option)) problems.push({ line, code: 'authoring.agenda.duplicate-option', params: { option } });
    seen.add(option);
  }
  question.options = options;
}

function finishItem(item: ItemDraft): PastedAgendaItem {
  const description = item.description.join('\n');
  return {
    line: item.line,
    title: item.title,
    ...(description === '' ? {} : { description }),
    questions: item.questions.map((q) => {
      const help = q.help.join('\n');
      return {
        line: q.line,
        prompt: q.prompt,
        ...(help === '' ? {} : { help }),
        kind: q.kind,
        ...(q.options ? { options: q.options } : {}),
        ...(q.scale ? { scale: q.scale } : {}),
        required: q.required,
      };
    }),
  };
}

/**
 * Reads a pasted agenda. Every problem is reported with its line, not only
 * the first, so staff can mend the paste in one go.
 */
export function parseAgendaText(text: string): AgendaTextResult {
  const problems: AgendaTextProblem[] = [];
  const items: ItemDraft[] = [];
  const lines = text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '') return;
    const item = items.at(-1);
    if (/^#(?!#)/u.test(trimmed)) {
      const title = trimmed.slice(1).trim().replace(LIST_MARKER, '').trim();
      if (title === '') problems.push({ line, code: 'authoring.agenda.empty-title', params: {} });
      items.push({ line, title, description: [], questions: [] });
      return;
    }
    if (/^[>＞]/u.test(trimmed)) {
      const note = trimmed.slice(1).trim();
      if (!item) problems.push({ line, code: 'authoring.agenda.note-before-item', params: {} });
      else (item.questions.at(-1)?.help ?? item.description).push(note);
      return;
    }
    if (!item) {
      problems.push({ line, code: 'authoring.agenda.question-before-item', params: {} });
      return;
    }
    item.questions.push(readQuestion(line, trimmed, problems));
  });
  for (const item of items) {
    if (item.questions.length === 0) {
      problems.push({ line: item.line, code: 'authoring.agenda.no-questions', params: { title: item.title } });
    }
  }
  if (items.length === 0 && problems.length === 0) {
    problems.push({ line: 1, code: 'authoring.agenda.empty', params: {} });
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
  return { ok: true, items: items.map(finishItem) };
}
