/**
 * Member DMs as Discord messages: the shared words (`renderMemberMessage`),
 * the deadline as a Discord timestamp (shown in each reader's own zone),
 * and the buttons, split into messages of at most 2,000 characters.
 */
import type { MemberMessage } from '../../core/ports/messenger.ts';
import { renderMemberMessage } from '../../core/text/render-views.ts';
import { splitText } from '../../core/text/split-text.ts';
import { type ButtonRow, invitationButtons, receiptButtons, reminderButtons } from './components-invitation.ts';
import { DISCORD_MESSAGE_LIMIT, discordFormatter } from './discord-formatter.ts';
import { dt } from './discord-texts.ts';

/** Messages to send in order; the buttons go under the last one. */
export interface DiscordDm {
  chunks: string[];
  components: ButtonRow[];
}

function deadlineLine(message: MemberMessage, closesAt: Date): string {
  const unix = Math.floor(closesAt.getTime() / 1000);
  return dt(message.locale, 'discord.deadline', { timestamp: `<t:${unix}:F>`, relative: `<t:${unix}:R>` });
}

/** Renders a member message for a Discord DM. */
export function renderMemberDm(message: MemberMessage): DiscordDm {
  const { title, body } = renderMemberMessage(message, discordFormatter);
  const parts = title === '' ? [body] : [discordFormatter.bold(title), body];
  let components: ButtonRow[] = [];
  switch (message.kind) {
    case 'invitation':
      parts.push(deadlineLine(message, message.view.closesAt));
      components = invitationButtons(message.view.roundId, message.locale);
      break;
    case 'reminder':
      parts.push(deadlineLine(message, message.view.closesAt));
      components = reminderButtons(message.view.roundId, message.locale);
      break;
    case 'receipt':
      if (message.view.canEdit) components = receiptButtons(message.view.roundId, message.locale);
      break;
    case 'notice':
      break;
  }
  return { chunks: splitText(parts.join('\n\n'), DISCORD_MESSAGE_LIMIT), components };
}
