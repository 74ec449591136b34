/**
 * Identifiers Slack echoes back to us: action ids of buttons, callback ids
 * of modals, block ids of question inputs. One place, so builders and
 * handlers cannot drift apart.
 */

export const ACTION_ANSWER = 'jamun.answer';
export const ACTION_DECLINE = 'jamun.decline';
export const ACTION_EDIT = 'jamun.edit';
export const ACTION_SAVE_DRAFT = 'jamun.save_draft';
export const VIEW_QUESTIONNAIRE = 'jamun.questionnaire';
export const VIEW_DECLINE = 'jamun.decline';
export const DECLINE_BLOCK = 'decline_reason';
export const INPUT_ACTION = 'value';

/** What a questionnaire modal remembers about itself (`private_metadata`). */
export interface QuestionnaireMeta {
  roundId: string;
  /** Index of the agenda item this view shows. */
  page: number;
}

/** The block id of part `part` (0-based) of the input for question `questionId`. */
export function questionBlockId(questionId: string, part: number): string {
  return `q|${questionId}|${part}`;
}

/** Reads `private_metadata` written by the questionnaire builder; null when it is not ours. */
export function parseQuestionnaireMeta(raw: string): QuestionnaireMeta | null {
  try {
    const data: unknown = JSON.parse(raw);
    if (typeof data !== 'object' || data === null) return null;
    const { roundId, page } = data as { roundId?: unknown; page?: unknown };
    if (typeof roundId !== 'string' || typeof page !== 'number') return null;
    return { roundId, page };
  } catch {
    return null;
  }
}

/** `/jamun members`: the buttons under the roster and the modals they open (issue 12). */
export const ACTION_ROSTER_ADD = 'jamun.roster.add';
export const ACTION_ROSTER_REMOVE = 'jamun.roster.remove';
export const VIEW_ROSTER_MEMBER = 'jamun.roster.member';
export const VIEW_ROSTER_REMOVE = 'jamun.roster.remove';
/** Block ids of the roster modals' inputs; each input's action id is `INPUT_ACTION`. */
export const ROSTER_BLOCK = {
  user: 'roster_user',
  name: 'roster_name',
  role: 'roster_role',
  timeZone: 'roster_tz',
} as const;
