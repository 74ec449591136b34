/**
 * Making people's text inert in Markdown, so an answer can never open a
 * heading, a table row, a code block, a link or raw HTML in the summary.
 * Uses CommonMark backslash escapes, which render as the plain character.
 */

/** Characters that are significant anywhere in a line. */
const INLINE_SPECIALS = /[\\`*_[\]<>|~#]/g;
/** Entity references (`&amp;`, `&#35;`) would render as the character they name. */
const ENTITY = /&(?=#?\w+;)/g;
/** Line starts that open a block: list markers, setext underlines, ordered lists. */
const BLOCK_START = /^([ \t]*)([-+=]|\d+(?=[.)]))/gm;

/**
 * Text placed after other text on a line (a cell, a heading, a name after a
 * list marker): escaped, line breaks become spaces. Block markers need no
 * escape there, which keeps ids like `1.2` readable.
 */
export function escapeMarkdownInline(text: string): string {
  return escapeSpecials(text.replace(/\r\n?|\n/g, ' '));
}

/** Multi-line text: every line escaped, including what would open a block at its start. */
export function escapeMarkdownLines(text: string): string[] {
  // Whole-text passes: far cheaper than per-line work on 10,000 long answers.
  return escapeBlockStarts(escapeSpecials(text)).split(/\r\n?|\n/);
}

function escapeSpecials(text: string): string {
  return text.replace(INLINE_SPECIALS, '\\$&').replace(ENTITY, '\\&');
}

function escapeBlockStarts(text: string): string {
  return text.replace(BLOCK_START, (_whole, indent: string, marker: string) =>
    /^\d/.test(marker) ? `${indent}${marker}\\` : `${indent}\\${marker}`,
  );
}
