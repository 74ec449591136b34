import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { captureOutput as capture } from '../fakes/capture-output.ts';

describe('jamun calendar business-days', () => {
  it('GIVEN the report window WHEN counted THEN the Seollal days are listed and the last line says 4 business days', async () => {
    const c = capture();
    const code = await main(['node', 'jamun', 'calendar', 'business-days', '2024-02-08', '2024-02-15'], c.output);
    expect(code).toBe(0);
    expect(c.out.join('\n')).toContain('2024-02-09');
    expect(c.out.join('\n')).toContain('2024-02-12');
    expect(c.out.at(-1)).toMatch(/^4 business days/);
  });

  it('GIVEN an extra closed day WHEN counted THEN it is listed and not counted', async () => {
    const c = capture();
    await main(
      ['node', 'jamun', 'calendar', 'business-days', '2024-02-13', '2024-02-15', '--closed', '2024-02-14'],
      c.output,
    );
    expect(c.out.join('\n')).toContain('2024-02-14  closed (config)');
    expect(c.out.at(-1)).toMatch(/^2 business days/);
  });

  it('GIVEN an unknown country THEN it exits 2 with a clear message', async () => {
    const c = capture();
    const code = await main(
      ['node', 'jamun', 'calendar', 'business-days', '2024-02-08', '2024-02-15', '--country', 'XX'],
      c.output,
    );
    expect(code).toBe(2);
    expect(c.err.join('\n')).toContain('"XX"');
  });

  it('GIVEN a malformed date THEN it exits 2 and names the value', async () => {
    const c = capture();
    const code = await main(['node', 'jamun', 'calendar', 'business-days', '2024-02-30', '2024-03-05'], c.output);
    expect(code).toBe(2);
    expect(c.err.join('\n')).toContain('2024-02-30');
  });

  it('GIVEN --help WHEN asked THEN the usage is printed and the exit code is 0', async () => {
    const c = capture();
    const code = await main(['node', 'jamun', 'calendar', 'business-days', '--help'], c.output);
    expect(code).toBe(0);
    expect(c.out.join('\n')).toContain('business-days');
  });
});
