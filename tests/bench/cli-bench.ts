/**
 * How fast the command line answers: `jamun --help` (target 0.5 s) and
 * `jamun config check` on the shipped configuration (target 1.5 s), run as
 * an operator runs them (`node src/cli/bin.mjs`, a fresh process each time),
 * median of five wall-clock runs. `node -e 0` is measured alongside: on the
 * shared machine it shows how much of a figure is the machine's load.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SuiteResult } from './targets.ts';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RUNS = 5;

/** Median wall time in seconds of `node ARGS` from the repository root, with `env`. */
function medianSeconds(args: string[], env: NodeJS.ProcessEnv): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    const run = spawnSync(process.execPath, args, { cwd: REPO_ROOT, env, stdio: 'ignore' });
    if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status}`);
    times.push((performance.now() - start) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)] ?? Number.NaN;
}

export async function runCliBench(): Promise<SuiteResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'jamun-cli-bench-'));
  try {
    // No database yet, as on a fresh clone: config check compares with running rounds only when one exists.
    const env = { PATH: process.env.PATH ?? '', HOME: tmpdir(), DATABASE_URL: `file:${path.join(dir, 'jamun.db')}` };
    const baseline = medianSeconds(['-e', '0'], env);
    const help = medianSeconds(['src/cli/bin.mjs', '--help'], env);
    const check = medianSeconds(['src/cli/bin.mjs', 'config', 'check'], env);
    const seconds = (value: number): string => `${value.toFixed(2)} s`;
    return {
      figures: { 'node -e 0 (the machine, median of 5)': seconds(baseline) },
      targets: [
        { name: 'jamun --help, median of 5', value: help, floor: 0.5, unit: 's', higherIsBetter: false },
        {
          name: 'jamun config check (shipped config), median of 5',
          value: check,
          floor: 1.5,
          unit: 's',
          higherIsBetter: false,
        },
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
