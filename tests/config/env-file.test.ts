import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadEnvFile } from '../../src/config/env.ts';

const folder = mkdtempSync(join(tmpdir(), 'jamun-env-file-'));
const names = ['JAMUN_TEST_FROM_FILE', 'JAMUN_TEST_ALREADY_SET', 'JAMUN_TEST_QUOTED'];
afterAll(() => rmSync(folder, { recursive: true, force: true }));
afterEach(() => {
  for (const name of names) delete process.env[name];
});

describe('loadEnvFile', () => {
  it('GIVEN an env file THEN its variables are added, quotes and comments understood, and variables already set win', () => {
    const file = join(folder, 'jamun.env');
    writeFileSync(
      file,
      '# a comment\nJAMUN_TEST_FROM_FILE=file:./data/x.db\nJAMUN_TEST_ALREADY_SET=from-file\nJAMUN_TEST_QUOTED="a b"\n',
    );
    process.env.JAMUN_TEST_ALREADY_SET = 'from-environment';
    expect(loadEnvFile(file)).toBeNull();
    expect(process.env.JAMUN_TEST_FROM_FILE).toBe('file:./data/x.db');
    expect(process.env.JAMUN_TEST_ALREADY_SET).toBe('from-environment');
    expect(process.env.JAMUN_TEST_QUOTED).toBe('a b');
  });

  it('GIVEN --env naming a missing file THEN the problem is one line naming it', () => {
    expect(loadEnvFile(join(folder, 'missing.env'))).toBe(`--env ${join(folder, 'missing.env')}: no such file.`);
  });
});
