/**
 * Structured logging. The pino-backed implementation redacts tokens; the
 * core only ever passes ids and codes, never answer text or secrets.
 */
export interface Logger {
  debug(context: Record<string, unknown>, message: string): void;
  info(context: Record<string, unknown>, message: string): void;
  warn(context: Record<string, unknown>, message: string): void;
  error(context: Record<string, unknown>, message: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

/** Discards everything: tests that do not look at logs. */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => silentLogger,
};

/** Keeps every entry in memory, for tests that assert on logs. */
export class MemoryLogger implements Logger {
  readonly entries: Array<{ level: string; message: string; context: Record<string, unknown> }> = [];
  constructor(
    private readonly bindings: Record<string, unknown> = {},
    sink?: MemoryLogger['entries'],
  ) {
    if (sink) this.entries = sink;
  }
  #push(level: string, context: Record<string, unknown>, message: string): void {
    this.entries.push({ level, message, context: { ...this.bindings, ...context } });
  }
  debug(c: Record<string, unknown>, m: string): void {
    this.#push('debug', c, m);
  }
  info(c: Record<string, unknown>, m: string): void {
    this.#push('info', c, m);
  }
  warn(c: Record<string, unknown>, m: string): void {
    this.#push('warn', c, m);
  }
  error(c: Record<string, unknown>, m: string): void {
    this.#push('error', c, m);
  }
  child(bindings: Record<string, unknown>): Logger {
    return new MemoryLogger({ ...this.bindings, ...bindings }, this.entries);
  }
}
