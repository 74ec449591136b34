/**
 * Pages the questionnaire into Discord modals: a modal holds at most five
 * fields and a text input at most 4,000 characters, so each agenda item
 * becomes one or more pages of at most five fields, and an answer longer
 * than one input is continued in further inputs — never cut short.
 */
import type { Question } from '../../core/model.ts';
import type { AnswerInput } from '../../core/app/inbound.ts';
import type { QuestionnaireView } from '../../core/ports/messenger.ts';
import { splitText } from '../../core/text/split-text.ts';
import { fieldId, parseFieldId } from './custom-ids.ts';
import { DISCORD_COMPONENT, DISCORD_MODAL } from './discord-limits.ts';

/** Discord's limits for modals (discord-limits.ts). */
export const MODAL_MAX_FIELDS = DISCORD_MODAL.components;
export const TEXT_INPUT_MAX = DISCORD_COMPONENT.textInputValue;
const SELECT_MAX_OPTIONS = DISCORD_COMPONENT.selectOptions;

type Draft = string | string[] | number | undefined;

/** One field of a modal page. */
export type FieldPlan =
  | { kind: 'text'; id: string; question: Question; part: number; parts: number; maxLength: number; value: string }
  | {
      kind: 'select';
      id: string;
      question: Question;
      options: Array<{ label: string; value: string; chosen: boolean }>;
      maxValues: number;
      /** When a question's options span several selects of 25: the 1-based option numbers this one holds. */
      range?: { from: number; to: number };
    }
  /** A choice question with more options than a select holds: one choice per line. */
  | { kind: 'lines'; id: string; question: Question; value: string };

export interface PagePlan {
  /** 0-based page number over the whole questionnaire. */
  index: number;
  item: QuestionnaireView['items'][number];
  itemIndex: number;
  questions: Question[];
  fields: FieldPlan[];
}

function textDraft(draft: Draft): string {
  if (draft === undefined) return '';
  return Array.isArray(draft) ? draft.join('\n') : String(draft);
}

function fieldsOf(question: Question, draft: Draft): FieldPlan[] {
  const isChoice = question.kind === 'single_choice' || question.kind === 'multi_choice';
  if (isChoice) {
    const options = question.options ?? [];
    const chosen = Array.isArray(draft) ? draft : typeof draft === 'string' ? [draft] : [];
    // Values are option indexes: labels may be longer than a select value may be.
    const all = options.map((label, i) => ({ label, value: String(i), chosen: chosen.includes(label) }));
    if (options.length > SELECT_MAX_OPTIONS * MODAL_MAX_FIELDS) {
      return [{ kind: 'lines', id: fieldId(question.id, 0), question, value: chosen.join('\n') }];
    }
    // More options than one select holds: consecutive selects of 25 on the same page, never a cut.
    const groups = Math.ceil(all.length / SELECT_MAX_OPTIONS);
    return Array.from({ length: groups }, (_, g) => {
      const slice = all.slice(g * SELECT_MAX_OPTIONS, (g + 1) * SELECT_MAX_OPTIONS);
      return {
        kind: 'select' as const,
        id: fieldId(question.id, g),
        question,
        options: slice,
        maxValues: question.kind === 'single_choice' ? 1 : Math.max(1, slice.length),
        ...(groups > 1
          ? { range: { from: g * SELECT_MAX_OPTIONS + 1, to: g * SELECT_MAX_OPTIONS + slice.length } }
          : {}),
      };
    });
  }
  if (question.kind === 'scale') {
    const min = question.scale?.min ?? 1;
    const max = question.scale?.max ?? 5;
    if (max - min + 1 <= SELECT_MAX_OPTIONS) {
      const points = Array.from({ length: max - min + 1 }, (_, i) => min + i);
      return [
        {
          kind: 'select',
          id: fieldId(question.id, 0),
          question,
          options: points.map((p) => {
            const hint = p === min ? question.scale?.minLabel : p === max ? question.scale?.maxLabel : undefined;
            return { label: hint ? `${p} (${hint})` : String(p), value: String(p), chosen: draft === p };
          }),
          maxValues: 1,
        },
      ];
    }
  }
  const text = textDraft(draft);
  const room = Math.max(question.maxLength, text.length, 1);
  // Cut on character boundaries: a value ending in half an emoji makes Discord refuse the modal.
  const values = splitText(text, TEXT_INPUT_MAX, { exact: true });
  const parts = Math.min(MODAL_MAX_FIELDS, Math.max(Math.ceil(room / TEXT_INPUT_MAX), values.length));
  return Array.from({ length: parts }, (_, part) => ({
    kind: 'text' as const,
    id: fieldId(question.id, part),
    question,
    part,
    parts,
    maxLength: parts === 1 ? Math.min(TEXT_INPUT_MAX, room) : TEXT_INPUT_MAX,
    value: values[part] ?? '',
  }));
}

/** Splits the questionnaire into modal pages, agenda item by agenda item. */
export function planPages(view: QuestionnaireView): PagePlan[] {
  const pages: PagePlan[] = [];
  view.items.forEach((item, itemIndex) => {
    let current: PagePlan | null = null;
    for (const question of item.questions) {
      const fields = fieldsOf(question, item.drafts[question.id]);
      if (!current || current.fields.length + fields.length > MODAL_MAX_FIELDS) {
        current = { index: pages.length, item, itemIndex, questions: [], fields: [] };
        pages.push(current);
      }
      current.questions.push(question);
      current.fields.push(...fields);
    }
  });
  return pages;
}

/**
 * Turns submitted modal fields into answers. Text parts are joined in order.
 * A draft too long to prefill whole comes back as its own beginning; that is
 * left alone rather than saved shortened.
 */
export function readSubmission(view: QuestionnaireView, fields: Map<string, string | string[]>): AnswerInput[] {
  const questions = new Map<string, { question: Question; draft: Draft }>();
  for (const item of view.items) {
    for (const question of item.questions) questions.set(question.id, { question, draft: item.drafts[question.id] });
  }
  const parts = new Map<string, Array<{ part: number; value: string | string[] }>>();
  for (const [id, value] of fields) {
    const parsed = parseFieldId(id);
    if (!parsed || !questions.has(parsed.questionId)) continue;
    const list = parts.get(parsed.questionId) ?? [];
    list.push({ part: parsed.part, value });
    parts.set(parsed.questionId, list);
  }
  const answers: AnswerInput[] = [];
  for (const [questionId, list] of parts) {
    const entry = questions.get(questionId);
    if (!entry) continue;
    const { question, draft } = entry;
    const first = list[0]?.value;
    if (Array.isArray(first)) {
      // Options spread over several selects come back as one pick list.
      const picked = list.sort((a, b) => a.part - b.part).flatMap((p) => (Array.isArray(p.value) ? p.value : []));
      // An empty scale pick means "not answered yet", not an invalid number.
      if (question.kind === 'scale' && picked.length === 0) continue;
      answers.push({ questionId, value: selectValue(question, picked) });
      continue;
    }
    const text = list
      .sort((a, b) => a.part - b.part)
      .map((p) => (Array.isArray(p.value) ? p.value.join('\n') : p.value))
      .join('');
    const old = textDraft(draft);
    if (splitText(old, TEXT_INPUT_MAX, { exact: true }).length > list.length && old.startsWith(text)) continue;
    if (question.kind === 'scale' && text.trim() === '') continue;
    if (question.kind === 'single_choice' || question.kind === 'multi_choice') {
      answers.push({
        questionId,
        value: text
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l !== ''),
      });
    } else {
      answers.push({ questionId, value: text });
    }
  }
  return answers;
}

function selectValue(question: Question, values: string[]): string[] | number {
  if (question.kind === 'scale') return Number(values[0]);
  const options = question.options ?? [];
  return values.map((v) => options[Number(v)]).filter((o): o is string => o !== undefined);
}
