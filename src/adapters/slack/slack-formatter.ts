/**
 * Slack mrkdwn formatting. People's text is made inert here, once: Slack's
 * control sequences (`<!channel>`, `<@U…>`, `<url|label>`) only exist behind
 * `<`, so escaping `&`, `<`, `>` (Slack's documented escapes) disarms them;
 * mrkdwn has no escape for its emphasis markers or `@here` words, so those
 * get a zero-width character that breaks the markup without changing what a
 * reader sees.
 */
import { prefixLines, type TextFormatter } from '../../core/text/formatter.ts';
import { SLACK_BLOCK, SLACK_ELEMENT, SLACK_MESSAGE, SLACK_VIEW } from './slack-limits.ts';

// Slack's documented limits, from the shared table (slack-limits.ts) the test fake also reads.
/** A section block's text. */
export const SECTION_TEXT_LIMIT = SLACK_BLOCK.sectionText;
/** What one message carries comfortably: Slack truncates very long messages (≈ 13k chars rendered). */
export const MESSAGE_TEXT_LIMIT = SLACK_MESSAGE.comfortable;
/** Blocks per message. */
export const MESSAGE_BLOCK_LIMIT = SLACK_MESSAGE.blocks;
/** Blocks per modal view. */
export const VIEW_BLOCK_LIMIT = SLACK_VIEW.blocks;
/** Characters of a `plain_text_input` value. */
export const INPUT_VALUE_LIMIT = SLACK_ELEMENT.inputValue;
/** Characters of a modal title (and of its submit and close buttons). */
export const VIEW_TITLE_LIMIT = SLACK_VIEW.title;
/** Characters of an input block label. */
export const LABEL_LIMIT = SLACK_BLOCK.inputLabel;
/** Characters of a button's text. */
export const BUTTON_TEXT_LIMIT = SLACK_ELEMENT.buttonText;
/** Characters of an option's text. */
export const OPTION_TEXT_LIMIT = SLACK_ELEMENT.optionText;

const ZERO_WIDTH_SPACE = '\u200B';
const WORD_JOINER = '\u2060';

/** Escapes `&`, `<`, `>` as Slack requires; nothing else. */
function escapeControl(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Undoes Slack's escaping of `&`, `<`, `>` in text Slack sends us (message events). */
export function unescapeControl(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Makes people's text inert in mrkdwn: no pings, no links, no emphasis, no quotes. */
export function escapeMrkdwn(text: string): string {
  return escapeControl(text)
    .replace(/@(channel|here|everyone)\b/gi, `@${WORD_JOINER}$1`)
    .replace(/[*_~`]/g, (marker) => `${marker}${ZERO_WIDTH_SPACE}`)
    .replace(/^&gt;/gm, `${ZERO_WIDTH_SPACE}&gt;`);
}

/** The Slack formatter the core renderers use. */
export const slackFormatter: TextFormatter = {
  escape: escapeMrkdwn,
  bold: (text) => (text.trim() === '' ? text : `*${text}*`),
  quote: (text) => prefixLines(text, '>'),
  // A normalised https address holds no `<`, `>` or `|`-breaking space; the label is escaped already.
  link: (url, label) => `<${url}|${label.replace(/\|/g, '/')}>`,
  messageLimit: MESSAGE_TEXT_LIMIT,
};
