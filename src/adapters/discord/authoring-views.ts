/**
 * What the Discord round form shows (issue 12): the modal (title, window,
 * agenda, description, and the anonymity and late-answer settings: five
 * components, Discord's most), the reminder preset menu and the buttons
 * under a saved draft, the Open/Cancel confirmation. The window is one text
 * input, `YYYY-MM-DD HH:mm ~ YYYY-MM-DD HH:mm`, in the committee's time.
 */
import {
  ButtonStyle,
  ComponentType,
  TextInputStyle,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APIModalInteractionResponseCallbackData,
} from 'discord.js';
import type { RoundForm } from '../../core/app/authoring-api.ts';
import { t } from '../../core/i18n/catalogue.ts';
import type { Locale } from '../../core/model.ts';
import type { ReminderPreset } from '../../core/ports/round-codec.ts';
import { clip } from '../../core/text/split-text.ts';
import { type AuthoringAction, encodeAuthoringId } from './authoring-ids.ts';
import { DISCORD_COMPONENT, DISCORD_MODAL } from './discord-limits.ts';

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

/** Field ids of the modal. */
export const FIELD = {
  title: 'title',
  window: 'window',
  agenda: 'agenda',
  description: 'description',
  settings: 'settings',
} as const;

const TITLE_MAX = 200;
const WINDOW_MAX = 40;
const DESCRIPTION_MAX = 1000;

/** The window as typed in the modal. */
function windowText(form: Pick<RoundForm, 'opens' | 'closes'>): string {
  return form.opens === '' && form.closes === '' ? '' : `${form.opens} ~ ${form.closes}`;
}

/** The opening and deadline typed as `A ~ B` (also `A - B` is not accepted: dates hold dashes). */
export function parseWindowText(text: string): { opens: string; closes: string } {
  const [opens = '', ...rest] = text.split(/[~～]/u);
  return { opens: opens.trim(), closes: rest.join('~').trim() };
}

function textInput(
  id: string,
  label: string,
  style: TextInputStyle,
  value: string,
  options: { max: number; required: boolean; placeholder?: string; description?: string },
) {
  return {
    type: ComponentType.Label as const,
    label: clip(label, DISCORD_COMPONENT.labelLabel),
    ...(options.description ? { description: clip(options.description, DISCORD_COMPONENT.labelDescription) } : {}),
    component: {
      type: ComponentType.TextInput as const,
      custom_id: id,
      style,
      required: options.required,
      max_length: options.max,
      ...(options.placeholder ? { placeholder: options.placeholder } : {}),
      ...(value === '' ? {} : { value: clip(value, options.max) }),
    },
  };
}

/** The round form as a modal, prefilled with `form`; `action` says on submit what it was (new or edit). */
export function roundModal(
  action: Extract<AuthoringAction, { kind: 'new' | 'edit' }>,
  form: RoundForm,
  locale: Locale,
): APIModalInteractionResponseCallbackData {
  const l = (key: Parameters<typeof t>[1]) => t(locale, key);
  const components = [
    textInput(FIELD.title, l('authoring.discord.field.title'), TextInputStyle.Short, form.title, {
      max: TITLE_MAX,
      required: true,
    }),
    textInput(FIELD.window, l('authoring.discord.field.window'), TextInputStyle.Short, windowText(form), {
      max: WINDOW_MAX,
      required: true,
      placeholder: l('authoring.discord.field.window.placeholder'),
    }),
    textInput(FIELD.agenda, l('authoring.discord.field.agenda'), TextInputStyle.Paragraph, form.agendaText, {
      max: DISCORD_COMPONENT.textInputValue,
      required: true,
      description: l('authoring.discord.field.agenda.help'),
    }),
    textInput(
      FIELD.description,
      l('authoring.discord.field.description'),
      TextInputStyle.Paragraph,
      form.description ?? '',
      { max: DESCRIPTION_MAX, required: false },
    ),
    {
      type: ComponentType.Label as const,
      label: l('authoring.discord.field.settings'),
      component: {
        type: ComponentType.StringSelect as const,
        custom_id: FIELD.settings,
        required: false,
        min_values: 0,
        max_values: 2,
        options: [
          { label: l('authoring.discord.setting.anonymous'), value: 'anonymous', default: form.anonymous },
          { label: l('authoring.discord.setting.late'), value: 'late', default: form.allowLate },
        ],
      },
    },
  ];
  return {
    custom_id: encodeAuthoringId(action),
    title: clip(
      l(action.kind === 'new' ? 'authoring.discord.modal.new' : 'authoring.discord.modal.edit'),
      DISCORD_MODAL.title,
    ),
    components,
  };
}

function button(
  label: string,
  action: AuthoringAction,
  style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger,
): APIButtonComponent {
  return { type: ComponentType.Button, style, label, custom_id: encodeAuthoringId(action) };
}

const PRESETS: readonly ReminderPreset[] = ['standard', 'light', 'none'];

/** Under a saved draft: the reminder preset menu, then Preview, Edit and Open. */
export function savedDraftRows(roundId: string, preset: ReminderPreset, locale: Locale): Row[] {
  const presets = preset === 'keep' ? [...PRESETS, 'keep' as const] : PRESETS;
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: encodeAuthoringId({ kind: 'rem', arg: roundId }),
          placeholder: t(locale, 'authoring.discord.reminders'),
          options: presets.map((p) => ({ label: t(locale, `authoring.preset.${p}`), value: p, default: p === preset })),
        },
      ],
    },
    {
      type: ComponentType.ActionRow,
      components: [
        button(t(locale, 'authoring.discord.button.preview'), { kind: 'preview', arg: roundId }, ButtonStyle.Secondary),
        button(t(locale, 'authoring.discord.button.edit'), { kind: 'edit', arg: roundId }, ButtonStyle.Secondary),
        button(t(locale, 'authoring.discord.button.open'), { kind: 'open', arg: roundId }, ButtonStyle.Primary),
      ],
    },
  ];
}

/** One button that reopens the modal with what was typed (kept under `token`). */
export function reopenRow(
  token: string,
  locale: Locale,
  key: 'authoring.discord.button.reopen' | 'authoring.discord.button.form',
): Row[] {
  return [
    {
      type: ComponentType.ActionRow,
      components: [button(t(locale, key), { kind: 'retry', arg: token }, ButtonStyle.Primary)],
    },
  ];
}

/** Open and Cancel under the confirmation. */
export function confirmRow(roundId: string, locale: Locale): Row[] {
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        button(t(locale, 'authoring.discord.button.confirm'), { kind: 'confirm', arg: roundId }, ButtonStyle.Success),
        button(t(locale, 'authoring.discord.button.cancel'), { kind: 'cancel', arg: roundId }, ButtonStyle.Secondary),
      ],
    },
  ];
}
