/**
 * `/jamun members` on Slack (issue 12): the buttons under the roster, the
 * modals with Slack's own user picker (`users_select`, no ids to copy),
 * and the view that shows what was done. The committee travels in the
 * buttons' value and the modals' `private_metadata`; the core checks on
 * submission that the person is staff of it.
 */
import type { types } from '@slack/bolt';
import type { RosterView } from '../../core/app/roster-api.ts';
import { type MessageKey, t } from '../../core/i18n/catalogue.ts';
import { LOCALES, type Locale } from '../../core/model.ts';
import { clip } from '../../core/text/split-text.ts';
import { type Block, button, plainSections } from './slack-blocks.ts';
import {
  ACTION_ROSTER_ADD,
  ACTION_ROSTER_REMOVE,
  INPUT_ACTION,
  ROSTER_BLOCK,
  VIEW_ROSTER_MEMBER,
  VIEW_ROSTER_REMOVE,
} from './slack-ids.ts';
import { SLACK_ELEMENT, SLACK_VIEW } from './slack-limits.ts';

/** What the roster modals need to know about the committee (button value, then `private_metadata`). */
export interface RosterMeta {
  committeeId: string;
  committeeName: string;
  timeZone: string;
  locale: Locale;
}

/** Longest name, role and zone a person may type: the core's limits (zones are short). */
const MAX = { name: 100, role: 50, timeZone: 64 } as const;

function metaOf(view: RosterView): RosterMeta {
  return {
    committeeId: view.committeeId,
    // The name is shown only; clipped so the value stays far within Slack's 2000.
    committeeName: clip(view.committeeName, 200),
    timeZone: view.timeZone,
    locale: view.locale,
  };
}

/** Reads what `metaOf` wrote; null when it is not ours. */
export function parseRosterMeta(raw: string | undefined): RosterMeta | null {
  try {
    const data = JSON.parse(raw ?? '') as Partial<RosterMeta>;
    const locale = LOCALES.find((l) => l === data.locale);
    if (typeof data.committeeId !== 'string' || typeof data.committeeName !== 'string' || !locale) return null;
    if (typeof data.timeZone !== 'string') return null;
    return { committeeId: data.committeeId, committeeName: data.committeeName, timeZone: data.timeZone, locale };
  } catch {
    return null;
  }
}

/** The buttons under the roster: add or change a member, remove one. */
export function rosterTrailer(view: RosterView): Block[] {
  const value = JSON.stringify(metaOf(view));
  return [
    {
      type: 'actions',
      elements: [
        button(ACTION_ROSTER_ADD, t(view.locale, 'roster.ui.add'), value, 'primary'),
        button(ACTION_ROSTER_REMOVE, t(view.locale, 'roster.ui.remove'), value),
      ],
    },
  ];
}

const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: clip(text, max) });

function userInput(meta: RosterMeta): types.InputBlock {
  return {
    type: 'input',
    block_id: ROSTER_BLOCK.user,
    label: plain(t(meta.locale, 'roster.ui.user'), 2000),
    element: {
      type: 'users_select',
      action_id: INPUT_ACTION,
      placeholder: plain(t(meta.locale, 'roster.ui.user.placeholder'), SLACK_ELEMENT.placeholder),
    },
  };
}

function textInput(blockId: string, label: string, max: number, extra: { hint?: string; placeholder?: string }) {
  return {
    type: 'input' as const,
    block_id: blockId,
    optional: true,
    label: plain(label, 2000),
    ...(extra.hint ? { hint: plain(extra.hint, 2000) } : {}),
    element: {
      type: 'plain_text_input' as const,
      action_id: INPUT_ACTION,
      max_length: max,
      ...(extra.placeholder ? { placeholder: plain(extra.placeholder, SLACK_ELEMENT.placeholder) } : {}),
    },
  };
}

/** A roster modal: the frame both share (meta carried along, Close), its own title, submit and blocks. */
function rosterModal(
  meta: RosterMeta,
  callbackId: string,
  keys: { title: MessageKey; submit: MessageKey },
  blocks: Block[],
): types.ModalView {
  const { locale } = meta;
  return {
    type: 'modal',
    callback_id: callbackId,
    private_metadata: JSON.stringify(meta),
    title: plain(t(locale, keys.title), SLACK_VIEW.title),
    submit: plain(t(locale, keys.submit), SLACK_VIEW.button),
    close: plain(t(locale, 'roster.ui.close'), SLACK_VIEW.button),
    blocks,
  };
}

/** The modal to add a person (or change the member they are): the picker, then name, role and zone. */
export function memberModal(meta: RosterMeta): types.ModalView {
  const { locale } = meta;
  return rosterModal(meta, VIEW_ROSTER_MEMBER, { title: 'roster.ui.add', submit: 'roster.ui.save' }, [
    ...plainSections(t(locale, 'roster.ui.pickToAdd', { committee: meta.committeeName })),
    { ...userInput(meta), hint: plain(t(locale, 'roster.ui.user.hint'), 2000) },
    textInput(ROSTER_BLOCK.name, t(locale, 'roster.ui.name'), MAX.name, { hint: t(locale, 'roster.ui.name.hint') }),
    textInput(ROSTER_BLOCK.role, t(locale, 'roster.ui.role'), MAX.role, {
      placeholder: t(locale, 'roster.ui.role.placeholder'),
    }),
    textInput(ROSTER_BLOCK.timeZone, t(locale, 'roster.ui.timeZone'), MAX.timeZone, {
      hint: t(locale, 'roster.ui.timeZone.hint', { zone: meta.timeZone }),
      placeholder: meta.timeZone,
    }),
  ]);
}

/** The modal to remove a member: the picker alone. */
export function removeModal(meta: RosterMeta): types.ModalView {
  return rosterModal(meta, VIEW_ROSTER_REMOVE, { title: 'roster.ui.remove', submit: 'roster.ui.confirmRemove' }, [
    ...plainSections(t(meta.locale, 'roster.ui.pickToRemove', { committee: meta.committeeName })),
    userInput(meta),
  ]);
}

/** What was done, in place of the modal (it only closes). */
export function resultView(text: string, locale: Locale): types.ModalView {
  return {
    type: 'modal',
    title: plain(t(locale, 'roster.ui.done'), SLACK_VIEW.title),
    close: plain(t(locale, 'roster.ui.close'), SLACK_VIEW.button),
    blocks: plainSections(text),
  };
}
