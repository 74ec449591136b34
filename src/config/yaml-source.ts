/**
 * Reads the text of one YAML file into plain data, or into its first syntax
 * error with line and column.
 */
import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import type { ConfigError } from './config-error.ts';

/** The parsed content, or the file's first syntax error. */
export type YamlReadResult = { ok: true; content: unknown } | { ok: false; errors: ConfigError[] };

const FRIENDLY: Partial<Record<YAMLError['code'], string>> = {
  MULTIPLE_DOCS: "a file must hold one YAML document (remove the extra '---')",
  DUPLICATE_KEY: 'duplicate key',
};

/** Alias expansions allowed per file; real configuration files use few or none. */
const MAX_ALIASES = 100;

/** Parses `text` (the content of `file`, used in error reports). An empty file yields `null`. */
export function readYaml(file: string, text: string): YamlReadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, lineCounter });
  // Only the first: the parser's later errors in the same file mostly restate it.
  const first = doc.errors[0];
  if (first) {
    const { line, col } = lineCounter.linePos(first.pos[0]);
    const message = `YAML syntax error: ${FRIENDLY[first.code] ?? first.message}`;
    return { ok: false, errors: [{ file, path: '', line, column: col, message }] };
  }
  try {
    return { ok: true, content: doc.toJS({ maxAliasCount: MAX_ALIASES }) as unknown };
  } catch (error) {
    // An "alias bomb" (billion laughs): *aliases that expand to millions of nodes.
    const message =
      error instanceof ReferenceError && /alias/i.test(error.message)
        ? `too many YAML aliases (*name): more than ${MAX_ALIASES} expansions, which looks like an "alias bomb"; write the values out instead`
        : `YAML could not be read: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, errors: [{ file, path: '', message }] };
  }
}
