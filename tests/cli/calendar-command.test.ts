import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.ts';
import { runJamun } from './cli-sandbox.ts';

const businessDays = (...args: string[]) => runJamun('calendar', 'business-days', ...args);

describe('jamun calendar business-days', () => {
  it('GIVEN the report window WHEN counted THEN the Seollal days are listed and the last line says 4 business days', async () => {
    const r = await businessDays('2024-02-08', '2024-02-15');
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain('2024-02-09');
    expect(r.out).toContain('2024-02-12');
    expect(r.out.split('\n').at(-1)).toMatch(/^4 business days/);
  });

  it('GIVEN an extra closed day WHEN counted THEN it is listed and not counted', async () => {
    const r = await businessDays('2024-02-13', '2024-02-15', '--closed', '2024-02-14');
    expect(r.out).toContain('2024-02-14  closed (config)');
    expect(r.out.split('\n').at(-1)).toMatch(/^2 business days/);
  });

  it('GIVEN an unknown country THEN it exits 2 with a clear message', async () => {
    const r = await businessDays('2024-02-08', '2024-02-15', '--country', 'XX');
    expect(r.code).toBe(EXIT.usage);
    expect(r.firstErr).toBe('No public-holiday data for country "XX". Use an ISO code such as KR, US, DE.');
  });

  it('GIVEN a malformed date THEN it exits 2 and names the value', async () => {
    const r = await businessDays('2024-02-30', '2024-03-05');
    expect(r.code).toBe(EXIT.usage);
    expect(r.firstErr).toBe('FROM: "2024-02-30" is not a date (no such day in the calendar).');
  });

  it('GIVEN reversed dates THEN it exits 2 asking for the earlier date first, and prints no count', async () => {
    const r = await businessDays('2024-02-15', '2024-02-08');
    expect(r.code).toBe(EXIT.usage);
    expect(r.firstErr).toBe('FROM (2024-02-15) is after TO (2024-02-08): give the earlier date first.');
    expect(r.out).toBe('');
  });

  it('GIVEN two bad dates THEN both are reported, in order, exit 2', async () => {
    const r = await businessDays('2024-13-01', 'someday');
    expect(r.code).toBe(EXIT.usage);
    expect(r.errLines).toEqual([
      'FROM: "2024-13-01" is not a date (no such day in the calendar).',
      'TO: "someday" is not a date (expected YYYY-MM-DD).',
    ]);
  });

  it('GIVEN --closed garbage THEN 2 naming the option and the value, never an internal field', async () => {
    const r = await businessDays('2024-02-08', '2024-02-15', '--closed', '2024-02-14,garbage');
    expect(r.code).toBe(EXIT.usage);
    expect(r.errLines).toEqual(['--closed: "garbage" is not a date (expected YYYY-MM-DD).']);
    expect(r.err).not.toContain('extraClosedDays');
  });

  it('GIVEN --help WHEN asked THEN the usage is printed and the exit code is 0', async () => {
    const r = await businessDays('--help');
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain('business-days');
  });
});
