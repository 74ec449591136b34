/**
 * A round written in a chat form (issue 12): the form's fields and the
 * pasted agenda become the same content a round YAML file holds, and go
 * through the same schema and checks, so a round made in chat is valid by
 * the same rules as one made from a file. Problems in the agenda carry the
 * line of the paste they come from.
 */
import type { RoundDefinition } from '../core/model.ts';
import type { AgendaTableProblemCode } from '../core/rounds/agenda-table.ts';
import {
  parseAgendaText,
  type AgendaProblem,
  type AgendaTextProblemCode,
  type PastedAgendaItem,
  type PastedQuestion,
} from '../core/rounds/agenda-text.ts';
import type { RoundForm } from '../core/ports/round-codec.ts';
import type { LocatedProblem } from './config-error.ts';
import { validateRoundContent } from './validate-round.ts';

export type { RoundForm } from '../core/ports/round-codec.ts';

/**
 * A problem of the form: a paste problem (catalogue code, line) or a rule of
 * the round file, with the paste line when it is in the agenda. @public
 */
export type RoundFormProblem =
  | { readonly kind: 'agenda'; readonly problem: AgendaProblem<AgendaTextProblemCode | AgendaTableProblemCode> }
  | { readonly kind: 'rule'; readonly line?: number; readonly problem: LocatedProblem };

export type RoundFormResult =
  | { readonly ok: true; readonly round: RoundDefinition; readonly content: Record<string, unknown> }
  | { readonly ok: false; readonly problems: readonly RoundFormProblem[] };

function questionContent(q: PastedQuestion): Record<string, unknown> {
  return {
    prompt: q.prompt,
    ...(q.help === undefined ? {} : { help: q.help }),
    kind: q.kind,
    ...(q.options === undefined ? {} : { options: [...q.options] }),
    ...(q.scale === undefined ? {} : { scale: { min: q.scale.min, max: q.scale.max } }),
    required: q.required,
  };
}

/** The agenda as a round file's `agenda:` content (snake_case, ids left to their defaults). */
function agendaContent(items: readonly PastedAgendaItem[]): Record<string, unknown>[] {
  return items.map((item) => ({
    title: item.title,
    ...(item.description === undefined ? {} : { description: item.description }),
    questions: item.questions.map(questionContent),
  }));
}

/** The paste line a problem's path points into (`agenda.1.questions.2…`), if any. */
function lineOfPath(items: readonly PastedAgendaItem[], path: readonly PropertyKey[]): number | undefined {
  if (path[0] !== 'agenda' || typeof path[1] !== 'number') return undefined;
  const item = items[path[1]];
  if (!item) return undefined;
  if (path[2] !== 'questions' || typeof path[3] !== 'number') return item.line;
  return item.questions[path[3]]?.line ?? item.line;
}

/** The round the form describes, or every problem of it (paste problems first, by line). */
export function roundFromForm(form: RoundForm): RoundFormResult {
  const pasted = parseAgendaText(form.agendaText);
  if (!pasted.ok) return { ok: false, problems: pasted.problems.map((problem) => ({ kind: 'agenda', problem })) };
  return roundFromAgenda(form, pasted.items);
}

/**
 * The round of the form's fields and an agenda already read (from a paste or
 * a table, `line` being the paste line or the table row), or every problem
 * the round file's rules find, located on the agenda's lines.
 */
export function roundFromAgenda(
  form: Omit<RoundForm, 'agendaText'>,
  items: readonly PastedAgendaItem[],
): RoundFormResult {
  const content: Record<string, unknown> = {
    id: form.id,
    committee: form.committee,
    title: form.title,
    ...(form.description === undefined || form.description.trim() === '' ? {} : { description: form.description }),
    window: { opens: form.opens, closes: form.closes },
    anonymous: form.anonymous,
    allow_late: form.allowLate,
    agenda: agendaContent(items),
  };
  const { value, problems } = validateRoundContent(content);
  if (value && problems.length === 0) return { ok: true, round: value, content };
  return {
    ok: false,
    problems: problems.map((problem) => {
      const line = lineOfPath(items, problem.path);
      return line === undefined ? { kind: 'rule', problem } : { kind: 'rule', line, problem };
    }),
  };
}
