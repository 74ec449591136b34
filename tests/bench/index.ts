/**
 * `npm run bench`: prints the performance figures of the core and of both
 * adapters' fan-out against the local fakes. Nothing here asserts timings.
 */
import { runCompileBench, runMemorySaveBench, runSaveBench } from './core-bench.ts';
import { runDiscordFanoutBench } from './discord-fanout.ts';
import { runSlackFanoutBench } from './slack-fanout.ts';

function print(title: string, figures: Record<string, number | string>): void {
  process.stdout.write(`\n${title}\n`);
  for (const [name, value] of Object.entries(figures)) process.stdout.write(`  ${name.padEnd(52)} ${value}\n`);
}

const only = process.argv[2];
const suites: Array<[string, () => Promise<Record<string, number | string>>]> = [
  ['core: summary compilation', () => runCompileBench()],
  ['core: answer saves', () => runSaveBench()],
  ['core: answer saves without the database', () => runMemorySaveBench()],
  ['slack: invitation fan-out to 1,000 members', () => runSlackFanoutBench()],
  ['discord: invitation fan-out to 1,000 members', () => runDiscordFanoutBench()],
];
for (const [title, run] of suites) {
  if (only && !title.startsWith(only)) continue;
  print(title, await run());
}
