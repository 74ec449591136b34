/**
 * Configuration problems as values. Every problem names the file it was
 * found in and the path of the offending key, so an operator can go
 * straight to it: `config/rounds/2024-1.yaml: agenda[1].questions[0].prompt: required`.
 */

/** One problem found in a configuration file or in the environment. */
export interface ConfigError {
  /**
   * Where: a file path relative to the working directory (e.g.
   * `config/rounds/2024-1.yaml`), a folder, or `environment` for variables.
   */
  file: string;
  /**
   * The offending key inside the file, zero-based indices in brackets
   * (`agenda[1].questions[0].prompt`); an environment variable name; or
   * `''` when the problem concerns the whole file.
   */
  path: string;
  /** What is wrong, in English (operator-facing). Never contains a secret value. */
  message: string;
  /** 1-based line, set for YAML syntax errors only (the path is empty then). */
  line?: number;
  /** 1-based column, set together with `line`. */
  column?: number;
}

/** A path segment as zod and the checks produce it. */
export type PathSegment = string | number;

/** `['agenda', 1, 'questions', 0, 'prompt']` → `agenda[1].questions[0].prompt`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/**
 * The one-line form operators see:
 * `file: path: message`, `file: message` for whole-file problems, and
 * `file:line:column: message` for YAML syntax errors.
 */
export function formatConfigError(error: ConfigError): string {
  const where =
    error.line === undefined
      ? error.file
      : `${error.file}:${error.line}${error.column === undefined ? '' : `:${error.column}`}`;
  return error.path === '' ? `${where}: ${error.message}` : `${where}: ${error.path}: ${error.message}`;
}

/** A problem located inside one file, before the file name is attached. */
export interface LocatedProblem {
  path: readonly PathSegment[];
  message: string;
}

/** Attaches `file` to problems found inside it. */
export function inFile(file: string, problems: readonly LocatedProblem[]): ConfigError[] {
  return problems.map((p) => ({ file, path: formatPath(p.path), message: p.message }));
}
