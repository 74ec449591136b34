/**
 * `jamun --help` is printed from src/cli/help.txt by bin.mjs without loading
 * tsx or commander (fast). This test holds that file to what commander
 * prints for the program, so the two never drift. When it fails, write the
 * file again from commander's output:
 *   npx tsx -e "import('./src/cli/main.ts').then((m) => m.main(['node', 'jamun', '--help']))" > src/cli/help.txt
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.ts';
import { runJamun } from './cli-sandbox.ts';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HELP_FILE = new URL('../../src/cli/help.txt', import.meta.url);

describe('jamun --help', () => {
  it('GIVEN commander builds the program THEN its help is exactly src/cli/help.txt', async () => {
    const r = await runJamun('--help');
    expect(r.code).toBe(EXIT.ok);
    expect(`${r.out}\n`).toBe(readFileSync(HELP_FILE, 'utf8'));
  });

  it('GIVEN --help, -h or help on the real command THEN the file is printed, exit 0', () => {
    for (const flag of ['--help', '-h', 'help']) {
      const run = spawnSync(process.execPath, ['src/cli/bin.mjs', flag], { cwd: REPO_ROOT, encoding: 'utf8' });
      expect(run.status, flag).toBe(0);
      expect(run.stdout, flag).toBe(readFileSync(HELP_FILE, 'utf8'));
    }
  });
});
