/**
 * What staff may write as a synthesis or a follow-up action, checked against
 * the round's agenda. Expected mistakes are values with catalogue codes. Pure.
 */
import { toDayNumber } from '../calendar/local-date.ts';
import { err, ok, type Result } from '../errors.ts';
import type { ActionStatus, AgendaItem, LocalDate } from '../model.ts';
import type { ActionPatch } from '../ports/store.ts';

/**
 * The longest synthesis of one question: three Discord form inputs (4,000
 * each) or four Slack ones (3,000 each), so any synthesis can be edited in chat.
 */
export const SYNTHESIS_MAX_LENGTH = 12_000;
/** The longest action text: a line or two of the report. */
export const ACTION_TEXT_MAX_LENGTH = 500;
/** The longest owner department. */
export const DEPARTMENT_MAX_LENGTH = 100;

/** What a synthesis is about: a question, or a whole agenda item. */
export interface SynthesisTarget {
  kind: 'question' | 'item';
  id: string;
}

/** Every id a synthesis or action may name, in agenda order: item, then its questions. */
function agendaIds(agenda: readonly AgendaItem[]): string[] {
  return agenda.flatMap((item) => [item.id, ...item.questions.map((q) => q.id)]);
}

/** The question or agenda item `targetId` names (questions first: ids are unique within a round). */
export function synthesisTarget(
  agenda: readonly AgendaItem[],
  targetId: string,
  round: { roundTitle: string },
): Result<SynthesisTarget> {
  const id = targetId.normalize('NFC').trim();
  if (agenda.some((item) => item.questions.some((q) => q.id === id))) return ok({ kind: 'question', id });
  if (agenda.some((item) => item.id === id)) return ok({ kind: 'item', id });
  return err('SYNTHESIS.UNKNOWN_TARGET', { ...round, targetId, ids: agendaIds(agenda).join(', ') });
}

/** The synthesis text as it is kept: line ends made `\n`, blank edges trimmed; never empty or too long. */
export function checkSynthesisText(text: string): Result<string> {
  const kept = text.replace(/\r\n?/g, '\n').trim();
  if (kept === '') return err('SYNTHESIS.EMPTY');
  const length = [...kept].length;
  if (length > SYNTHESIS_MAX_LENGTH) return err('SYNTHESIS.TOO_LONG', { max: SYNTHESIS_MAX_LENGTH, length });
  return ok(kept);
}

/** An action as staff typed it: absent fields stay as they are; `''` clears the department or due date. */
export interface ActionInput {
  text?: string;
  department?: string;
  due?: string;
  /** Question or agenda item ids, separated by commas or spaces. */
  questions?: string;
  status?: ActionStatus;
}

function checkDue(value: string): Result<LocalDate> {
  try {
    toDayNumber(value);
    return ok(value);
  } catch {
    return err('ACTION.DUE_INVALID', { value });
  }
}

function checkQuestions(agenda: readonly AgendaItem[], text: string, round: { roundTitle: string }): Result<string[]> {
  const known = agendaIds(agenda);
  const ids = [
    ...new Set(
      text
        .normalize('NFC')
        .split(/[\s,]+/)
        .filter((id) => id !== ''),
    ),
  ];
  const unknown = ids.find((id) => !known.includes(id));
  if (unknown !== undefined)
    return err('ACTION.UNKNOWN_QUESTION', { ...round, questionId: unknown, ids: known.join(', ') });
  return ok(ids.sort((a, b) => known.indexOf(a) - known.indexOf(b)));
}

/**
 * The store patch of an action input. A new action (`adding`) needs its
 * text; an edit needs at least one field.
 */
export function checkActionInput(
  agenda: readonly AgendaItem[],
  input: ActionInput,
  adding: boolean,
  round: { roundTitle: string },
): Result<ActionPatch> {
  const patch: ActionPatch = {};
  if (input.text !== undefined || adding) {
    const text = (input.text ?? '').replace(/\s+/g, ' ').trim();
    if (text === '') return err('ACTION.EMPTY');
    const length = [...text].length;
    if (length > ACTION_TEXT_MAX_LENGTH) return err('ACTION.TOO_LONG', { max: ACTION_TEXT_MAX_LENGTH, length });
    patch.text = text;
  }
  if (input.department !== undefined) {
    const department = input.department.trim();
    const length = [...department].length;
    if (length > DEPARTMENT_MAX_LENGTH)
      return err('ACTION.DEPARTMENT_TOO_LONG', { max: DEPARTMENT_MAX_LENGTH, length });
    patch.department = department === '' ? null : department;
  }
  if (input.due !== undefined) {
    const due = input.due.trim();
    if (due === '') patch.dueDate = null;
    else {
      const checked = checkDue(due);
      if (!checked.ok) return checked;
      patch.dueDate = checked.value;
    }
  }
  if (input.questions !== undefined) {
    const checked = checkQuestions(agenda, input.questions, round);
    if (!checked.ok) return checked;
    patch.questionIds = checked.value;
  }
  if (input.status !== undefined) patch.status = input.status;
  if (!adding && Object.keys(patch).length === 0) return err('ACTION.NO_CHANGE');
  return ok(patch);
}
