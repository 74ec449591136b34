/**
 * Member DMs as Block Kit: the shared words (`renderMemberMessage`) in
 * sections, plus the buttons that fit the message: "Answer" and "Decline"
 * on invitations, "Answer" on reminders, "Edit" on receipts while editing
 * is possible.
 */
import { t } from '../../core/i18n/catalogue.ts';
import type { MemberMessage } from '../../core/ports/messenger.ts';
import { renderMemberMessage } from '../../core/text/render-views.ts';
import { type Block, button, mrkdwnSections, packMessages, plainSections, type SlackMessage } from './slack-blocks.ts';
import { escapeMrkdwn, slackFormatter } from './slack-formatter.ts';
import { ACTION_ANSWER, ACTION_DECLINE, ACTION_EDIT } from './slack-ids.ts';

function buttonsOf(message: MemberMessage): Block[] {
  const { locale } = message;
  switch (message.kind) {
    case 'invitation':
      return [
        {
          type: 'actions',
          elements: [
            button(ACTION_ANSWER, t(locale, 'button.answer'), message.view.roundId, 'primary'),
            button(ACTION_DECLINE, t(locale, 'button.decline'), message.view.roundId),
          ],
        },
      ];
    case 'reminder':
      return [
        {
          type: 'actions',
          elements: [button(ACTION_ANSWER, t(locale, 'button.answer'), message.view.roundId, 'primary')],
        },
      ];
    case 'receipt':
      return message.view.canEdit
        ? [{ type: 'actions', elements: [button(ACTION_EDIT, t(locale, 'button.edit'), message.view.roundId)] }]
        : [];
    case 'notice':
      return [];
  }
}

/** The Slack messages (usually one) that carry `message`; buttons sit on the last. */
export function memberMessages(message: MemberMessage): SlackMessage[] {
  const { title, body } = renderMemberMessage(message, slackFormatter);
  if (message.kind === 'notice') return packMessages(plainSections(body), escapeMrkdwn(body), buttonsOf(message));
  const blocks = [...mrkdwnSections(slackFormatter.bold(title)), ...mrkdwnSections(body)];
  return packMessages(blocks, title, buttonsOf(message));
}
