/**
 * How fast the command line answers: `jamun --help` (target 0.5 s) and
 * `jamun config check` on the shipped configuration (target 1.5 s), run as
 * an operator runs them (`node src/cli/bin.mjs`, a fresh process each time),
 * median of five runs. The targets are on the process's CPU time: on the
 * shared 2-core machine wall time is mostly waiting for the other helpers'
 * work (it is printed too, with the load average and `node -e 0` beside it).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SuiteResult } from './targets.ts';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RUNS = 5;

/**
 * Prints the process's own CPU time (user + system, µs) on stderr as it
 * exits, after a marker: what the command costs whatever else runs on the
 * machine (its wall time on a loaded shared machine is mostly waiting).
 */
const CPU_MARKER = '__jamun_cpu_us__';
const CPU_HOOK = `data:text/javascript,import { writeSync } from 'node:fs'; process.on('exit', () => { const u = process.cpuUsage(); writeSync(2, '\\n${CPU_MARKER} ' + (u.user + u.system) + '\\n'); });`;

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** Median wall and CPU time in seconds of `node ARGS` from the repository root, with `env`. */
function measure(args: string[], env: NodeJS.ProcessEnv): { wall: number; cpu: number } {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    const run = spawnSync(process.execPath, ['--import', CPU_HOOK, ...args], {
      cwd: REPO_ROOT,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    walls.push((performance.now() - start) / 1000);
    if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
    const line = run.stderr.split('\n').find((l) => l.startsWith(CPU_MARKER));
    cpus.push(Number(line?.slice(CPU_MARKER.length + 1)) / 1e6);
  }
  return { wall: median(walls), cpu: median(cpus) };
}

export async function runCliBench(): Promise<SuiteResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'jamun-cli-bench-'));
  try {
    // No database yet, as on a fresh clone: config check compares with running rounds only when one exists.
    const env = { PATH: process.env.PATH ?? '', HOME: tmpdir(), DATABASE_URL: `file:${path.join(dir, 'jamun.db')}` };
    const baseline = measure(['-e', '0'], env);
    const help = measure(['src/cli/bin.mjs', '--help'], env);
    const check = measure(['src/cli/bin.mjs', 'config', 'check'], env);
    const seconds = (value: number): string => `${value.toFixed(2)} s`;
    const target = (name: string, value: number, floor: number) =>
      ({ name, value, floor, unit: 's', higherIsBetter: false }) as const;
    return {
      figures: {
        'load average (1 min) / cores': `${loadavg()[0]?.toFixed(1)} / ${cpus().length}`,
        'node -e 0: wall / CPU (the machine itself)': `${seconds(baseline.wall)} / ${seconds(baseline.cpu)}`,
        'jamun --help: wall (waits for the shared cores)': seconds(help.wall),
        'jamun config check: wall (waits for the shared cores)': seconds(check.wall),
      },
      targets: [
        target('jamun --help, CPU time (median of 5)', help.cpu, 0.5),
        target('jamun config check (shipped config), CPU time (median of 5)', check.cpu, 1.5),
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
