/**
 * What the two ack benches share (`ack-bench.ts` on Slack,
 * `ack-bench-discord.ts` on Discord), so that both measure the same thing
 * the same way: the configuration (BURST + FANOUT members, a round open now
 * with two agenda items of 10 questions, no reminders), the real `jamun
 * start` as a child process on SQLite, the answers members type, and the
 * latency figures and targets read from the acks' times.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { openRoundConfig } from '../fakes/open-round-config.ts';
import { cleanEnv } from '../fakes/run-cli.ts';
import { processFigures } from './startup-bench.ts';
import type { Target } from './targets.ts';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ROUND = '2024-1';
export const BURST = Number(process.env.ACK_BURST ?? 200);
export const FANOUT = Number(process.env.ACK_FANOUT ?? 1000);
export const QUESTIONS_PER_PAGE = 10;
const ANSWER_CHARS = 1500;
/** An ack is waited for this long (both platforms give 3 s): the tail is measured, not cut. */
export const WAIT_ACK_MS = 60_000;
/** Both platforms give an ack this long. */
const ACK_DEADLINE_MS = 3000;
/** A folder for the bot's `--cpu-prof` profile, or none. */
const PROFILE_DIR = process.env.ACK_PROFILE;

/**
 * `config/` with BURST + FANOUT members and the round open now, two agenda
 * items of 10 questions, no reminders. `platformLine(i)` is member i's
 * platform id line (`slack: U…` or `discord: '…'`).
 */
export function benchConfig(dir: string, platformLine: (i: number) => string): string {
  const members = Array.from(
    { length: BURST + FANOUT },
    (_, i) => `  - id: m-${i}\n    name: 위원${i}\n    ${platformLine(i)}\n`,
  ).join('');
  const agendaItem = (id: string): string =>
    `  - id: '${id}'\n    title: 안건 ${id}\n    questions:\n${Array.from(
      { length: QUESTIONS_PER_PAGE },
      (_, q) => `      - prompt: 안건 ${id}의 질문 ${q + 1}에 대한 의견\n`,
    ).join('')}`;
  return openRoundConfig(dir, ROUND, members, (round) => {
    const agendaAt = round.search(/^agenda:/m);
    return `${round.slice(0, agendaAt)}reminders:\n  slots: []\n\nagenda:\n${agendaItem('1')}${agendaItem('2')}`;
  });
}

/** What member `memberId` types for question `questionId`: ANSWER_CHARS characters, different for each. */
export const answerText = (questionId: string, memberId: string): string =>
  `${memberId} ${questionId} `.padEnd(ANSWER_CHARS, '의견 가나다라마바사 ');

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

export async function waitUntil(
  probe: () => boolean,
  what: string,
  timeoutMs: number,
  child: ChildProcess,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (child.exitCode !== null) throw new Error(`jamun start exited while waiting for ${what}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** The real `jamun start`, as `npm start` runs it, with the tail of what it printed. */
export interface BenchBot {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** User + system CPU seconds the bot used so far. */
  cpuSeconds(): number;
  /** Stops it: SIGTERM first when profiling, so that it writes its profile. */
  stop(): Promise<void>;
}

/**
 * Spawns `node src/cli/bin.mjs start --config CONFIG` on the SQLite database
 * in `dir` (the bot migrates it on start), with the platform's variables;
 * `ACK_PROFILE=DIR` adds `--cpu-prof` into DIR.
 */
export function startBot(dir: string, config: string, variables: Record<string, string>): BenchBot {
  const profile = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, 'src/cli/bin.mjs', 'start', '--config', config], {
    cwd: REPO_ROOT,
    env: cleanEnv({ DATABASE_URL: `file:${path.join(dir, 'jamun.db')}`, LOG_LEVEL: 'warn', ...variables }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  // Only the tail is kept: a bot that logs a warning per ack must not fill the bench's memory.
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout = (stdout + chunk).slice(-4000);
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    cpuSeconds: () => processFigures(child.pid ?? 0).cpuSeconds,
    stop: async () => {
      if (PROFILE_DIR && child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
      child.kill('SIGKILL');
    },
  };
}

/**
 * The figures every ack bench prints, from each ack's latency in ms and the
 * bot's CPU seconds over the bursts (what a free core would need: on a
 * loaded machine the wall figures mostly wait).
 */
export function latencyFigures(latencies: number[], burstCpu: number): Record<string, string> {
  const all = [...latencies].sort((a, b) => a - b);
  return {
    'load average (1 min) / cores': `${loadavg()[0]?.toFixed(1)} / ${cpus().length}`,
    'ack p50 / p99 / max ms': `${Math.round(percentile(all, 50))} / ${Math.round(percentile(all, 99))} / ${Math.round(all.at(-1) ?? 0)}`,
    'bot CPU for the bursts, per ack (ms)': `${burstCpu.toFixed(1)} s, ${((burstCpu * 1000) / Math.max(1, all.length)).toFixed(1)}`,
  };
}

/** The two latency targets: p99 ≤ 1 s and no ack over 3 s. */
export function latencyTargets(platform: string, latencies: number[]): Target[] {
  const all = [...latencies].sort((a, b) => a - b);
  return [
    {
      name: `${platform} ack p99, ${BURST} members at once`,
      value: percentile(all, 99),
      floor: 1000,
      unit: 'ms',
      higherIsBetter: false,
    },
    {
      name: `${platform} acks over 3 s`,
      value: all.filter((ms) => ms > ACK_DEADLINE_MS).length,
      floor: 0,
      unit: '',
      higherIsBetter: false,
    },
  ];
}

/** A count that must reach `floor`: every step a member took was answered with what comes next. */
export function allAnsweredTarget(name: string, value: number, floor: number): Target {
  return { name, value, floor, unit: '', higherIsBetter: true };
}

/**
 * Runs `work` against the bot, with the bot's last words in the error if it
 * fails; then stops the bot, closes the fake and removes `dir`.
 */
export async function againstBot<T>(
  bot: BenchBot,
  fake: { close(): Promise<void> },
  dir: string,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new Error(`${String(error)}\n${bot.stderr()}`);
  } finally {
    await bot.stop();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
