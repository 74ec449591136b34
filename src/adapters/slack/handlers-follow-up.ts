/**
 * Staff's synthesis and follow-up actions in Slack forms: `/jamun synthesis
 * ROUND ITEM` and `/jamun action ROUND add|edit N` open a modal (the trigger
 * id lives 3 s, so the form is opened right after reading what it shows;
 * nothing else happens first), prefilled with the latest synthesis or the
 * action. The submission is stored through the core, which refuses and
 * audits anyone not staff, before the view is answered: with the errors
 * under their field, or with the confirmation in place of the form.
 */
import type { App, RespondFn, types } from '@slack/bolt';
import type { Actor, Locale } from '../../core/model.ts';
import type { ActionDraft, StaffCommand, SynthesisDraft } from '../../core/app/inbound.ts';
import {
  ACTION_STATUSES,
  type ActionField,
  type ActionFormFields,
  actionErrorField,
  actionFormFields,
  actionFormInput,
  synthesisFromInputs,
  synthesisInputValues,
} from '../../core/follow-up/follow-up-forms.ts';
import { ACTION_TEXT_MAX_LENGTH, DEPARTMENT_MAX_LENGTH } from '../../core/follow-up/validate-follow-up.ts';
import { describeError, t } from '../../core/i18n/catalogue.ts';
import { clip } from '../../core/text/split-text.ts';
import { type HandlerDeps, slackActor } from './handler-deps.ts';
import { plainSections } from './slack-blocks.ts';
import {
  escapeMrkdwn,
  INPUT_VALUE_LIMIT,
  LABEL_LIMIT,
  OPTION_TEXT_LIMIT,
  VIEW_TITLE_LIMIT,
} from './slack-formatter.ts';
import { INPUT_ACTION } from './slack-ids.ts';
import { st } from './slack-texts.ts';

export const VIEW_SYNTHESIS = 'jamun.synthesis';
export const VIEW_ACTION = 'jamun.action';

/** The block id of synthesis input `part` (0-based). */
const synthesisBlock = (part: number) => `synthesis|${part}`;
/** The block id of an action form's field. */
const actionBlock = (field: ActionField) => `action|${field}`;

type Values = Record<
  string,
  Record<string, { value?: string | null; selected_date?: string | null; selected_option?: { value: string } | null }>
>;

const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: clip(text, max) });

/** Title, save and close buttons of a form in `locale`. */
function frame(locale: Locale, titleKey: 'followUp.modal.synthesisTitle' | 'followUp.modal.actionTitle') {
  return {
    type: 'modal' as const,
    title: plain(t(locale, titleKey), VIEW_TITLE_LIMIT),
    submit: plain(t(locale, 'followUp.modal.save'), VIEW_TITLE_LIMIT),
    close: plain(t(locale, 'button.cancel'), VIEW_TITLE_LIMIT),
  };
}

/** The synthesis form: the latest text spread over as many inputs as it needs, with room to write on. */
function synthesisModal(draft: SynthesisDraft): types.ModalView {
  const { locale } = draft;
  const values = synthesisInputValues(draft.text, INPUT_VALUE_LIMIT);
  const inputs = values.map((value, part): types.InputBlock => {
    const label =
      part === 0 && values.length === 1
        ? t(locale, 'followUp.modal.synthesisFor', { target: draft.target })
        : t(locale, 'followUp.modal.synthesisLabel', { part: part + 1, parts: values.length });
    return {
      type: 'input',
      block_id: synthesisBlock(part),
      optional: true,
      label: plain(label, LABEL_LIMIT),
      ...(part === 0 ? { hint: plain(t(locale, 'followUp.modal.synthesisHint'), LABEL_LIMIT) } : {}),
      element: {
        type: 'plain_text_input',
        action_id: INPUT_ACTION,
        multiline: true,
        max_length: INPUT_VALUE_LIMIT,
        ...(value === '' ? {} : { initial_value: value }),
      },
    };
  });
  return {
    ...frame(locale, 'followUp.modal.synthesisTitle'),
    callback_id: VIEW_SYNTHESIS,
    private_metadata: JSON.stringify({ roundId: draft.roundId, targetId: draft.targetId }),
    blocks: [
      {
        type: 'context',
        elements: [
          plain(t(locale, 'followUp.modal.about', { roundTitle: draft.roundTitle, target: draft.target }), 3000),
        ],
      },
      ...inputs,
    ],
  };
}

function textInput(
  field: ActionField,
  label: string,
  value: string,
  maxLength: number,
  options: { multiline?: boolean; optional?: boolean } = {},
): types.InputBlock {
  return {
    type: 'input',
    block_id: actionBlock(field),
    optional: options.optional ?? true,
    label: plain(label, LABEL_LIMIT),
    element: {
      type: 'plain_text_input',
      action_id: INPUT_ACTION,
      max_length: maxLength,
      ...(options.multiline ? { multiline: true } : {}),
      ...(value === '' ? {} : { initial_value: value }),
    },
  };
}

/** The action form: text, department, due date (a date picker), questions and, when editing, the status. */
function actionModal(draft: ActionDraft): types.ModalView {
  const { locale, action } = draft;
  const fields = actionFormFields(action);
  const statusOption = (status: ActionFormFields['status']) => ({
    text: plain(t(locale, `followUp.status.${status}`), OPTION_TEXT_LIMIT),
    value: status,
  });
  const heading = action
    ? t(locale, 'followUp.modal.actionEdit', { roundTitle: draft.roundTitle, number: action.number })
    : t(locale, 'followUp.modal.actionNew', { roundTitle: draft.roundTitle });
  const blocks: types.KnownBlock[] = [
    { type: 'context', elements: [plain(heading, 3000)] },
    textInput('text', t(locale, 'followUp.modal.actionText'), fields.text, ACTION_TEXT_MAX_LENGTH, {
      multiline: true,
      optional: false,
    }),
    textInput('department', t(locale, 'followUp.modal.actionDepartment'), fields.department, DEPARTMENT_MAX_LENGTH),
    {
      type: 'input',
      block_id: actionBlock('due'),
      optional: true,
      label: plain(t(locale, 'followUp.modal.actionDue'), LABEL_LIMIT),
      element: { type: 'datepicker', action_id: INPUT_ACTION, ...(fields.due ? { initial_date: fields.due } : {}) },
    },
    textInput('questions', t(locale, 'followUp.modal.actionQuestions'), fields.questions, 500),
  ];
  if (action) {
    blocks.push({
      type: 'input',
      block_id: actionBlock('status'),
      label: plain(t(locale, 'followUp.modal.actionStatus'), LABEL_LIMIT),
      element: {
        type: 'static_select',
        action_id: INPUT_ACTION,
        options: ACTION_STATUSES.map(statusOption),
        initial_option: statusOption(fields.status),
      },
    });
  }
  return {
    ...frame(locale, 'followUp.modal.actionTitle'),
    callback_id: VIEW_ACTION,
    private_metadata: JSON.stringify({ roundId: draft.roundId, ...(action ? { number: action.number } : {}) }),
    blocks,
  };
}

/** What the form shows once saved: the core's reply, and a close button. */
function savedView(
  locale: Locale,
  titleKey: 'followUp.modal.synthesisTitle' | 'followUp.modal.actionTitle',
  text: string,
): types.ModalView {
  return {
    type: 'modal',
    title: plain(t(locale, titleKey), VIEW_TITLE_LIMIT),
    close: plain(t(locale, 'followUp.modal.close'), VIEW_TITLE_LIMIT),
    blocks: plainSections(text),
  };
}

/**
 * Opens the form a staff command asks for (`synthesis ROUND ITEM`, `action
 * ROUND add` without text, `action ROUND edit N`) and returns true; false
 * for every other command, which runs as a command. A refusal or an unknown
 * round or action is told privately, as the core words it.
 */
export async function openFollowUpForm(
  deps: HandlerDeps,
  input: { actor: Actor; command: StaffCommand; triggerId: string; respond: RespondFn; locale: Locale },
): Promise<boolean> {
  const { actor, command, respond } = input;
  const roundId = command.roundId ?? '';
  let view: types.ModalView;
  if (command.verb === 'synthesis' && command.text === undefined) {
    const draft = await deps.api().synthesisForm(actor, roundId, command.target ?? '');
    if (!draft.ok) return refuse(respond, describeError(draft.error, input.locale));
    view = synthesisModal(draft.value);
  } else if (
    command.verb === 'action' &&
    ((command.actionOp === 'add' && command.actionInput === undefined) || command.actionOp === 'edit')
  ) {
    const draft = await deps
      .api()
      .actionForm(actor, roundId, command.actionOp === 'edit' ? command.actionNumber : undefined);
    if (!draft.ok) return refuse(respond, describeError(draft.error, input.locale));
    view = actionModal(draft.value);
  } else {
    return false;
  }
  try {
    await deps.ui.views.open({ trigger_id: input.triggerId, view });
  } catch (error) {
    deps.logger.warn({ verb: command.verb, roundId, error: String(error) }, 'slack follow-up form could not be opened');
    await refuse(respond, st(input.locale, 'slack.command.failed'));
  }
  return true;
}

async function refuse(respond: RespondFn, text: string): Promise<true> {
  await respond({ response_type: 'ephemeral', replace_original: false, text: escapeMrkdwn(text) });
  return true;
}

function parseMeta(raw: string): { roundId: string; targetId?: string; number?: number } | null {
  try {
    const data = JSON.parse(raw) as { roundId?: unknown; targetId?: unknown; number?: unknown };
    if (typeof data.roundId !== 'string') return null;
    return {
      roundId: data.roundId,
      ...(typeof data.targetId === 'string' ? { targetId: data.targetId } : {}),
      ...(typeof data.number === 'number' ? { number: data.number } : {}),
    };
  } catch {
    return null;
  }
}

/** Registers the submissions of the synthesis and action forms on `app`. */
export function registerFollowUpHandlers(app: App, deps: HandlerDeps): void {
  app.view(VIEW_SYNTHESIS, async ({ ack, body, view }) => {
    const meta = parseMeta(view.private_metadata);
    if (!meta?.targetId) {
      await ack();
      return;
    }
    const values = view.state.values as Values;
    const parts = Object.keys(values)
      .filter((id) => id.startsWith('synthesis|'))
      .sort((a, b) => Number(a.split('|')[1]) - Number(b.split('|')[1]))
      .map((id) => values[id]?.[INPUT_ACTION]?.value);
    const actor = slackActor(body.user.id, body.user.name);
    const reply = await deps.api().runStaffCommand(actor, {
      verb: 'synthesis',
      roundId: meta.roundId,
      target: meta.targetId,
      text: synthesisFromInputs(parts),
    });
    const locale = await deps.api().localeOf(actor);
    if (reply.error) {
      await ack({ response_action: 'errors', errors: { [synthesisBlock(0)]: reply.text } });
      return;
    }
    await ack({ response_action: 'update', view: savedView(locale, 'followUp.modal.synthesisTitle', reply.text) });
  });

  app.view(VIEW_ACTION, async ({ ack, body, view }) => {
    const meta = parseMeta(view.private_metadata);
    if (!meta) {
      await ack();
      return;
    }
    const actor = slackActor(body.user.id, body.user.name);
    const values = view.state.values as Values;
    const state = (field: ActionField) => values[actionBlock(field)]?.[INPUT_ACTION];
    const typed: ActionFormFields = {
      text: state('text')?.value ?? '',
      department: state('department')?.value ?? '',
      due: state('due')?.selected_date ?? '',
      questions: state('questions')?.value ?? '',
      status: ACTION_STATUSES.find((s) => s === state('status')?.selected_option?.value) ?? 'open',
    };
    const locale = await deps.api().localeOf(actor);
    // An edit sends only what changed from the action as it is now (the audit shows real changes).
    const before =
      meta.number === undefined ? undefined : await deps.api().actionForm(actor, meta.roundId, meta.number);
    if (before && !before.ok) {
      await ack({ response_action: 'errors', errors: { [actionBlock('text')]: describeError(before.error, locale) } });
      return;
    }
    const command: StaffCommand = {
      verb: 'action',
      roundId: meta.roundId,
      actionOp: meta.number === undefined ? 'add' : 'edit',
      ...(meta.number === undefined ? {} : { actionNumber: meta.number }),
      actionInput: actionFormInput(typed, before?.value.action),
    };
    const reply = await deps.api().runStaffCommand(actor, command);
    if (reply.error) {
      await ack({
        response_action: 'errors',
        errors: { [actionBlock(actionErrorField(reply.error.code))]: reply.text },
      });
      return;
    }
    await ack({ response_action: 'update', view: savedView(locale, 'followUp.modal.actionTitle', reply.text) });
  });
}
