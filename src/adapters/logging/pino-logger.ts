/**
 * The Logger port on pino: JSON lines to stderr, tokens redacted by key and
 * by shape, so a secret never reaches a log even when passed by mistake.
 */
import pino from 'pino';
import type { Logger } from '../../core/ports/logger.ts';

const TOKEN_SHAPES = /\b(xox[abposr]-[\w-]+|xapp-[\w-]+|[MN][\w-]{23,25}\.[\w-]{6}\.[\w-]{27,})/g;

/** Replaces anything shaped like a Slack or Discord token. */
export function redactTokens(text: string): string {
  return text.replace(TOKEN_SHAPES, '[redacted]');
}

export function createPinoLogger(level: string, destination: pino.DestinationStream = pino.destination(2)): Logger {
  const base = pino(
    {
      level,
      redact: {
        paths: [
          'token',
          'botToken',
          'appToken',
          'signingSecret',
          '*.token',
          '*.botToken',
          '*.appToken',
          '*.signingSecret',
          'headers.authorization',
        ],
        censor: '[redacted]',
      },
      formatters: {
        log: (object) => JSON.parse(redactTokens(JSON.stringify(object))) as Record<string, unknown>,
      },
    },
    destination,
  );
  return wrap(base);
}

function wrap(p: pino.Logger): Logger {
  return {
    debug: (c, m) => p.debug(c, redactTokens(m)),
    info: (c, m) => p.info(c, redactTokens(m)),
    warn: (c, m) => p.warn(c, redactTokens(m)),
    error: (c, m) => p.error(c, redactTokens(m)),
    child: (bindings) => wrap(p.child(bindings)),
  };
}
