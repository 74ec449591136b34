/**
 * Staff's synthesis and follow-up actions in Discord forms: `/jamun
 * synthesis` and `/jamun action op:add|edit` answer with a modal (it must be
 * the interaction's first answer, within 3 s, so only what it shows is read
 * first), prefilled with the latest synthesis or the action. The submission
 * is stored through the core, which refuses and audits anyone not staff,
 * then answered privately with the core's words.
 *
 * Discord modals carry no metadata: the round (and the action's number) ride
 * in the modal's `custom_id`, the synthesis target in its inputs' ids.
 */
import {
  type APIModalInteractionResponseCallbackData,
  type ChatInputCommandInteraction,
  ComponentType,
  type ModalSubmitInteraction,
  TextInputStyle,
} from 'discord.js';
import type { ActionDraft, JamunApi, StaffCommand, SynthesisDraft } from '../../core/app/inbound.ts';
import { parseStaffCommand } from '../../core/app/parse-staff-command.ts';
import type { DomainError } from '../../core/errors.ts';
import {
  ACTION_STATUSES,
  type ActionField,
  type ActionFormFields,
  actionFormFields,
  actionFormInput,
  synthesisFromInputs,
  synthesisInputValues,
} from '../../core/follow-up/follow-up-forms.ts';
import { ACTION_TEXT_MAX_LENGTH, DEPARTMENT_MAX_LENGTH } from '../../core/follow-up/validate-follow-up.ts';
import { describeError, t } from '../../core/i18n/catalogue.ts';
import type { Actor, Locale } from '../../core/model.ts';
import { clip } from '../../core/text/split-text.ts';
import { fieldId, parseFieldId } from './custom-ids.ts';
import { DISCORD_COMPONENT, DISCORD_MODAL } from './discord-limits.ts';
import { answerInteraction } from './interaction-reply.ts';

const PREFIX = 'jf';
/** `YYYY-MM-DD`: the length of a due date typed in the form. */
const DUE_LENGTH = 10;

/** A follow-up modal's `custom_id`: `jf|s||ROUND` (synthesis) or `jf|a|N|ROUND` (action N, none: new). */
function modalId(kind: 's' | 'a', roundId: string, number?: number): string {
  return [PREFIX, kind, number === undefined ? '' : String(number), roundId].join('|');
}

function parseModalId(customId: string): { kind: 's' | 'a'; roundId: string; number?: number } | null {
  const [prefix, kind, number, ...rest] = customId.split('|');
  const roundId = rest.join('|');
  if (prefix !== PREFIX || (kind !== 's' && kind !== 'a') || roundId === '') return null;
  const n = Number(number);
  return { kind, roundId, ...(number !== '' && Number.isInteger(n) && n > 0 ? { number: n } : {}) };
}

/** True when `customId` is a follow-up form's. */
export function isFollowUpModal(customId: string): boolean {
  return parseModalId(customId) !== null;
}

const label = (text: string) => clip(text, DISCORD_COMPONENT.labelLabel);
const description = (text: string) => clip(text, DISCORD_COMPONENT.labelDescription);

/** The synthesis form; null when the text needs more inputs than a modal holds. */
function synthesisModal(draft: SynthesisDraft): APIModalInteractionResponseCallbackData | null {
  const { locale } = draft;
  const values = synthesisInputValues(draft.text, DISCORD_COMPONENT.textInputValue);
  if (values.length > DISCORD_MODAL.components) return null;
  return {
    custom_id: modalId('s', draft.roundId),
    title: clip(
      t(locale, 'followUp.modal.about', { roundTitle: draft.roundTitle, target: draft.target }),
      DISCORD_MODAL.title,
    ),
    components: values.map((value, part) => ({
      type: ComponentType.Label,
      label: label(
        values.length === 1
          ? t(locale, 'followUp.modal.synthesisFor', { target: draft.target })
          : t(locale, 'followUp.modal.synthesisLabel', { part: part + 1, parts: values.length }),
      ),
      ...(part === 0 ? { description: description(t(locale, 'followUp.modal.synthesisHint')) } : {}),
      component: {
        type: ComponentType.TextInput,
        // The target rides in the inputs' ids: `1.2#0`, `1.2#1` …
        custom_id: fieldId(draft.targetId, part),
        style: TextInputStyle.Paragraph,
        required: false,
        max_length: DISCORD_COMPONENT.textInputValue,
        ...(value === '' ? {} : { value }),
      },
    })),
  };
}

function textField(field: ActionField, text: string, value: string, maxLength: number, paragraph = false) {
  return {
    type: ComponentType.Label as const,
    label: label(text),
    component: {
      type: ComponentType.TextInput as const,
      custom_id: field,
      style: paragraph ? TextInputStyle.Paragraph : TextInputStyle.Short,
      required: field === 'text',
      max_length: maxLength,
      ...(value === '' ? {} : { value }),
    },
  };
}

/** The action form: text, department, due date (typed `YYYY-MM-DD`, checked by the core), questions, status. */
function actionModal(draft: ActionDraft): APIModalInteractionResponseCallbackData {
  const { locale, action } = draft;
  const fields = actionFormFields(action);
  const title = action
    ? t(locale, 'followUp.modal.actionEdit', { roundTitle: draft.roundTitle, number: action.number })
    : t(locale, 'followUp.modal.actionNew', { roundTitle: draft.roundTitle });
  return {
    custom_id: modalId('a', draft.roundId, action?.number),
    title: clip(title, DISCORD_MODAL.title),
    components: [
      textField('text', t(locale, 'followUp.modal.actionText'), fields.text, ACTION_TEXT_MAX_LENGTH, true),
      textField('department', t(locale, 'followUp.modal.actionDepartment'), fields.department, DEPARTMENT_MAX_LENGTH),
      textField('due', t(locale, 'followUp.modal.actionDue'), fields.due, DUE_LENGTH),
      textField('questions', t(locale, 'followUp.modal.actionQuestions'), fields.questions, 500),
      ...(action ? [statusField(locale, fields.status)] : []),
    ],
  };
}

/** The status select of an action being edited. */
function statusField(locale: Locale, current: ActionFormFields['status']) {
  return {
    type: ComponentType.Label as const,
    label: label(t(locale, 'followUp.modal.actionStatus')),
    component: {
      type: ComponentType.StringSelect as const,
      custom_id: 'status',
      required: true,
      min_values: 1,
      max_values: 1,
      options: ACTION_STATUSES.map((status) => ({
        label: t(locale, `followUp.status.${status}`),
        value: status,
        default: status === current,
      })),
    },
  };
}

/** Modal fields by custom id: text inputs as strings, selects as their first value. */
function modalValues(interaction: ModalSubmitInteraction): Map<string, string> {
  const values = new Map<string, string>();
  for (const [id, field] of interaction.fields.fields) {
    if ('value' in field && typeof field.value === 'string') values.set(id, field.value);
    else if ('values' in field && Array.isArray(field.values)) values.set(id, String(field.values[0] ?? ''));
  }
  return values;
}

export class FollowUpHandlers {
  constructor(private readonly app: () => JamunApi) {}

  /**
   * `/jamun synthesis round item` and `/jamun action round [op] [number]
   * [text]`: read as the same words typed on Slack or the CLI (one parser,
   * one set of usage errors); a form when one is asked for, else the command.
   */
  async onCommand(interaction: ChatInputCommandInteraction, actor: Actor): Promise<void> {
    const option = (name: string) => interaction.options.get(name)?.value;
    const words = [
      interaction.options.getSubcommand(),
      option('round'),
      option('item'),
      option('op'),
      option('number'),
      option('text'),
    ].filter((word) => word !== undefined && word !== null && word !== '');
    const parsed = parseStaffCommand(words.join(' '));
    if (!parsed.ok) {
      await this.#refuse(interaction, actor, describeError(parsed.error, await this.#locale(actor)));
      return;
    }
    if (await this.openForm(interaction, actor, parsed.value)) return;
    await answerInteraction(interaction, async () => {
      const reply = await this.app().runStaffCommand(actor, parsed.value);
      return { text: reply.text, ephemeral: reply.ephemeral, locale: await this.#locale(actor) };
    });
  }

  /**
   * Shows the form a command asks for (`synthesis`, `action add` without
   * text, `action edit N`) and returns true; false for every other command.
   * A refusal, an unknown round, item or action is answered privately.
   */
  async openForm(interaction: ChatInputCommandInteraction, actor: Actor, command: StaffCommand): Promise<boolean> {
    const roundId = command.roundId ?? '';
    const wantsAction =
      command.verb === 'action' &&
      ((command.actionOp === 'add' && command.actionInput === undefined) || command.actionOp === 'edit');
    if (command.verb === 'synthesis' && command.text === undefined) {
      const draft = await this.app().synthesisForm(actor, roundId, command.target ?? '');
      if (!draft.ok) return this.#refuse(interaction, actor, describeError(draft.error, await this.#locale(actor)));
      const modal = synthesisModal(draft.value);
      if (!modal) {
        const text = t(draft.value.locale, 'followUp.modal.tooLongForChat', {
          length: [...draft.value.text].length,
          max: DISCORD_COMPONENT.textInputValue * DISCORD_MODAL.components,
          roundId,
          targetId: draft.value.targetId,
        });
        return this.#refuse(interaction, actor, text);
      }
      await interaction.showModal(modal);
      return true;
    }
    if (!wantsAction) return false;
    const number = command.actionOp === 'edit' ? command.actionNumber : undefined;
    const draft = await this.app().actionForm(actor, roundId, number);
    if (!draft.ok) return this.#refuse(interaction, actor, describeError(draft.error, await this.#locale(actor)));
    await interaction.showModal(actionModal(draft.value));
    return true;
  }

  async #locale(actor: Actor): Promise<Locale> {
    return this.app().localeOf(actor);
  }

  async #refuse(interaction: ChatInputCommandInteraction, actor: Actor, text: string): Promise<true> {
    const locale = await this.#locale(actor);
    await answerInteraction(interaction, async () => ({ text, ephemeral: true, locale }));
    return true;
  }

  /** A submitted synthesis or action form: stored through the core, answered privately. */
  async onModal(interaction: ModalSubmitInteraction, actor: Actor): Promise<void> {
    const form = parseModalId(interaction.customId);
    if (!form) return;
    const values = modalValues(interaction);
    await answerInteraction(interaction, async () => {
      const command =
        form.kind === 's' ? synthesisCommand(form.roundId, values) : await this.#actionCommand(actor, form, values);
      const locale = await this.#locale(actor);
      if ('error' in command) return { text: describeError(command.error, locale), ephemeral: true, locale };
      const reply = await this.app().runStaffCommand(actor, command);
      return { text: reply.text, ephemeral: true, locale };
    });
  }

  async #actionCommand(
    actor: Actor,
    form: { roundId: string; number?: number },
    values: Map<string, string>,
  ): Promise<StaffCommand | { error: DomainError }> {
    const typed: ActionFormFields = {
      text: values.get('text') ?? '',
      department: values.get('department') ?? '',
      due: values.get('due') ?? '',
      questions: values.get('questions') ?? '',
      status: ACTION_STATUSES.find((s) => s === values.get('status')) ?? 'open',
    };
    // An edit sends only what changed from the action as it is now (the audit shows real changes).
    const before =
      form.number === undefined ? undefined : await this.app().actionForm(actor, form.roundId, form.number);
    if (before && !before.ok) return { error: before.error };
    return {
      verb: 'action',
      roundId: form.roundId,
      actionOp: form.number === undefined ? 'add' : 'edit',
      ...(form.number === undefined ? {} : { actionNumber: form.number }),
      actionInput: actionFormInput(typed, before?.value.action),
    };
  }
}

/** The synthesis command of a submitted form: its inputs in order, the target from their ids. */
function synthesisCommand(roundId: string, values: Map<string, string>): StaffCommand {
  const parts = [...values.entries()]
    .map(([id, value]) => ({ field: parseFieldId(id), value }))
    .filter((p): p is { field: { questionId: string; part: number }; value: string } => p.field !== null)
    .sort((a, b) => a.field.part - b.field.part);
  return {
    verb: 'synthesis',
    roundId,
    target: parts[0]?.field.questionId ?? '',
    text: synthesisFromInputs(parts.map((p) => p.value)),
  };
}
