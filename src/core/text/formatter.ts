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
  /** A link to a normalised https address (from the configuration); the label is already escaped. */
  link(url: string, label: string): string;
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
  link: (url, label) => `${label}: ${url}`,
  messageLimit: 100_000,
};
