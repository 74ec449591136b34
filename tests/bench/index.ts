/**
 * `npm run bench [-- SECTION] [-- --members N]`: measures the production
 * path (SQLite, the core, the job runner, the adapters against their fakes)
 * and prints every target with ✓/✗ and its ratio to the floor, with
 * event-loop delay percentiles. Nothing here asserts: the machine is shared,
 * so compare ratios within one run.
 */
import { cpus, loadavg } from 'node:os';
import { setRuntimeFlags } from '../../src/cli/runtime-flags.mjs';
import { runAckBench } from './ack-bench.ts';
import { runDiscordAckBench } from './ack-bench-discord.ts';
import { runCliBench } from './cli-bench.ts';
import { runCompileBench, runSummaryStoreBench } from './core-bench.ts';
import { runDiscordFanoutBench } from './discord-fanout.ts';
import { runSlackFanoutBench } from './slack-fanout.ts';
import { runStartupBench } from './startup-bench.ts';
import { postgresTestUrl } from '../adapters/prisma/postgres-test-db.ts';
import { runOpenBench, runSaveBench } from './store-bench.ts';
import { formatTarget, type SuiteResult, type Target, withLoopDelay, loopTarget } from './targets.ts';

// The V8 flags of `jamun` (bin.mjs): the store sections run Prisma in this process.
setRuntimeFlags();

const args = process.argv.slice(2);
const membersFlag = args.indexOf('--members');
const members = membersFlag >= 0 ? Number(args[membersFlag + 1]) : undefined;
const storeFlag = args.indexOf('--store');
const onPostgres = storeFlag >= 0 && args[storeFlag + 1] === 'postgres';
const only = onPostgres
  ? 'store:'
  : args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--members' && args[i - 1] !== '--store');

function fanoutTarget(platform: string, figures: Record<string, number | string>, note: string): Target {
  const elapsed = Number(figures.elapsedMs);
  const fastest = Number(figures.fastestAllowedMs ?? figures.fastestPossibleMs);
  return {
    name: `${platform} fan-out speed / rate-limit ceiling (${note})`,
    value: elapsed > 0 ? fastest / elapsed : 0,
    floor: 0.9,
    unit: '×',
    higherIsBetter: true,
  };
}

const suites: Array<[string, () => Promise<SuiteResult>]> = [
  ['cli: --help and config check, fresh processes', () => runCliBench()],
  ['start: jamun start against both fakes, ready time and idle cost', () => runStartupBench()],
  [
    'core: summary compilation (500 × 20 × 1,500 chars, in a child process without the store)',
    async () => {
      const figures = await runCompileBench(members ?? 500);
      const peak = Number(Object.entries(figures).find(([k]) => k.startsWith('summary: peak RSS'))?.[1]);
      return {
        figures,
        targets: [
          {
            name: 'summary peak RSS (compile + Markdown + CSV, store not included)',
            value: peak,
            floor: 300,
            unit: 'MB',
            higherIsBetter: false,
          },
        ],
      };
    },
  ],
  [
    'core: summary through the production path (SQLite → compile → Markdown + CSV + chat), 500 × 20 × 1,500 chars',
    async () => {
      const { peakMb, ...figures } = await runSummaryStoreBench(members ?? 500);
      return {
        figures,
        targets: [
          {
            name: 'summary peak RSS, read from SQLite and posted',
            value: Number(peakMb),
            floor: 300,
            unit: 'MB',
            higherIsBetter: false,
          },
        ],
      };
    },
  ],
  ['core: answer saves into SQLite', () => runSaveBench()],
  [
    'acks: 200 Slack members press Next, then Submit, at once (10 × 1,500 chars a page; jamun start, SQLite, receipts and a fan-out running)',
    () => runAckBench(),
  ],
  [
    // One Discord modal holds 5 inputs: a page of 10 answers is two modals, with Next between them.
    'acks (Discord): 200 Discord members submit a modal (5 × 1,500 chars), press Next, … Submit, each step at once (an ack: the first callback of an interaction; jamun start, SQLite, receipts and a fan-out running)',
    () => runDiscordAckBench(),
  ],
  [`core: open and fan out a round of ${members ?? 10_000} members on SQLite`, () => runOpenBench(members ?? 10_000)],
  [
    `slack: invitation fan-out to ${members ?? 1000} members (core, job runner, SQLite, Bolt, fake Slack)`,
    async () => {
      const run = await withLoopDelay(() => runSlackFanoutBench(members ?? 1000));
      return {
        figures: { ...run.result, 'event loop p50/p99/max ms': `${run.p50}/${run.p99}/${run.max}` },
        targets: [
          fanoutTarget('slack', run.result, 'through the core'),
          {
            name: 'slack duplicate invitations',
            value: Number(run.result.duplicates),
            floor: 0,
            unit: '',
            higherIsBetter: false,
          },
          loopTarget('the slack fan-out', run.p99),
        ],
      };
    },
  ],
  [
    `discord: invitation fan-out to ${members ?? 1000} members (core, job runner, SQLite, discord.js, fake Discord)`,
    async () => {
      const run = await withLoopDelay(() => runDiscordFanoutBench(members ?? 1000));
      return {
        figures: { ...run.result, 'event loop p50/p99/max ms': `${run.p50}/${run.p99}/${run.max}` },
        targets: [
          fanoutTarget('discord', run.result, 'through the core'),
          {
            name: 'discord duplicate invitations',
            value: Number(run.result.duplicates),
            floor: 0,
            unit: '',
            higherIsBetter: false,
          },
          loopTarget('the discord fan-out', run.p99),
        ],
      };
    },
  ],
  [
    `store: SQLite beside PostgreSQL, one instance beside two (${members ?? 1000} members; --store postgres)`,
    async () => {
      const url = postgresTestUrl();
      if (!url)
        throw new Error(
          'no PostgreSQL: run scripts/test-postgres.sh npm run bench -- --store postgres (JAMUN_TEST_POSTGRES_URL)',
        );
      const { runPostgresBench } = await import('./postgres-bench.ts');
      return runPostgresBench(url, members ?? 1000);
    },
  ],
];

// The machine is shared: every figure is read against the load it ran under.
process.stdout.write(
  `load average at start: ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')} (${cpus().length} cores)\n`,
);
const verdicts: string[] = [];
for (const [title, run] of suites) {
  if (only && !title.startsWith(only)) continue;
  if (!only && title.startsWith('store:') && !postgresTestUrl()) {
    // The whole run goes on without PostgreSQL (it used to stop here, after everything else had run).
    verdicts.push(
      '✗ not measured: SQLite beside PostgreSQL (run scripts/test-postgres.sh npm run bench -- --store postgres)',
    );
    continue;
  }
  const { figures, targets } = await run();
  process.stdout.write(`\n${title}\n`);
  for (const [name, value] of Object.entries(figures)) process.stdout.write(`  ${name.padEnd(58)} ${value}\n`);
  for (const target of targets) {
    const line = formatTarget(target);
    process.stdout.write(`  ${line}\n`);
    verdicts.push(line);
  }
}
process.stdout.write(
  `\nload average at end: ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}\n`,
);
process.stdout.write('\nTargets (ratio ≥ 1 is met; the machine is shared, compare ratios within one run)\n');
for (const line of verdicts) process.stdout.write(`  ${line}\n`);
