/**
 * An agenda written back in the paste format of `agenda-text.ts`, so a
 * draft opens in the chat form prefilled (`/jamun edit`) and a table staff
 * imported can be finished in the form. `parseAgendaText` of the result
 * gives back the same items (tested both ways).
 *
 * What the paste cannot hold is dropped, and said so by the caller: line
 * breaks inside a prompt or a title become spaces, and scale labels and
 * answer lengths keep their defaults.
 */
import type { Locale, QuestionKind } from '../model.ts';

/** The parts of a question the paste format holds (a stored question and a pasted one both fit). */
interface RenderableQuestion {
  readonly prompt: string;
  readonly help?: string | undefined;
  readonly kind: QuestionKind;
  readonly options?: readonly string[] | undefined;
  readonly scale?: { readonly min: number; readonly max: number } | undefined;
  readonly required: boolean;
}

/** The parts of an agenda item the paste format holds. */
interface RenderableItem {
  readonly title: string;
  readonly description?: string | undefined;
  readonly questions: readonly RenderableQuestion[];
}

const MARKERS = {
  ko: { single: '선택', multi: '복수 선택', short: '단답', optional: '필수 아님', scale: '척도' },
  en: { single: 'choice', multi: 'multiple', short: 'short', optional: 'optional', scale: 'scale' },
} as const;

/** Text that would read as a list marker, an item title or a note when it starts a line. */
const LEADING_SYNTAX = /^(?:[#>＞]|[-*•·○◦▪□■※]|\d{1,3}[.)]|[가-하][.)]|[①-⑳])/u;

/** One line of text; a leading `- ` keeps text that starts like a marker as it is (the parser drops one marker). */
function lineOf(text: string): string {
  const flat = text.replace(/\s*[\r\n]+\s*/gu, ' ').trim();
  return LEADING_SYNTAX.test(flat) ? `- ${flat}` : flat;
}

function noteLines(text: string | undefined): string[] {
  if (text === undefined || text.trim() === '') return [];
  return text.split(/\r\n|\r|\n/u).map((line) => `> ${line.trim()}`);
}

function markersOf(q: RenderableQuestion, locale: Locale): string {
  const m = MARKERS[locale];
  const parts: string[] = [];
  if (q.kind === 'single_choice' || q.kind === 'multi_choice') {
    parts.push(`(${q.kind === 'single_choice' ? m.single : m.multi}: ${(q.options ?? []).join(' / ')})`);
  } else if (q.kind === 'short_text') parts.push(`(${m.short})`);
  else if (q.kind === 'scale') parts.push(`(${m.scale}: ${q.scale?.min ?? 1}-${q.scale?.max ?? 5})`);
  if (!q.required) parts.push(`(${m.optional})`);
  return parts.length === 0 ? '' : ` ${parts.join(' ')}`;
}

/** The agenda as paste text, markers in `locale`'s words (the parser reads both languages). */
export function renderAgendaText(items: readonly RenderableItem[], locale: Locale): string {
  const lines: string[] = [];
  items.forEach((item, index) => {
    if (index > 0) lines.push('');
    lines.push(`# ${lineOf(item.title)}`, ...noteLines(item.description));
    for (const q of item.questions) {
      lines.push(`${lineOf(q.prompt)}${markersOf(q, locale)}`, ...noteLines(q.help));
    }
  });
  return lines.join('\n');
}
