/**
 * Discord's text rules: Markdown escaped, mentions defused, 2,000 characters
 * per message. `allowed_mentions` already stops pings; defusing the syntax as
 * well keeps `<@id>` in an answer from even rendering as a mention.
 *
 * The escaper is our own, in a few single-pass replacements, so it is linear
 * in the text's length: discord.js's `escapeMarkdown` is quadratic on long
 * lines (41 ms for one line of 8,000 characters) and leaves every masked link
 * after the first on a line live. Discord drops a backslash before any ASCII
 * punctuation when rendering, so escaping more than needed never shows.
 */
import { prefixLines, type TextFormatter } from '../../core/text/formatter.ts';
import { DISCORD_MESSAGE } from './discord-limits.ts';

/** Discord's limit for a message's `content` (discord-limits.ts). */
export const DISCORD_MESSAGE_LIMIT = DISCORD_MESSAGE.content;

/** Mentions parse nothing: no text the bot sends may ping anyone. */
export const NO_MENTIONS: { parse: [] } = { parse: [] };

const ZWSP = '\u200b';

/**
 * Inline syntax anywhere on a line: emphasis, code, spoilers, masked links
 * (`[label](url)`), and everything behind `<`: mentions, channels, roles,
 * slash-command mentions, timestamps (`<t:0:F>`), custom emoji (`<:name:id>`)
 * and suppressed-embed links (`<https://…>`).
 */
const INLINE = /[\\*_~`|[\]()<>]/g;
/** Block syntax at the start of a line (after indentation): headings, `-# ` sub-text, lists, quotes. */
const LINE_START = /^([ \t]*)([#\-+]|\d+(?=[.)]))/gm;

/** People's text made inert for Discord: no formatting, no mentions, no links, no headings or lists. */
export function escapeDiscord(text: string): string {
  return text
    .replace(INLINE, '\\$&')
    .replace(LINE_START, (_all, indent: string, mark: string) =>
      /^\d/.test(mark) ? `${indent}${mark}\\` : `${indent}\\${mark}`,
    )
    .replace(/@(everyone|here)/g, `@${ZWSP}$1`);
}

export const discordFormatter: TextFormatter = {
  escape: escapeDiscord,
  bold: (text) => `**${text}**`,
  quote: (text) => prefixLines(text, '> '),
  // `<…>` keeps the address a link without an embed; it holds no `<`, `>` or space once normalised.
  link: (url, label) => `${label}: <${url}>`,
  messageLimit: DISCORD_MESSAGE_LIMIT,
};
