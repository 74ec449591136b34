/**
 * Answer rules, pure. Shape errors (an option that does not exist, a scale
 * point out of range) refuse the save; a text over `maxLength` is still kept
 * as a draft — people's words are never dropped — but blocks submitting.
 */
import { domainError, err, ok, type DomainError, type Result } from '../errors.ts';
import type { AnswerValue, Question } from '../model.ts';

/** Beyond this, even a draft is refused: it protects the store, not the member. */
export const HARD_TEXT_LIMIT = 50_000;

/** Turns what a member typed or picked into an answer value for `question`. */
export function normaliseAnswer(question: Question, raw: string | string[] | number): Result<AnswerValue> {
  const qid = question.id;
  switch (question.kind) {
    case 'long_text':
    case 'short_text': {
      if (typeof raw !== 'string') return err('ANSWER.NOT_TEXT', { questionId: qid });
      if (raw.length > HARD_TEXT_LIMIT) {
        return err('ANSWER.TOO_LARGE', { questionId: qid, length: raw.length, limit: HARD_TEXT_LIMIT });
      }
      return ok({ kind: 'text', text: raw });
    }
    case 'single_choice':
    case 'multi_choice': {
      const picked = (typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : [])
        .map((c) => c.trim())
        .filter((c) => c !== '');
      const options = question.options ?? [];
      if (typeof raw === 'number') return err('ANSWER.NOT_CHOICE', { questionId: qid, options: options.join(', ') });
      const unknown = picked.find((c) => !options.includes(c));
      if (unknown !== undefined) {
        return err('ANSWER.INVALID_CHOICE', { questionId: qid, choice: unknown, options: options.join(', ') });
      }
      if (question.kind === 'single_choice' && picked.length > 1) {
        return err('ANSWER.ONE_CHOICE_ONLY', { questionId: qid });
      }
      return ok({ kind: 'choices', choices: options.filter((o) => picked.includes(o)) });
    }
    case 'scale': {
      // Only plain integers: Number() would also take '0x3' or '3e0'.
      const value =
        typeof raw === 'number'
          ? raw
          : typeof raw === 'string' && /^[+-]?\d+$/.test(raw.trim())
            ? Number(raw.trim())
            : Number.NaN;
      const min = question.scale?.min ?? 1;
      const max = question.scale?.max ?? 5;
      if (!Number.isInteger(value)) return err('ANSWER.NOT_A_NUMBER', { questionId: qid, min, max });
      if (value < min || value > max) return err('ANSWER.OUT_OF_RANGE', { questionId: qid, min, max });
      return ok({ kind: 'scale', value });
    }
  }
}

/**
 * Whether an answer counts as given: non-blank text, at least one choice, a
 * scale point that is a number. The one rule for "answered" everywhere
 * (required questions, reminder counts, the summary). A scale value that is
 * not a finite number (NaN from a damaged row) is not an answer: the member
 * is asked again rather than counted as having answered.
 */
export function isAnswered(value: AnswerValue | undefined): boolean {
  if (!value) return false;
  switch (value.kind) {
    case 'text':
      return value.text.trim().length > 0;
    case 'choices':
      return value.choices.length > 0;
    case 'scale':
      return Number.isFinite(value.value);
  }
}

/** What stops this answer from being submitted (too long), if anything. */
export function submitProblem(question: Question, value: AnswerValue | undefined): DomainError | null {
  if (!isAnswered(value)) return question.required ? domainError('ANSWER.REQUIRED', { questionId: question.id }) : null;
  if (value?.kind === 'text' && value.text.length > question.maxLength) {
    return domainError('ANSWER.TOO_LONG', {
      questionId: question.id,
      length: value.text.length,
      limit: question.maxLength,
      over: value.text.length - question.maxLength,
    });
  }
  return null;
}

/** An answer value as one line of text, for receipts and summaries. */
export function answerText(value: AnswerValue | undefined): string {
  if (!value) return '';
  if (value.kind === 'text') return value.text;
  if (value.kind === 'choices') return value.choices.join(', ');
  return String(value.value);
}
