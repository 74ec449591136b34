/**
 * Errors about a round name it by title (「… 서면자문」), not by id: the
 * pure lifecycle rules only know ids, so the services add the title here.
 */
import { err, type Result } from '../errors.ts';
import type { Round } from '../model.ts';

/** `result`, its error carrying the round's title. */
export function titled<T>(result: Result<T>, round: Pick<Round, 'title'>): Result<T> {
  return result.ok ? result : err(result.error.code, { ...result.error.params, roundTitle: round.title });
}
