/**
 * How a platform formats text. Core renderers build chat messages through a
 * formatter, so people's text is escaped once, by the platform that knows how.
 */
export interface TextFormatter {
  /** Text from people, made inert: no pings, no formatting, no links. */
  escape(text: string): string;
  /** Bold text; the argument is already escaped. */
  bold(text: string): string;
  /** A quoted block (each line quoted); the argument is already escaped. */
  quote(text: string): string;
  /** Largest characters in one message on this platform. */
  readonly messageLimit: number;
}

/** Puts `prefix` before every line of `text` (a quote or an indent). */
export function prefixLines(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => `${prefix}${line}`)
    .join('\n');
}

/** Plain text with no markup: the local messenger and the CLI. */
export const plainFormatter: TextFormatter = {
  escape: (text) => text,
  bold: (text) => text,
  quote: (text) => prefixLines(text, '  '),
  messageLimit: 100_000,
};

/**
 * Splits text into chunks of at most `limit` characters, preferring line
 * breaks, then spaces. Only the line break a cut falls on is dropped.
 */
export function splitText(text: string, limit: number): string[] {
  // A surrogate pair cannot fit a limit of 1 without splitting it.
  if (limit < 2) throw new RangeError('limit must be at least 2');
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    let cut = window.lastIndexOf('\n');
    if (cut < limit / 2) cut = window.lastIndexOf(' ');
    if (cut < limit / 2) cut = limit;
    // Never split a surrogate pair.
    const code = rest.charCodeAt(cut - 1);
    if (cut === limit && code >= 0xd800 && code <= 0xdbff) cut -= 1;
    chunks.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\n/, '');
  }
  if (rest.length > 0 || chunks.length === 0) chunks.push(rest);
  return chunks;
}
