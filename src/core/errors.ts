/**
 * Expected failures are values: a code the message catalogue turns into text,
 * and the parameters that text needs. Unexpected failures throw.
 */

/** Every domain error code. Each has a Korean and an English text in the catalogue. */
export const ERROR_CODES = [
  'ROUND.NOT_FOUND',
  'ROUND.NOT_OPEN',
  'ROUND.ALREADY_OPEN',
  'ROUND.CLOSED',
  'ROUND.CANCELLED',
  'ROUND.INVALID_TRANSITION',
  'ROUND.EXTEND_NOT_LATER',
  'ROUND.NOT_CLOSED',
  'ROUND.AMBIGUOUS',
  'ROUND.DEADLINE_PASSED',
  'REMIND.NOT_REACHED',
  'MEMBER.UNKNOWN',
  'MEMBER.NOT_IN_ROUND',
  'MEMBER.REMOVED',
  'STAFF.FORBIDDEN',
  'ANSWER.TOO_LONG',
  'ANSWER.TOO_LARGE',
  'ANSWER.REQUIRED',
  'ANSWER.MISSING',
  'ANSWER.UNKNOWN_QUESTION',
  'ANSWER.INVALID_CHOICE',
  'ANSWER.OUT_OF_RANGE',
  'ANSWER.NOT_TEXT',
  'ANSWER.ONE_CHOICE_ONLY',
  'ANSWER.NOT_CHOICE',
  'ANSWER.NOT_A_NUMBER',
  'ANSWER.ALREADY_SUBMITTED',
  'ANSWER.ALREADY_DECLINED',
  'ANSWER.NO_QUESTION_ASKED',
  'DECLINE.REASON_REQUIRED',
  'COMMAND.UNKNOWN',
  'COMMAND.USAGE',
  'DATE.INVALID',
  'EXPORT.FORMAT',
  'REPORT.FORMAT',
  'REPORT.UNAVAILABLE',
  'CALENDAR.UNKNOWN_YEAR',
  'SYNTHESIS.EMPTY',
  'SYNTHESIS.TOO_LONG',
  'SYNTHESIS.UNKNOWN_TARGET',
  'ACTION.EMPTY',
  'ACTION.TOO_LONG',
  'ACTION.DEPARTMENT_TOO_LONG',
  'ACTION.UNKNOWN_QUESTION',
  'ACTION.NOT_FOUND',
  'ACTION.DUE_INVALID',
  'ACTION.NO_CHANGE',
  'DRAFT.UNKNOWN_COMMITTEE',
  'DRAFT.ROUND_EXISTS',
  'DRAFT.NOT_FOUND',
  'ROSTER.COMMITTEE_REQUIRED',
  'ROSTER.NOT_A_MEMBER',
  'ROSTER.USER_NOT_FOUND',
  'ROSTER.NOT_A_PERSON',
  'ROSTER.NAME_REQUIRED',
  'ROSTER.TOO_LONG',
  'ROSTER.TIME_ZONE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Values substituted into the catalogue text. */
export type ErrorParams = Record<string, string | number>;

/** An expected failure, carried as a value. */
export interface DomainError {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
}

export type Result<T, E = DomainError> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

export function err(code: ErrorCode, params: ErrorParams = {}): Result<never> {
  return { ok: false, error: { code, params } };
}

export function domainError(code: ErrorCode, params: ErrorParams = {}): DomainError {
  return { code, params };
}
