/**
 * Bolt's logger interface on top of the Logger port. Bolt and the Socket
 * Mode client log whole payloads at debug level (answers, tokens in URLs),
 * so only warnings and errors pass, with anything token-like masked.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../core/ports/logger.ts';

const TOKEN = /\bx(?:ox[abpr]|app)-[A-Za-z0-9-]+/g;

function line(messages: unknown[]): string {
  return messages
    .map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m)))
    .join(' ')
    .replace(TOKEN, 'x***')
    .slice(0, 500);
}

/** A Bolt logger that forwards warnings and errors to `logger`. */
export function boltLogger(logger: Logger): BoltLogger {
  let name = 'slack';
  return {
    debug: () => {},
    info: () => {},
    warn: (...messages: unknown[]) => logger.warn({ lib: name }, line(messages)),
    error: (...messages: unknown[]) => logger.error({ lib: name }, line(messages)),
    setLevel: () => {},
    getLevel: () => LogLevel.WARN,
    setName: (value: string) => {
      name = value;
    },
  };
}
