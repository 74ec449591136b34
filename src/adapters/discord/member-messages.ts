/**
 * Member DMs as Discord messages: the shared words (`renderMemberMessage`),
 * the deadline as a Discord timestamp (shown in each reader's own zone),
 * and the buttons, split into messages of at most 2,000 characters.
 */
import type { MemberMessage, OutgoingFile } from '../../core/ports/messenger.ts';
import { plainFormatter } from '../../core/text/formatter.ts';
import { renderMemberMessage } from '../../core/text/render-views.ts';
import { splitText } from '../../core/text/split-text.ts';
import { type ButtonRow, invitationButtons, receiptButtons, reminderButtons } from './components-invitation.ts';
import { DISCORD_MESSAGE_LIMIT, discordFormatter } from './discord-formatter.ts';
import { dt } from './discord-texts.ts';
import { textFile, withinMessages } from './long-text.ts';

/**
 * A receipt quotes every answer: 20 answers of 1,500 characters were 20 DMs, which Discord lets a channel have
 * 5 of in 5 s, so each such receipt held a send lane for 20 s (and 16 of them the whole fan-out). A long one
 * goes as a long interaction reply does (long-text.ts), the whole attached in plain text under this name.
 */
const RECEIPT_FILE = 'jamun-receipt.txt';

/** Messages to send in order; the buttons (and the file, if any) go with the last one. */
export interface DiscordDm {
  chunks: string[];
  components: ButtonRow[];
  /** The whole message as plain text, when the chunks show only its first part. */
  file?: OutgoingFile;
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
  const text = parts.join('\n\n');
  if (message.kind !== 'receipt') return { chunks: splitText(text, DISCORD_MESSAGE_LIMIT), components };
  const { chunks, cut } = withinMessages(text, (count) =>
    dt(message.locale, 'discord.receipt.asFile', { count, file: RECEIPT_FILE }),
  );
  if (!cut) return { chunks, components };
  const plain = renderMemberMessage(message, plainFormatter);
  const whole = plain.title === '' ? plain.body : `${plain.title}\n\n${plain.body}`;
  return { chunks, components, file: textFile(RECEIPT_FILE, whole) };
}
