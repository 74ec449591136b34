import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/core/i18n/catalogue.ts';
import { EXIT } from '../../src/cli/exit-codes.ts';
import { main } from '../../src/cli/main.ts';
import { captureOutput as capture } from '../fakes/capture-output.ts';
import { SEED_ROUND_FILE, useCliSandbox } from './cli-sandbox.ts';

describe('jamun config check', () => {
  const sandbox = useCliSandbox({ prefix: 'jamun-config-' });
  it('GIVEN the shipped configuration THEN it is valid and the counts are printed', async () => {
    const c = capture();
    const code = await main(['node', 'jamun', 'config', 'check', '--config', 'config'], c.output);
    expect(c.err.filter((l) => !l.startsWith('warning'))).toEqual([]);
    expect(code).toBe(0);
    expect(c.out[0]).toBe('OK: 1 committee, 7 members, 1 round.');
  });

  it('GIVEN a round whose window closes before it opens and a prompt missing THEN both are printed with file and path, exit 6 (configuration)', async () => {
    const dir = sandbox.configWith(SEED_ROUND_FILE, (text) =>
      text
        .replace('closes: 2024-02-15 18:00', 'closes: 2024-02-07 18:00')
        .replace(
          '      - prompt: 사업홍보 및 판로지원 등 서울과 지역의 지속적 지원방안',
          '      - help: 프롬프트 없음',
        ),
    );
    const c = capture();
    const code = await main(['node', 'jamun', 'config', 'check', '--config', dir], c.output);
    expect(code).toBe(EXIT.config);
    const errors = c.err.join('\n');
    expect(errors).toMatch(/rounds\/2024-1\.yaml: window\.closes: /);
    expect(errors).toMatch(/rounds\/2024-1\.yaml: agenda\[1\]\.questions\[2\]\.prompt: required/);
  });

  it('GIVEN a YAML syntax error THEN the file and line are printed', async () => {
    const c = capture();
    const code = await main(
      ['node', 'jamun', 'config', 'check', '--config', 'tests/config/fixtures/syntax-error/config'],
      c.output,
    );
    expect(code).toBe(EXIT.config);
    expect(c.err.join('\n')).toMatch(/broken\.yaml:\d+:\d+: YAML syntax error/);
  });

  it('GIVEN a round window in 2029 THEN config check warns that 2029 is computed, and an imported list silences it', async () => {
    const dir = sandbox.configWith(SEED_ROUND_FILE, (text) =>
      text.replace(/2024-02-08/g, '2029-03-05').replace(/2024-02-15/g, '2029-03-12'),
    );
    const c = capture();
    expect(await main(['node', 'jamun', 'config', 'check', '--config', dir], c.output)).toBe(0);
    expect(c.err).toContain(`warning: round 2024-1: ⚠ ${t('ko', 'calendar.computed', { years: '2029' })}`);

    mkdirSync(path.join(dir, 'holidays'));
    writeFileSync(path.join(dir, 'holidays', 'KR-2029.csv'), '2029-01-01,1월 1일\n2029-03-01,3·1절\n');
    const after = capture();
    expect(await main(['node', 'jamun', 'config', 'check', '--config', dir], after.output)).toBe(0);
    expect(after.err.filter((line) => line.includes('2029'))).toEqual([]);
    expect(after.out[0]).toBe('OK: 1 committee, 7 members, 1 round, imported holiday lists: KR 2029.');
  });

  it('GIVEN a malformed holiday list in the configuration THEN config check names its file and line, exit 6 (configuration)', async () => {
    const dir = sandbox.configWith(SEED_ROUND_FILE, (text) => text);
    mkdirSync(path.join(dir, 'holidays'));
    writeFileSync(path.join(dir, 'holidays', 'KR-2029.csv'), '2029-01-01,1월 1일\n2029-02-31,설날\n');
    const c = capture();
    expect(await main(['node', 'jamun', 'config', 'check', '--config', dir], c.output)).toBe(EXIT.config);
    expect(c.err.join('\n')).toMatch(/holidays\/KR-2029\.csv:2: date "2029-02-31" is not a real day/);
  });
});
