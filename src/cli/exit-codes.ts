/**
 * The exit codes of `jamun`: part of its interface, documented in the README
 * ("Exit codes"). Scripts test them; every CLI verb uses these names, never
 * bare numbers.
 */
import type { ErrorCode } from '../core/errors.ts';

export const EXIT = {
  /** Done: the result is on stdout. */
  ok: 0,
  /** A bug: something unexpected failed (one line on stderr, no stack unless JAMUN_DEBUG=1). */
  internal: 1,
  /** The command line is wrong: unknown option, bad date, bad format, a missing argument. */
  usage: 2,
  /** Refused: the round's state (or the clock) does not allow it, e.g. opening a closed round. */
  refused: 3,
  /** The round (or another named thing) does not exist. */
  notFound: 4,
  /** A file or the database could not be read or written (DATABASE_URL, --out). */
  io: 5,
  /** The configuration or the environment is invalid (`config check` lists every problem). */
  config: 6,
  /** A messenger (Slack, Discord) or the running bot could not be reached. */
  unavailable: 7,
} as const;

/** One of the documented exit codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The exit code of a domain error: not found, usage, or refused by the round's state. */
export function exitCodeOf(code: ErrorCode): ExitCode {
  if (code === 'ROUND.NOT_FOUND' || code === 'DRAFT.UNKNOWN_COMMITTEE' || code === 'DRAFT.NOT_FOUND')
    return EXIT.notFound;
  if (code === 'DATE.INVALID' || code === 'EXPORT.FORMAT' || code === 'REPORT.FORMAT' || code === 'ROUND.AMBIGUOUS')
    return EXIT.usage;
  if (code.startsWith('COMMAND.')) return EXIT.usage;
  return EXIT.refused;
}

/**
 * A failure a command reports and ends with: one line (or a few) on stderr
 * and `exitCode`. Thrown from deep inside a command, caught by `main`.
 */
export class CliFailure extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
    this.name = 'CliFailure';
  }
}
