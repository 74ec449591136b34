/**
 * The `custom_id`s of jamun's buttons and modals. The round id goes last so
 * it may contain any character; Discord allows 100 characters in all.
 */

import { DISCORD_COMPONENT } from './discord-limits.ts';

/** What a component or modal stands for. */
export type CustomAction =
  /**
   * Open questionnaire page `page` (Answer and Edit buttons): the modal, or first
   * the page's full prompts when its labels cannot show them whole.
   */
  | { kind: 'open'; roundId: string; page: number }
  /** Open page `page`'s modal at once: the message with this button shows its full prompts (Next). */
  | { kind: 'fill'; roundId: string; page: number }
  /** A submitted questionnaire page. */
  | { kind: 'page'; roundId: string; page: number }
  | { kind: 'submit'; roundId: string }
  /** The Decline button, and the modal asking for the reason. */
  | { kind: 'decline'; roundId: string }
  | { kind: 'declineReason'; roundId: string };

const PREFIX = 'jm';

/**
 * Encodes an action as a `custom_id`. Config keeps round ids to 64
 * characters, so the longest (`jm|declineReason||` + id) stays within
 * Discord's 100; a longer one is a programming error, never sent.
 */
export function encodeCustomId(action: CustomAction): string {
  const page = 'page' in action ? String(action.page) : '';
  const id = [PREFIX, action.kind, page, action.roundId].join('|');
  if (id.length > DISCORD_COMPONENT.customId) {
    throw new RangeError(`custom_id of ${id.length} characters exceeds Discord's ${DISCORD_COMPONENT.customId}`);
  }
  return id;
}

/** Decodes a `custom_id`; null when it is not one of ours. */
export function decodeCustomId(customId: string): CustomAction | null {
  const [prefix, kind, page, ...rest] = customId.split('|');
  const roundId = rest.join('|');
  if (prefix !== PREFIX || roundId === '') return null;
  const pageNumber = Number(page);
  switch (kind) {
    case 'open':
    case 'fill':
    case 'page':
      return Number.isInteger(pageNumber) && pageNumber >= 0 ? { kind, roundId, page: pageNumber } : null;
    case 'submit':
    case 'decline':
    case 'declineReason':
      return { kind, roundId };
    default:
      return null;
  }
}

/** The `custom_id` of text input `part` of a question in a modal. */
export function fieldId(questionId: string, part: number): string {
  return `${questionId}#${part}`;
}

/** Splits a field id into question id and part. */
export function parseFieldId(id: string): { questionId: string; part: number } | null {
  const at = id.lastIndexOf('#');
  if (at <= 0) return null;
  const part = Number(id.slice(at + 1));
  return Number.isInteger(part) && part >= 0 ? { questionId: id.slice(0, at), part } : null;
}
