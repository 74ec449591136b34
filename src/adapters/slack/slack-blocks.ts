/**
 * Block Kit building blocks within Slack's limits: text is split into
 * section blocks of at most 3000 characters and messages of at most 50
 * blocks and ~12k characters, never cut short.
 */
import type { types } from '@slack/bolt';
import { clip, splitText } from '../../core/text/split-text.ts';
import { MESSAGE_BLOCK_LIMIT, MESSAGE_TEXT_LIMIT, SECTION_TEXT_LIMIT, BUTTON_TEXT_LIMIT } from './slack-formatter.ts';

export type Block = types.KnownBlock;

/** One outgoing Slack message: notification text plus blocks. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** An HTML entity of escaped mrkdwn (`&amp;`, `&lt;`, `&gt;`): halved, it would show as garbage. */
const ENTITY = /&[a-z]+;/;

/** Section blocks carrying escaped mrkdwn, 3000 characters each at most. */
export function mrkdwnSections(text: string): Block[] {
  if (text.trim() === '') return [];
  return splitText(text, SECTION_TEXT_LIMIT, { unbreakable: ENTITY }).map((piece) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: piece, verbatim: true },
  }));
}

/** Section blocks carrying plain text (no markup can apply), 3000 characters each at most. */
export function plainSections(text: string): Block[] {
  if (text.trim() === '') return [];
  return splitText(text, SECTION_TEXT_LIMIT).map((piece) => ({
    type: 'section',
    text: { type: 'plain_text', text: piece, emoji: false },
  }));
}

/** A button carrying `value` (a round id) under `actionId`. */
export function button(actionId: string, label: string, value: string, style?: 'primary' | 'danger'): types.Button {
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: clip(label, BUTTON_TEXT_LIMIT) },
    value,
    ...(style ? { style } : {}),
  };
}

function blockTextLength(block: Block): number {
  return 'text' in block && block.text && typeof block.text === 'object' && 'text' in block.text
    ? block.text.text.length
    : 0;
}

/**
 * Packs blocks into as few messages as Slack takes: at most 50 blocks and
 * ~12k characters each. `trailer` (buttons) goes on the last message.
 */
export function packMessages(blocks: Block[], fallback: string, trailer: Block[] = []): SlackMessage[] {
  const messages: Block[][] = [[]];
  let chars = 0;
  for (const block of blocks) {
    const current = messages[messages.length - 1] ?? [];
    const length = blockTextLength(block);
    if (
      current.length > 0 &&
      (current.length + 1 > MESSAGE_BLOCK_LIMIT - trailer.length || chars + length > MESSAGE_TEXT_LIMIT)
    ) {
      messages.push([block]);
      chars = length;
    } else {
      current.push(block);
      chars += length;
    }
  }
  const last = messages[messages.length - 1] ?? [];
  last.push(...trailer);
  const text = clip(fallback, 300);
  return messages.map((list) => ({ text, blocks: list }));
}
