/**
 * Discord's text rules: Markdown escaped, mentions defused, 2,000 characters
 * per message. `allowed_mentions` already stops pings; defusing the syntax as
 * well keeps `<@id>` in an answer from even rendering as a mention.
 */
import { escapeMarkdown } from 'discord.js';
import { prefixLines, type TextFormatter } from '../../core/text/formatter.ts';
import { DISCORD_MESSAGE } from './discord-limits.ts';

/** Discord's limit for a message's `content` (discord-limits.ts). */
export const DISCORD_MESSAGE_LIMIT = DISCORD_MESSAGE.content;

/** Mentions parse nothing: no text the bot sends may ping anyone. */
export const NO_MENTIONS: { parse: [] } = { parse: [] };

const ZWSP = '\u200b';

/** People's text made inert for Discord: no formatting, no mentions, no quotes or headings. */
export function escapeDiscord(text: string): string {
  const escaped = escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true });
  return escaped
    .replace(/@(everyone|here)/g, `@${ZWSP}$1`)
    .replace(/<(@[!&]?|#|\/)/g, `<${ZWSP}$1`)
    .replace(/^>/gm, '\\>');
}

export const discordFormatter: TextFormatter = {
  escape: escapeDiscord,
  bold: (text) => `**${text}**`,
  quote: (text) => prefixLines(text, '> '),
  messageLimit: DISCORD_MESSAGE_LIMIT,
};
