import { mkdtempSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { captureOutput as capture } from '../fakes/capture-output.ts';

describe('jamun config check', () => {
  it('GIVEN the shipped configuration THEN it is valid and the counts are printed', async () => {
    const c = capture();
    const code = await main(['node', 'jamun', 'config', 'check', '--config', 'config'], c.output);
    expect(c.err.filter((l) => !l.startsWith('warning'))).toEqual([]);
    expect(code).toBe(0);
    expect(c.out[0]).toBe('OK: 1 committee(s), 7 member(s), 1 round(s).');
  });

  it('GIVEN a round whose window closes before it opens and a prompt missing THEN both are printed with file and path, exit 1', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jamun-config-'));
    cpSync('config', dir, { recursive: true });
    const roundFile = path.join(dir, 'rounds', '2024-1.yaml');
    const text = readFileSync(roundFile, 'utf8')
      .replace('closes: 2024-02-15 18:00', 'closes: 2024-02-07 18:00')
      .replace('      - prompt: 사업홍보 및 판로지원 등 서울과 지역의 지속적 지원방안', '      - help: 프롬프트 없음');
    writeFileSync(roundFile, text);
    const c = capture();
    const code = await main(['node', 'jamun', 'config', 'check', '--config', dir], c.output);
    expect(code).toBe(1);
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
    expect(code).toBe(1);
    expect(c.err.join('\n')).toMatch(/broken\.yaml:\d+:\d+: YAML syntax error/);
  });
});
