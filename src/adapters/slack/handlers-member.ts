/**
 * Member interactions outside the questionnaire: the "Answer", "Edit" and
 * "Decline" buttons of DMs, the decline modal, and plain DM replies filed
 * as the draft of the question the bot last asked. Every decision is the
 * core's; errors are shown with `describeError` in the member's locale.
 */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { describeError, t } from '../../core/i18n/catalogue.ts';
import type { DomainError } from '../../core/errors.ts';
import type { Actor, Locale } from '../../core/model.ts';
import { type HandlerDeps, slackActor } from './handler-deps.ts';
import { questionnaireModal, questionToAsk } from './questionnaire-modal.ts';
import { clip } from '../../core/text/split-text.ts';
import { unescapeControl, VIEW_TITLE_LIMIT } from './slack-formatter.ts';
import { ACTION_ANSWER, ACTION_DECLINE, ACTION_EDIT, DECLINE_BLOCK, INPUT_ACTION, VIEW_DECLINE } from './slack-ids.ts';
import { st } from './slack-texts.ts';

/** Tells a member, in their DM, why something did not happen. */
export async function tellError(deps: HandlerDeps, actor: Actor, error: DomainError): Promise<void> {
  const locale = await deps.api().localeOf(actor);
  await deps.messenger.sendDmText(actor.userId, describeError(error, locale));
}

async function openQuestionnaire(deps: HandlerDeps, body: BlockAction<ButtonAction>, roundId: string): Promise<void> {
  const actor = slackActor(body.user.id);
  const view = await deps.api().questionnaire(actor, roundId);
  if (!view.ok) return tellError(deps, actor, view.error);
  try {
    // The trigger id expires 3 s after the click: open first, bookkeeping after.
    await deps.ui.views.open({ trigger_id: body.trigger_id, view: questionnaireModal(view.value, 0) });
  } catch (error) {
    deps.logger.warn({ roundId, error: String(error) }, 'slack questionnaire could not be opened');
    await deps.messenger.sendDmText(actor.userId, st(view.value.locale, 'slack.dm.failed'));
    return;
  }
  const asked = questionToAsk(view.value, 0);
  if (asked) await deps.api().markAsked(actor, roundId, asked);
}

async function openDecline(deps: HandlerDeps, body: BlockAction<ButtonAction>, roundId: string): Promise<void> {
  const actor = slackActor(body.user.id);
  // The core says whether declining is still possible (a closed round answers ROUND.CLOSED).
  const view = await deps.api().questionnaire(actor, roundId);
  if (!view.ok) return tellError(deps, actor, view.error);
  const { locale } = view.value;
  try {
    await openDeclineModal(deps, body.trigger_id, roundId, locale);
  } catch (error) {
    deps.logger.warn({ roundId, error: String(error) }, 'slack decline modal could not be opened');
    await deps.messenger.sendDmText(actor.userId, st(locale, 'slack.dm.failed'));
  }
}

async function openDeclineModal(deps: HandlerDeps, triggerId: string, roundId: string, locale: Locale): Promise<void> {
  await deps.ui.views.open({
    trigger_id: triggerId,
    view: {
      type: 'modal',
      callback_id: VIEW_DECLINE,
      private_metadata: roundId,
      title: { type: 'plain_text', text: clip(t(locale, 'form.title'), VIEW_TITLE_LIMIT) },
      submit: { type: 'plain_text', text: clip(t(locale, 'button.decline'), VIEW_TITLE_LIMIT) },
      close: { type: 'plain_text', text: clip(t(locale, 'button.cancel'), VIEW_TITLE_LIMIT) },
      blocks: [
        {
          type: 'input',
          block_id: DECLINE_BLOCK,
          label: { type: 'plain_text', text: t(locale, 'form.declineReason') },
          element: { type: 'plain_text_input', action_id: INPUT_ACTION, multiline: true, max_length: 1000 },
        },
      ],
    },
  });
}

/** Registers the DM buttons, the decline modal and DM replies on `app`. */
export function registerMemberHandlers(app: App, deps: HandlerDeps): void {
  const onOpen = async ({
    ack,
    body,
    action,
  }: {
    ack: () => Promise<void>;
    body: BlockAction<ButtonAction>;
    action: ButtonAction;
  }) => {
    await ack();
    await openQuestionnaire(deps, body, action.value ?? '');
  };
  app.action<BlockAction<ButtonAction>>(ACTION_ANSWER, onOpen);
  app.action<BlockAction<ButtonAction>>(ACTION_EDIT, onOpen);

  app.action<BlockAction<ButtonAction>>(ACTION_DECLINE, async ({ ack, body, action }) => {
    await ack();
    await openDecline(deps, body, action.value ?? '');
  });

  app.view(VIEW_DECLINE, async ({ ack, body, view }) => {
    const actor = slackActor(body.user.id);
    const reason = view.state.values[DECLINE_BLOCK]?.[INPUT_ACTION]?.value ?? '';
    const result = await deps.api().decline(actor, view.private_metadata, reason);
    if (!result.ok) {
      const locale = await deps.api().localeOf(actor);
      await ack({ response_action: 'errors', errors: { [DECLINE_BLOCK]: describeError(result.error, locale) } });
      return;
    }
    await ack();
    await deps.messenger.sendDmText(actor.userId, result.value.message);
  });

  app.message(async ({ message }) => {
    // Only what a person typed in their DM with the bot; edits, joins and bots are not replies.
    if (message.channel_type !== 'im' || message.subtype !== undefined) return;
    if (!message.user || message.bot_id || typeof message.text !== 'string' || message.text.trim() === '') return;
    const actor = slackActor(message.user);
    const result = await deps.api().reply(actor, unescapeControl(message.text));
    const text = result.ok ? result.value.message : describeError(result.error, await deps.api().localeOf(actor));
    await deps.messenger.postText(message.channel, text);
  });
}
