/**
 * The `custom_id`s of the round form's modal, buttons and menu (issue 12):
 * `ja|<kind>|<argument>`, apart from the members' `jm|…` ids. The argument
 * (a round id, a committee id or a token of what was typed) goes last, so
 * it may hold any character; ids are at most 64, so the whole stays
 * within Discord's 100.
 */
import { DISCORD_COMPONENT } from './discord-limits.ts';

/** What a component or modal of the round form stands for. */
export type AuthoringAction =
  /** The modal of a new round of committee `arg`. */
  | { kind: 'new'; arg: string }
  /** The modal (or the button opening it) of round draft `arg`. */
  | { kind: 'edit'; arg: string }
  /** Reopens the modal with what was typed, kept under token `arg`. */
  | { kind: 'retry'; arg: string }
  /** The reminder preset menu of draft `arg`. */
  | { kind: 'rem'; arg: string }
  | { kind: 'preview'; arg: string }
  /** Asks to confirm the opening of `arg`. */
  | { kind: 'open'; arg: string }
  | { kind: 'confirm'; arg: string }
  | { kind: 'cancel'; arg: string };

const KINDS: ReadonlySet<string> = new Set(['new', 'edit', 'retry', 'rem', 'preview', 'open', 'confirm', 'cancel']);
const PREFIX = 'ja';

export function encodeAuthoringId(action: AuthoringAction): string {
  const id = `${PREFIX}|${action.kind}|${action.arg}`;
  if (id.length > DISCORD_COMPONENT.customId) {
    throw new RangeError(`custom_id of ${id.length} characters exceeds Discord's ${DISCORD_COMPONENT.customId}`);
  }
  return id;
}

/** Decodes a `custom_id`; null when it is not one of the round form's. */
export function decodeAuthoringId(customId: string): AuthoringAction | null {
  const [prefix, kind, ...rest] = customId.split('|');
  const arg = rest.join('|');
  if (prefix !== PREFIX || kind === undefined || !KINDS.has(kind) || arg === '') return null;
  return { kind, arg } as AuthoringAction;
}
