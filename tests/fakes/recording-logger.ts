/** A logger that keeps every entry, so a test can read what an operator would. */
import type { Logger } from '../../src/core/ports/logger.ts';

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  context: Record<string, unknown>;
  message: string;
}

export function recordingLogger(): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at =
    (level: LogEntry['level']) =>
    (context: Record<string, unknown>, message: string): void => {
      entries.push({ level, context, message });
    };
  const logger: Logger & { entries: LogEntry[] } = {
    entries,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: () => logger,
  };
  return logger;
}
