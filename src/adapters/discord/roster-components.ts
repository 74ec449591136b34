/**
 * `/jamun members` on Discord (issue 12): the buttons under the roster and
 * the modals they open, each with Discord's own user select (component
 * type 5, in a label; no ids to copy). Custom ids are `jr|<op>|<committee>`,
 * apart from the questionnaire's `jm|…` (custom-ids.ts).
 */
import {
  ButtonStyle,
  ComponentType,
  TextInputStyle,
  type APILabelComponent,
  type APIModalInteractionResponseCallbackData,
} from 'discord.js';
import type { RosterView } from '../../core/app/roster-api.ts';
import { type MessageKey, t } from '../../core/i18n/catalogue.ts';
import type { Locale } from '../../core/model.ts';
import { clip } from '../../core/text/split-text.ts';
import type { ButtonRow } from './components-invitation.ts';
import { DISCORD_COMPONENT, DISCORD_MODAL } from './discord-limits.ts';

/** What a roster button or modal stands for. */
export interface RosterAction {
  op: 'add' | 'remove' | 'addForm' | 'removeForm';
  committeeId: string;
}

const PREFIX = 'jr';
const OPS: ReadonlyArray<RosterAction['op']> = ['add', 'remove', 'addForm', 'removeForm'];

/** Field ids of the roster modals. */
export const ROSTER_FIELD = { user: 'user', name: 'name', role: 'role', timeZone: 'tz' } as const;

/** Longest name, role and zone a person may type: the core's limits (zones are short). */
const MAX = { name: 100, role: 50, timeZone: 64 } as const;

/** `jr|<op>|<committee>`; committee ids are at most 64 characters, so it stays within Discord's 100. */
function encodeRosterId(action: RosterAction): string {
  const id = [PREFIX, action.op, action.committeeId].join('|');
  if (id.length > DISCORD_COMPONENT.customId) throw new RangeError(`custom_id of ${id.length} characters`);
  return id;
}

/** Reads what `encodeRosterId` wrote; null when it is not a roster id. */
export function decodeRosterId(customId: string): RosterAction | null {
  const [prefix, op, ...rest] = customId.split('|');
  const committeeId = rest.join('|');
  const known = OPS.find((o) => o === op);
  return prefix === PREFIX && known && committeeId !== '' ? { op: known, committeeId } : null;
}

/** Add-or-change and remove, under the roster. */
export function rosterButtons(view: RosterView): ButtonRow[] {
  const button = (key: MessageKey, op: RosterAction['op'], style: ButtonStyle.Primary | ButtonStyle.Secondary) => ({
    type: ComponentType.Button as const,
    style,
    label: clip(t(view.locale, key), DISCORD_COMPONENT.buttonLabel),
    custom_id: encodeRosterId({ op, committeeId: view.committeeId }),
  });
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        button('roster.ui.add', 'add', ButtonStyle.Primary),
        button('roster.ui.remove', 'remove', ButtonStyle.Secondary),
      ],
    },
  ];
}

function labelled(
  locale: Locale,
  key: MessageKey,
  description: string | undefined,
  component: APILabelComponent['component'],
): APILabelComponent {
  return {
    type: ComponentType.Label,
    label: clip(t(locale, key), DISCORD_COMPONENT.labelLabel),
    ...(description ? { description: clip(description, DISCORD_COMPONENT.labelDescription) } : {}),
    component,
  };
}

function userSelect(locale: Locale): APILabelComponent['component'] {
  return {
    type: ComponentType.UserSelect,
    custom_id: ROSTER_FIELD.user,
    min_values: 1,
    max_values: 1,
    placeholder: clip(t(locale, 'roster.ui.user.placeholder'), DISCORD_COMPONENT.selectPlaceholder),
  };
}

function textInput(id: string, max: number, placeholder?: string): APILabelComponent['component'] {
  return {
    type: ComponentType.TextInput,
    custom_id: id,
    style: TextInputStyle.Short,
    required: false,
    max_length: max,
    ...(placeholder ? { placeholder: clip(placeholder, DISCORD_COMPONENT.textInputPlaceholder) } : {}),
  };
}

/** The modal to add a person (or change the member they are): the user select, then name, role and zone. */
export function memberModal(view: RosterView): APIModalInteractionResponseCallbackData {
  const { locale } = view;
  return {
    custom_id: encodeRosterId({ op: 'addForm', committeeId: view.committeeId }),
    title: clip(t(locale, 'roster.ui.add'), DISCORD_MODAL.title),
    components: [
      labelled(locale, 'roster.ui.user', t(locale, 'roster.ui.user.hint'), userSelect(locale)),
      labelled(locale, 'roster.ui.name', t(locale, 'roster.ui.name.hint'), textInput(ROSTER_FIELD.name, MAX.name)),
      labelled(
        locale,
        'roster.ui.role',
        undefined,
        textInput(ROSTER_FIELD.role, MAX.role, t(locale, 'roster.ui.role.placeholder')),
      ),
      labelled(
        locale,
        'roster.ui.timeZone',
        t(locale, 'roster.ui.timeZone.hint', { zone: view.timeZone }),
        textInput(ROSTER_FIELD.timeZone, MAX.timeZone, view.timeZone),
      ),
    ],
  };
}

/** The modal to remove a member: the user select alone. */
export function removeModal(view: RosterView): APIModalInteractionResponseCallbackData {
  const { locale } = view;
  return {
    custom_id: encodeRosterId({ op: 'removeForm', committeeId: view.committeeId }),
    title: clip(t(locale, 'roster.ui.remove'), DISCORD_MODAL.title),
    components: [
      labelled(
        locale,
        'roster.ui.user',
        t(locale, 'roster.ui.pickToRemove', { committee: view.committeeName }),
        userSelect(locale),
      ),
    ],
  };
}
