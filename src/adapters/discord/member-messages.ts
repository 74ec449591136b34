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

/**
 * Messages a receipt may take. A receipt quotes every answer: 20 answers of
 * 1,500 characters were 20 DMs, which Discord lets a channel have 5 of in
 * 5 s, so each such receipt held a send lane for 20 s (and 16 of them the
 * whole fan-out). A longer one is its first message and a note, with the
 * whole attached as a text file, as a long interaction reply is.
 */
const MAX_RECEIPT_MESSAGES = 4;

/** Name of the text file a long receipt is attached as. */
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
  const chunks = splitText(parts.join('\n\n'), DISCORD_MESSAGE_LIMIT);
  if (message.kind !== 'receipt' || chunks.length <= MAX_RECEIPT_MESSAGES) return { chunks, components };
  const plain = renderMemberMessage(message, plainFormatter);
  return {
    chunks: [
      chunks[0] ?? '',
      dt(message.locale, 'discord.receipt.asFile', { count: chunks.length, file: RECEIPT_FILE }),
    ],
    components,
    file: {
      name: RECEIPT_FILE,
      mimeType: 'text/plain; charset=utf-8',
      content: Buffer.from(plain.title === '' ? plain.body : `${plain.title}\n\n${plain.body}`),
    },
  };
}
