/**
 * The Slack forms staff prepare a round with (issue 12): the round form of
 * `/jamun new` and `/jamun edit` (title, description, window with date and
 * time pickers in the committee's zone, anonymity and late answers, a
 * reminder preset, the agenda pasted as text), the import form of
 * `/jamun import` (a `file_input`: slash commands carry no files), and the
 * `/jamun open` confirmation. Reading a submitted form back is in
 * `authoring-form-state.ts`.
 *
 * A text longer than one input's 3000 characters continues in further inputs
 * (the agenda on line boundaries, joined by a newline; other texts exactly),
 * so a round of any size fits and nothing typed is cut.
 */
import type { types } from '@slack/bolt';
import type { AuthoringCommittee, RoundFormView } from '../../core/app/authoring-api.ts';
import type { ReminderPreset } from '../../core/ports/round-codec.ts';
import { t } from '../../core/i18n/catalogue.ts';
import type { Locale } from '../../core/model.ts';
import { clip, splitText } from '../../core/text/split-text.ts';
import { type Block, button, plainSections } from './slack-blocks.ts';
import { INPUT_ACTION as VALUE } from './slack-ids.ts';
import { SLACK_ELEMENT, SLACK_VIEW } from './slack-limits.ts';

export const VIEW_ROUND_FORM = 'jamun.round_form';
export const VIEW_ROUND_IMPORT = 'jamun.round_import';
export const ACTION_OPEN_CONFIRM = 'jamun.open_confirm';
export const ACTION_OPEN_CANCEL = 'jamun.open_cancel';

export const BLOCK = {
  id: 'id',
  committee: 'committee',
  title: 'title',
  description: 'description',
  opensDate: 'opens_date',
  opensTime: 'opens_time',
  closesDate: 'closes_date',
  closesTime: 'closes_time',
  settings: 'settings',
  reminders: 'reminders',
  agenda: 'agenda',
  file: 'file',
} as const;

/** Agenda inputs a new form offers: 9,000 characters; the seed round's agenda takes well under one. */
const AGENDA_INPUTS = 3;
/** The reminder presets the form offers, with their labels; `keep` only for a draft with reminders of its own. */
const PRESET_LABELS = {
  standard: 'slack.authoring.preset.standard',
  light: 'slack.authoring.preset.light',
  none: 'slack.authoring.preset.none',
  keep: 'slack.authoring.preset.keep',
} as const satisfies Record<ReminderPreset, string>;
export const PRESETS = Object.keys(PRESET_LABELS) as ReminderPreset[];
const FILE_TYPES = ['xlsx', 'csv', 'yaml', 'yml'];

/** What a round form remembers about itself (`private_metadata`). */
export interface RoundFormMeta {
  /** Set when editing: the draft's id, which the form does not let change. */
  readonly roundId?: string;
  /** The committee, when the form offers no choice of it. */
  readonly committee: string;
  /** Whether the draft has reminders of its own, so `keep` is offered. */
  readonly keep: boolean;
  readonly timeZone: string;
}

const plain = (text: string): types.PlainTextElement => ({ type: 'plain_text', text, emoji: false });

function input(
  blockId: string,
  label: string,
  element: types.InputBlockElement,
  extra: { optional?: boolean; hint?: string } = {},
): types.InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: plain(clip(label, 2000)),
    element,
    ...(extra.optional ? { optional: true } : {}),
    ...(extra.hint ? { hint: plain(clip(extra.hint, 2000)) } : {}),
  };
}

function textInput(initial: string | undefined, multiline = false): types.PlainTextInput {
  return {
    type: 'plain_text_input',
    action_id: VALUE,
    max_length: SLACK_ELEMENT.inputValue,
    ...(multiline ? { multiline: true } : {}),
    ...(initial ? { initial_value: initial } : {}),
  };
}

/**
 * The agenda in input-sized parts, cut only between lines so that joining
 * them with a newline gives the text back (a single line longer than an
 * input, which no real question is, is cut inside).
 */
function agendaParts(text: string): string[] {
  const parts: string[] = [];
  let current: string | undefined;
  for (const line of text.split('\n')) {
    const pieces = line.length > SLACK_ELEMENT.inputValue ? splitText(line, SLACK_ELEMENT.inputValue) : [line];
    for (const piece of pieces) {
      if (current !== undefined && current.length + 1 + piece.length <= SLACK_ELEMENT.inputValue)
        current = `${current}\n${piece}`;
      else {
        if (current !== undefined) parts.push(current);
        current = piece;
      }
    }
  }
  if (current !== undefined && current !== '') parts.push(current);
  return parts;
}

export const partBlock = (base: string, part: number): string => (part === 0 ? base : `${base}|${part}`);

/** Inputs for a long text: the first required unless `optional`, the rest always optional. */
function longInputs(
  base: string,
  parts: readonly string[],
  count: number,
  labels: { first: string; more: (part: number) => string; hint?: string; moreHint?: string },
  optional = false,
): types.InputBlock[] {
  return Array.from({ length: Math.max(count, parts.length, 1) }, (_, i) =>
    input(partBlock(base, i), i === 0 ? labels.first : labels.more(i + 1), textInput(parts[i], true), {
      optional: optional || i > 0,
      ...((i === 0 ? labels.hint : labels.moreHint) ? { hint: (i === 0 ? labels.hint : labels.moreHint) ?? '' } : {}),
    }),
  );
}

function option(text: string, value: string): types.PlainTextOption {
  return { text: plain(clip(text, SLACK_ELEMENT.optionText)), value };
}

function splitWhen(when: string): { date?: string; time?: string } {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}))?$/.exec(when.trim());
  if (!match) return {};
  return { ...(match[1] ? { date: match[1] } : {}), ...(match[2] ? { time: match[2] } : {}) };
}

function dateInput(blockId: string, label: string, date: string | undefined): types.InputBlock {
  return input(blockId, label, { type: 'datepicker', action_id: VALUE, ...(date ? { initial_date: date } : {}) });
}

function timeInput(blockId: string, label: string, time: string | undefined): types.InputBlock {
  return input(blockId, label, { type: 'timepicker', action_id: VALUE, ...(time ? { initial_time: time } : {}) });
}

function modal(
  callbackId: string,
  title: string,
  blocks: Block[],
  meta: string,
  submit: string | undefined,
  locale: Locale,
): types.ModalView {
  return {
    type: 'modal',
    callback_id: callbackId,
    title: plain(clip(title, SLACK_VIEW.title)),
    ...(submit ? { submit: plain(clip(submit, SLACK_VIEW.button)) } : {}),
    close: plain(clip(t(locale, 'slack.authoring.close'), SLACK_VIEW.button)),
    private_metadata: meta,
    blocks,
  };
}

/** A modal that only says something (loading, reading, a refusal): no inputs, no submit. */
export function noticeModal(text: string, locale: Locale): types.ModalView {
  return modal('jamun.notice', t(locale, 'slack.authoring.title.wait'), plainSections(text), '', undefined, locale);
}

/**
 * The round form, prefilled with `view.form`. With several `committees` it
 * offers a choice of committee; editing (`editing`), the id is fixed and
 * shown, not asked.
 */
export function roundFormModal(
  view: RoundFormView,
  locale: Locale,
  committees: readonly AuthoringCommittee[],
  editing: boolean,
): types.ModalView {
  const { form } = view;
  const text = (key: Parameters<typeof t>[1], params = {}) => t(locale, key, params);
  const keep = form.reminders === 'keep';
  const blocks: Block[] = [];
  if (editing) blocks.push(...plainSections(text('slack.authoring.editing', { roundId: form.id })));
  for (const note of view.notes) blocks.push(...plainSections(note));
  if (!editing)
    blocks.push(
      input(BLOCK.id, text('slack.authoring.label.id'), textInput(form.id || undefined), {
        optional: true,
        hint: text('slack.authoring.hint.id'),
      }),
    );
  if (!editing && committees.length > 1) {
    const options = committees.map((c) => option(c.name, c.id));
    const initial = options.find((o) => o.value === form.committee);
    blocks.push(
      input(BLOCK.committee, text('slack.authoring.label.committee'), {
        type: 'static_select',
        action_id: VALUE,
        options,
        ...(initial ? { initial_option: initial } : {}),
      }),
    );
  }
  blocks.push(input(BLOCK.title, text('slack.authoring.label.title'), textInput(form.title || undefined)));
  blocks.push(
    ...longInputs(
      BLOCK.description,
      form.description ? splitText(form.description, SLACK_ELEMENT.inputValue, { exact: true }) : [],
      1,
      {
        first: text('slack.authoring.label.description'),
        more: (part) => `${text('slack.authoring.label.description')} (${part})`,
      },
      true,
    ),
  );
  const opens = splitWhen(form.opens);
  const closes = splitWhen(form.closes);
  blocks.push(
    {
      type: 'context',
      elements: [{ type: 'plain_text', text: text('slack.authoring.zone', { timeZone: view.timeZone }) }],
    },
    dateInput(BLOCK.opensDate, text('slack.authoring.label.opensDate'), opens.date),
    timeInput(BLOCK.opensTime, text('slack.authoring.label.opensTime'), opens.time),
    dateInput(BLOCK.closesDate, text('slack.authoring.label.closesDate'), closes.date),
    timeInput(BLOCK.closesTime, text('slack.authoring.label.closesTime'), closes.time),
  );
  const settings = [
    option(text('slack.authoring.option.anonymous'), 'anonymous'),
    option(text('slack.authoring.option.allowLate'), 'allow_late'),
  ];
  const checked = settings.filter((o) => (o.value === 'anonymous' ? form.anonymous : form.allowLate));
  blocks.push(
    input(
      BLOCK.settings,
      text('slack.authoring.label.settings'),
      {
        type: 'checkboxes',
        action_id: VALUE,
        options: settings,
        ...(checked.length > 0 ? { initial_options: checked } : {}),
      },
      { optional: true },
    ),
  );
  const presets = PRESETS.filter((p) => p !== 'keep' || keep).map((p) => option(text(PRESET_LABELS[p]), p));
  const chosen = presets.find((o) => o.value === (form.reminders ?? 'standard')) ?? presets[0];
  blocks.push(
    input(BLOCK.reminders, text('slack.authoring.label.reminders'), {
      type: 'static_select',
      action_id: VALUE,
      options: presets,
      ...(chosen ? { initial_option: chosen } : {}),
    }),
  );
  const agenda = agendaParts(form.agendaText);
  // One empty input to continue in, as room allows (a view holds 100 blocks).
  const room = SLACK_VIEW.blocks - blocks.length;
  blocks.push(
    ...longInputs(BLOCK.agenda, agenda, Math.min(Math.max(AGENDA_INPUTS, agenda.length + 1), room), {
      first: text('slack.authoring.label.agenda'),
      more: (part) => text('slack.authoring.label.agendaMore', { part }),
      hint: text('slack.authoring.hint.agenda'),
      moreHint: text('slack.authoring.hint.agendaMore'),
    }),
  );
  const meta: RoundFormMeta = {
    ...(editing ? { roundId: form.id } : {}),
    committee: form.committee,
    keep,
    timeZone: view.timeZone,
  };
  return modal(
    VIEW_ROUND_FORM,
    text(editing ? 'slack.authoring.title.edit' : 'slack.authoring.title.new'),
    blocks,
    JSON.stringify(meta),
    text('slack.authoring.submit.save'),
    locale,
  );
}

/**
 * The import form: one file, of the kinds jamun reads; `notice` (what went
 * wrong last time) above it, as much of it as a view holds — `cut` says
 * whether some was left out (the caller then sends it whole by DM).
 */
export function importModal(locale: Locale, notice?: string): { view: types.ModalView; cut: boolean } {
  const sections = notice ? plainSections(notice) : [];
  // A view holds 100 blocks: the file input and a note take two.
  const room = SLACK_VIEW.blocks - 2;
  const cut = sections.length > room;
  const shown = cut
    ? [...sections.slice(0, room), ...plainSections(t(locale, 'slack.authoring.problems-by-dm'))]
    : sections;
  const file = input(
    BLOCK.file,
    t(locale, 'slack.authoring.label.file'),
    { type: 'file_input', action_id: VALUE, max_files: 1, filetypes: FILE_TYPES } as types.InputBlockElement,
    { hint: t(locale, 'slack.authoring.hint.file') },
  );
  const view = modal(
    VIEW_ROUND_IMPORT,
    t(locale, 'slack.authoring.title.import'),
    [...shown, file],
    '',
    t(locale, 'slack.authoring.submit.import'),
    locale,
  );
  return { view, cut };
}

/** The `/jamun open` confirmation: the core's text and Open / Cancel buttons carrying the round id. */
export function openConfirmationBlocks(text: string, roundId: string, locale: Locale): Block[] {
  return [
    ...plainSections(text),
    {
      type: 'actions',
      elements: [
        button(ACTION_OPEN_CONFIRM, t(locale, 'slack.authoring.open.confirm'), roundId, 'primary'),
        button(ACTION_OPEN_CANCEL, t(locale, 'slack.authoring.open.cancel'), roundId),
      ],
    },
  ];
}
