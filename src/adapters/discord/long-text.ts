/**
 * Text that would take more than a few Discord messages goes as its first
 * message and a note, the whole attached as a text file: dozens of messages
 * each count against the rate limits (a DM channel takes 5 in 5 s, an
 * interaction's follow-ups share one bucket) and bury the start of what was
 * said. Long interaction replies and long receipts both go this way.
 */
import type { OutgoingFile } from '../../core/ports/messenger.ts';
import { splitText } from '../../core/text/split-text.ts';
import { DISCORD_MESSAGE_LIMIT } from './discord-formatter.ts';

/** Messages a reply or a receipt may take before it goes as a file. */
const MAX_MESSAGES = 4;

/**
 * `text` as Discord messages: all of them when they are `MAX_MESSAGES` or
 * fewer (`cut` false), else the first and `note(count)` (`cut` true: the
 * caller attaches the whole).
 */
export function withinMessages(text: string, note: (count: number) => string): { chunks: string[]; cut: boolean } {
  const chunks = splitText(text, DISCORD_MESSAGE_LIMIT);
  if (chunks.length <= MAX_MESSAGES) return { chunks, cut: false };
  return { chunks: [chunks[0] ?? '', note(chunks.length)], cut: true };
}

/** `text` as a UTF-8 text file named `name`. */
export function textFile(name: string, text: string): OutgoingFile {
  return { name, mimeType: 'text/plain; charset=utf-8', content: Buffer.from(text) };
}
