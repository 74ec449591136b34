import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createPinoLogger, redactTokens } from '../../../src/adapters/logging/pino-logger.ts';

function sink() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream, lines };
}

describe('the pino logger', () => {
  it('GIVEN a Slack token in a message or a field THEN neither reaches the log', () => {
    const s = sink();
    const logger = createPinoLogger('info', s.stream);
    logger.info({ detail: 'auth with xoxb-1234-5678-abcdef', botToken: 'xoxb-secret' }, 'using xapp-1-A0-123-abc');
    const text = s.lines.join('');
    expect(text).not.toContain('xoxb-1234');
    expect(text).not.toContain('xoxb-secret');
    expect(text).not.toContain('xapp-1-A0');
    expect(text).toContain('[redacted]');
  });

  it('GIVEN a Discord-shaped token THEN it is redacted', () => {
    const token = `MTA${'x'.repeat(21)}.Gabcde.${'y'.repeat(30)}`;
    expect(redactTokens(`token ${token} end`)).toBe('token [redacted] end');
  });

  it('GIVEN a child logger THEN its bindings appear with the entry', () => {
    const s = sink();
    createPinoLogger('info', s.stream).child({ roundId: '2024-1' }).warn({ jobKey: 'k' }, 'job failed');
    const entry = JSON.parse(s.lines[0] ?? '{}') as Record<string, unknown>;
    expect(entry).toMatchObject({ roundId: '2024-1', jobKey: 'k', msg: 'job failed' });
  });
});
