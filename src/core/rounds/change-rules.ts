/**
 * What may change in a round after it was opened, decided once for every
 * way a change arrives (a reloaded YAML file today, rounds prepared in chat
 * later). Pure: the stored round, the proposed one and the facts in; a plan
 * of applied and refused changes out.
 *
 * The rules:
 * - Wording (the round's title and description, an agenda item's title and
 *   description, a question's prompt, help and scale labels) is applied:
 *   members read it in every later message; what they received stays as sent.
 * - The questionnaire's form (questions added, removed or moved, a kind,
 *   options, scale range, required or length changed) is applied only while
 *   nobody has answered; after the first answer it is refused, because
 *   answers were given to the questions as they were.
 * - The deadline changes only through `extend` (it replans reminders and
 *   tells members); the opening time, the committee, anonymity, late answers
 *   and the reminder policy were fixed when the round opened.
 * - A summarised or cancelled round is a record: nothing changes.
 */
import type { AgendaItem, Question, Round } from '../model.ts';
import type { RoundRevision } from '../ports/store.ts';

/** Why a change is applied or refused; each has a text in the catalogue (`change.reason.*`). */
type ChangeReason =
  /** Wording: applied to later messages. */
  | 'wording'
  /** The questionnaire's form, while nobody has answered: applied. */
  | 'form'
  /** The questionnaire's form after answers exist: refused. */
  | 'answered'
  /** The deadline: refused, `extend` changes it. */
  | 'deadline'
  /** The opening time of a round already opened: refused. */
  | 'opened'
  /** A setting fixed at opening (committee, anonymity, late answers, reminders): refused. */
  | 'setting'
  /** The round is summarised or cancelled: refused. */
  | 'finished';

/** One difference between the stored round and the proposed one. */
export interface RoundChange {
  /** What changed, as a path people can read: `title`, `agenda[1].title`, `question 1.2 prompt`, `deadline`. */
  field: string;
  verdict: 'applied' | 'refused';
  reason: ChangeReason;
  /** The stored value and the proposed one, as text (absent when there is none). */
  from?: string;
  to?: string;
}

/** What to do with one round. */
export interface RoundChangePlan {
  roundId: string;
  changes: RoundChange[];
  /** What to store, or null when nothing is applied. */
  revision: RoundRevision | null;
}

/** Facts about the stored round the rules depend on. */
export interface ChangeFacts {
  /** Members who saved at least one answer (draft or submitted). */
  membersWithAnswers: number;
}

type Texts<T> = ReadonlyArray<readonly [field: string, value: (x: T) => string | undefined]>;

const ROUND_WORDING: Texts<Round> = [
  ['title', (r) => r.title],
  ['description', (r) => r.description],
];
const ITEM_WORDING: Texts<AgendaItem> = [
  ['title', (i) => i.title],
  ['description', (i) => i.description],
];
const QUESTION_WORDING: Texts<Question> = [
  ['prompt', (q) => q.prompt],
  ['help', (q) => q.help],
  ['scale label (min)', (q) => q.scale?.minLabel],
  ['scale label (max)', (q) => q.scale?.maxLabel],
];
const QUESTION_FORM: Texts<Question> = [
  ['kind', (q) => q.kind],
  ['options', (q) => q.options?.join(' | ')],
  ['scale', (q) => (q.scale ? `${q.scale.min}–${q.scale.max}` : undefined)],
  ['required', (q) => String(q.required)],
  ['max length', (q) => String(q.maxLength)],
];

/** The differences of `texts` between two versions of a thing, named under `prefix`. */
function differences<T>(
  prefix: string,
  texts: Texts<T>,
  from: T,
  to: T,
): Array<Pick<RoundChange, 'field' | 'from' | 'to'>> {
  const out: Array<Pick<RoundChange, 'field' | 'from' | 'to'>> = [];
  for (const [field, value] of texts) {
    const a = value(from);
    const b = value(to);
    if (a !== b)
      out.push({
        field: `${prefix}${field}`,
        ...(a === undefined ? {} : { from: a }),
        ...(b === undefined ? {} : { to: b }),
      });
  }
  return out;
}

/** Question ids of an agenda, in order, with their item: the questionnaire's shape. */
function shape(agenda: readonly AgendaItem[]): string {
  return agenda.map((item) => `${item.id}:${item.questions.map((q) => q.id).join(',')}`).join(';');
}

function questionsById(agenda: readonly AgendaItem[]): Map<string, Question> {
  return new Map(agenda.flatMap((item) => item.questions.map((q) => [q.id, q] as const)));
}

/** Differences of the questionnaire's form: questions and items added, removed or moved, and each question's form. */
function formChanges(stored: readonly AgendaItem[], proposed: readonly AgendaItem[]) {
  const out: Array<Pick<RoundChange, 'field' | 'from' | 'to'>> = [];
  const before = questionsById(stored);
  const after = questionsById(proposed);
  const storedItems = new Set(stored.map((i) => i.id));
  const proposedItems = new Set(proposed.map((i) => i.id));
  for (const item of proposed) if (!storedItems.has(item.id)) out.push({ field: `agenda ${item.id}`, to: item.title });
  for (const item of stored)
    if (!proposedItems.has(item.id)) out.push({ field: `agenda ${item.id}`, from: item.title });
  for (const [id, q] of after) if (!before.has(id)) out.push({ field: `question ${id}`, to: q.prompt });
  for (const [id, q] of before) {
    const next = after.get(id);
    if (!next) out.push({ field: `question ${id}`, from: q.prompt });
    else out.push(...differences(`question ${id} `, QUESTION_FORM, q, next));
  }
  if (out.length === 0 && shape(stored) !== shape(proposed))
    out.push({ field: 'question order', from: shape(stored), to: shape(proposed) });
  return out;
}

/** Differences of wording of items and questions present in both versions. */
function wordingChanges(stored: readonly AgendaItem[], proposed: readonly AgendaItem[]) {
  const out: Array<Pick<RoundChange, 'field' | 'from' | 'to'>> = [];
  const items = new Map(proposed.map((i) => [i.id, i]));
  for (const item of stored) {
    const next = items.get(item.id);
    if (next) out.push(...differences(`agenda ${item.id} `, ITEM_WORDING, item, next));
  }
  const after = questionsById(proposed);
  for (const [id, q] of questionsById(stored)) {
    const next = after.get(id);
    if (next) out.push(...differences(`question ${id} `, QUESTION_WORDING, q, next));
  }
  return out;
}

/** The stored agenda with the proposed wording of every item and question it keeps. */
function rewordedAgenda(stored: readonly AgendaItem[], proposed: readonly AgendaItem[]): AgendaItem[] {
  const items = new Map(proposed.map((i) => [i.id, i]));
  const questions = questionsById(proposed);
  return stored.map((item) => {
    const next = items.get(item.id);
    const { description: _, ...base } = item;
    const description = next ? next.description : item.description;
    return {
      ...base,
      title: next?.title ?? item.title,
      ...(description === undefined ? {} : { description }),
      questions: item.questions.map((q) => {
        const p = questions.get(q.id);
        if (!p) return q;
        const { help: __, scale, ...rest } = q;
        return {
          ...rest,
          prompt: p.prompt,
          ...(p.help === undefined ? {} : { help: p.help }),
          ...(scale ? { scale: { min: scale.min, max: scale.max, ...labels(p.scale) } } : {}),
        };
      }),
    };
  });
}

function labels(scale: Question['scale']): { minLabel?: string; maxLabel?: string } {
  return {
    ...(scale?.minLabel === undefined ? {} : { minLabel: scale.minLabel }),
    ...(scale?.maxLabel === undefined ? {} : { maxLabel: scale.maxLabel }),
  };
}

const SETTINGS: Texts<Round> = [
  ['committee', (r) => r.committeeId],
  ['anonymous', (r) => String(r.anonymous)],
  ['allow late', (r) => String(r.allowLate)],
  ['reminders', (r) => JSON.stringify(r.reminders)],
];

/**
 * Compares the stored round with the proposed one (the file as it is now)
 * and decides each difference by the rules above.
 */
export function planRoundChanges(stored: Round, proposed: Round, facts: ChangeFacts): RoundChangePlan {
  const finished = stored.status === 'summarised' || stored.status === 'cancelled';
  const answered = facts.membersWithAnswers > 0;
  const changes: RoundChange[] = [];
  const add = (
    list: Array<Pick<RoundChange, 'field' | 'from' | 'to'>>,
    verdict: RoundChange['verdict'],
    reason: ChangeReason,
  ) => {
    for (const c of list)
      changes.push(finished ? { ...c, verdict: 'refused', reason: 'finished' } : { ...c, verdict, reason });
  };
  const wording = [
    ...differences('', ROUND_WORDING, stored, proposed),
    ...wordingChanges(stored.agenda, proposed.agenda),
  ];
  add(wording, 'applied', 'wording');
  const form = formChanges(stored.agenda, proposed.agenda);
  add(form, answered ? 'refused' : 'applied', answered ? 'answered' : 'form');
  add(differences('', SETTINGS, stored, proposed), 'refused', 'setting');
  if (stored.opensAt.getTime() !== proposed.opensAt.getTime())
    add(
      [{ field: 'opens', from: stored.opensAt.toISOString(), to: proposed.opensAt.toISOString() }],
      'refused',
      'opened',
    );
  if (stored.closesAt.getTime() !== proposed.closesAt.getTime())
    add(
      [{ field: 'deadline', from: stored.closesAt.toISOString(), to: proposed.closesAt.toISOString() }],
      'refused',
      'deadline',
    );

  const applyWording = !finished && wording.length > 0;
  const applyForm = !finished && !answered && form.length > 0;
  if (!applyWording && !applyForm) return { roundId: stored.id, changes, revision: null };
  const agenda = applyForm ? proposed.agenda : rewordedAgenda(stored.agenda, proposed.agenda);
  return {
    roundId: stored.id,
    changes,
    revision: {
      title: proposed.title,
      ...(proposed.description === undefined ? {} : { description: proposed.description }),
      agenda,
    },
  };
}
