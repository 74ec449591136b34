/**
 * What the chat forms of a synthesis and a follow-up action hold, whatever
 * the platform: how a synthesis spreads over text inputs of a platform's
 * size, the fields of an action as typed, and which field an error belongs
 * under. Pure; the adapters draw the forms.
 */
import type { ActionStatus, FollowUpAction } from '../model.ts';
import { splitText } from '../text/split-text.ts';
import { type ActionInput, SYNTHESIS_MAX_LENGTH } from './validate-follow-up.ts';

/**
 * The values of the text inputs of a synthesis form, each at most `inputMax`
 * long: the latest text cut where it must be (the pieces join back to it
 * exactly), plus room to write on. Enough inputs for at least half an input
 * more, up to what holds `SYNTHESIS_MAX_LENGTH`; never fewer than the text
 * needs, so nothing is cut off.
 */
export function synthesisInputValues(text: string, inputMax: number): string[] {
  const pieces = text === '' ? [] : splitText(text, inputMax, { exact: true });
  const most = Math.ceil(SYNTHESIS_MAX_LENGTH / inputMax);
  const wanted = Math.min(most, Math.ceil((text.length + inputMax / 2) / inputMax));
  const count = Math.max(1, pieces.length, wanted);
  return Array.from({ length: count }, (_, i) => pieces[i] ?? '');
}

/** The synthesis typed into the inputs of a form, in order (inputs left empty add nothing). */
export function synthesisFromInputs(values: ReadonlyArray<string | null | undefined>): string {
  return values.map((value) => value ?? '').join('');
}

/** An action form's fields as text, the way a person sees and types them. */
export interface ActionFormFields {
  text: string;
  department: string;
  /** `YYYY-MM-DD`, or empty. */
  due: string;
  /** Question or agenda item ids, comma-separated. */
  questions: string;
  status: ActionStatus;
}

/** The fields of `action` to prefill a form with; empty ones for a new action. */
export function actionFormFields(action?: FollowUpAction): ActionFormFields {
  return {
    text: action?.text ?? '',
    department: action?.department ?? '',
    due: action?.dueDate ?? '',
    questions: action?.questionIds.join(', ') ?? '',
    status: action?.status ?? 'open',
  };
}

/**
 * What a submitted action form changes: for a new action every field given;
 * for an edit only the fields that differ from the action as it is now, so
 * the audit records real changes (nothing changed: an empty input, which
 * the core refuses as ACTION.NO_CHANGE).
 */
export function actionFormInput(typed: ActionFormFields, before?: FollowUpAction): ActionInput {
  const now = actionFormFields(before);
  const same = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
  const sameIds = (a: string, b: string) =>
    a
      .split(/[\s,]+/)
      .filter(Boolean)
      .join(',') ===
    b
      .split(/[\s,]+/)
      .filter(Boolean)
      .join(',');
  if (!before) {
    return {
      text: typed.text,
      ...(typed.department.trim() ? { department: typed.department } : {}),
      ...(typed.due.trim() ? { due: typed.due } : {}),
      ...(typed.questions.trim() ? { questions: typed.questions } : {}),
    };
  }
  return {
    ...(same(typed.text, now.text) ? {} : { text: typed.text }),
    ...(same(typed.department, now.department) ? {} : { department: typed.department }),
    ...(same(typed.due, now.due) ? {} : { due: typed.due }),
    ...(sameIds(typed.questions, now.questions) ? {} : { questions: typed.questions }),
    ...(typed.status === now.status ? {} : { status: typed.status }),
  };
}

/** A field of the action form. */
export type ActionField = keyof ActionFormFields;

/** The field of the action form an error code is about (anything else: the text). */
export function actionErrorField(code: string): ActionField {
  switch (code) {
    case 'ACTION.DEPARTMENT_TOO_LONG':
      return 'department';
    case 'ACTION.DUE_INVALID':
      return 'due';
    case 'ACTION.UNKNOWN_QUESTION':
      return 'questions';
    default:
      return 'text';
  }
}

/** The statuses an action may be given in a form, in the order they are offered. */
export const ACTION_STATUSES: readonly ActionStatus[] = ['open', 'done', 'dropped'];
