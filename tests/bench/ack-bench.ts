/**
 * Ack latency under a burst, through the real `jamun start` (a child process:
 * SQLite, the core, the job runner, Bolt) against the fake Slack: 200 members
 * who have their questionnaire open press Next at once (10 answers of 1,500
 * characters), then Submit on the second page at once, while the scheduler
 * sends their receipts and the invitation fan-out to 1,000 more members runs
 * against Slack's `conversations.open` limit (Tier 3, 50 a minute). The time
 * of each ack is taken at the fake, from sending the envelope to receiving
 * the ack (Slack gives 3 s), with the bot's CPU time for the bursts (what a
 * free core would need: the wall figures mostly wait on a loaded machine).
 * `ACK_BURST` and `ACK_FANOUT` change the sizes; `ACK_PROFILE=DIR` writes
 * the bot's CPU profile there (`--cpu-prof`; the bot is stopped with SIGTERM
 * so it can write it). Discord is not measured here yet.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { CONFIG_DIR, seedConfig } from '../fakes/app-harness.ts';
import { cleanEnv } from '../fakes/run-cli.ts';
import { type FakeView, FakeSlackServer } from '../fakes/slack/fake-slack-server.ts';
import { buttonClick, confirmOpen, fillView, viewSubmission } from '../fakes/slack/slack-payloads.ts';
import { processFigures } from './startup-bench.ts';
import type { SuiteResult } from './targets.ts';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ROUND = '2024-1';
const BURST = Number(process.env.ACK_BURST ?? 200);
const FANOUT = Number(process.env.ACK_FANOUT ?? 1000);
const QUESTIONS_PER_PAGE = 10;
const ANSWER_CHARS = 1500;
/** An ack is waited for this long (Slack gives 3 s): the tail is measured, not cut. */
const WAIT_ACK_MS = 60_000;
/** A folder for the bot's `--cpu-prof` profile, or none. */
const PROFILE_DIR = process.env.ACK_PROFILE;

const slackIdOf = (i: number): string => `U0ACK${String(i).padStart(5, '0')}`;

/** `config/` with BURST + FANOUT Slack members and the round open now, two agenda items of 10 questions, no reminders. */
function benchConfig(dir: string): string {
  const target = path.join(dir, 'config');
  cpSync(CONFIG_DIR, target, { recursive: true });
  const committeeFile = path.join(target, 'committees', 'regional-coprosperity.yaml');
  const committee = readFileSync(committeeFile, 'utf8');
  const members = Array.from(
    { length: BURST + FANOUT },
    (_, i) => `  - id: m-${i}\n    name: 위원${i}\n    slack: ${slackIdOf(i)}\n`,
  ).join('');
  const membersAt = committee.search(/^members:/m);
  if (membersAt < 0) throw new Error(`no members: in ${committeeFile}`);
  writeFileSync(committeeFile, `${committee.slice(0, membersAt)}members:\n${members}`);
  const roundFile = path.join(target, 'rounds', `${ROUND}.yaml`);
  const now = DateTime.now().setZone('Asia/Seoul');
  const local = (d: DateTime): string => d.toFormat('yyyy-LL-dd HH:mm');
  const agendaItem = (id: string): string =>
    `  - id: '${id}'\n    title: 안건 ${id}\n    questions:\n${Array.from(
      { length: QUESTIONS_PER_PAGE },
      (_, q) => `      - prompt: 안건 ${id}의 질문 ${q + 1}에 대한 의견\n`,
    ).join('')}`;
  const round = readFileSync(roundFile, 'utf8')
    .replace(/opens: .+/, `opens: ${local(now.minus({ hours: 1 }))}`)
    .replace(/closes: .+/, `closes: ${local(now.plus({ days: 7 }))}`);
  const agendaAt = round.search(/^agenda:/m);
  writeFileSync(
    roundFile,
    `${round.slice(0, agendaAt)}reminders:\n  slots: []\n\nagenda:\n${agendaItem('1')}${agendaItem('2')}`,
  );
  return target;
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/** Sends every envelope at once; returns each ack's latency in ms (rejections count as WAIT_ACK_MS). */
async function burst(
  fake: FakeSlackServer,
  payloads: Array<Record<string, unknown>>,
): Promise<{ latencies: number[]; acks: Array<Record<string, unknown> | undefined>; errors: string[] }> {
  const latencies: number[] = [];
  const errors: string[] = [];
  const acks = await Promise.all(
    payloads.map(async (payload) => {
      const sent = performance.now();
      try {
        const ack = await fake.sendEnvelope('interactive', payload, WAIT_ACK_MS);
        latencies.push(performance.now() - sent);
        return ack;
      } catch (error) {
        errors.push(String(error).slice(0, 160));
        latencies.push(WAIT_ACK_MS);
        return undefined;
      }
    }),
  );
  return { latencies, acks, errors };
}

async function waitUntil(probe: () => boolean, what: string, timeoutMs: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (child.exitCode !== null) throw new Error(`jamun start exited while waiting for ${what}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

export async function runAckBench(): Promise<SuiteResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'jamun-ack-bench-'));
  const config = benchConfig(dir);
  const committee = seedConfig().committees[0];
  const staff = committee?.staff.userIds.slack?.[0] ?? '';
  const channel = committee?.staffChannels.slack ?? '';
  const fake = await FakeSlackServer.start();
  let stderr = '';
  const profile = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, 'src/cli/bin.mjs', 'start', '--config', config], {
    cwd: REPO_ROOT,
    env: cleanEnv({
      DATABASE_URL: `file:${path.join(dir, 'jamun.db')}`,
      LOG_LEVEL: 'warn',
      SLACK_BOT_TOKEN: 'xoxb-ack-bench',
      SLACK_APP_TOKEN: 'xapp-ack-bench',
      SLACK_API_URL: fake.apiUrl,
    }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  try {
    await fake.socketConnected();
    const invited = (): string[] =>
      Array.from({ length: BURST + FANOUT }, (_, i) => slackIdOf(i)).filter((id) =>
        fake.messagesIn(fake.dmChannelOf(id)).some((m) => JSON.stringify(m.blocks).includes('jamun.answer')),
      );
    // Staff press Open on the `/jamun open` confirmation.
    await fake.sendEnvelope('interactive', confirmOpen(fake, staff, ROUND, channel), WAIT_ACK_MS);
    await waitUntil(() => invited().length >= BURST, `${BURST} invitations`, 300_000, child);
    // From here the fan-out to the others runs at Slack's Tier 3 pace (50 conversations.open a minute).
    fake.limit('conversations.open', { max: 50, windowMs: 60_000 });
    const members = invited().slice(0, BURST);
    // Each member opens the questionnaire, one after the other (not measured).
    const views = new Map<string, FakeView>();
    for (const id of members) {
      const before = fake.views.length;
      await fake.sendEnvelope(
        'interactive',
        buttonClick(fake, id, 'jamun.answer', ROUND, { channel: fake.dmChannelOf(id) }),
        WAIT_ACK_MS,
      );
      await waitUntil(() => fake.views.length > before, `the questionnaire of ${id}`, 60_000, child);
      views.set(id, fake.lastView('jamun.questionnaire'));
    }
    const text = (q: string, id: string): string => `${id} ${q} `.padEnd(ANSWER_CHARS, '의견 가나다라마바사 ');
    const typed = (page: string, id: string): Record<string, string> =>
      Object.fromEntries(
        Array.from({ length: QUESTIONS_PER_PAGE }, (_, q) => [`${page}.${q + 1}`, text(`${page}.${q + 1}`, id)]),
      );
    const invitedBefore = invited().length;
    const cpuBefore = processFigures(child.pid ?? 0).cpuSeconds;
    const next = await burst(
      fake,
      members.map((id) => {
        const view = views.get(id) as FakeView;
        return viewSubmission(fake, id, view, fillView(view, typed('1', id)));
      }),
    );
    const submit = await burst(
      fake,
      members.flatMap((id, i) => {
        const ack = next.acks[i];
        if (ack?.response_action !== 'push') return [];
        const view: FakeView = { method: 'views.push', viewId: `V-${id}`, view: ack.view as FakeView['view'] };
        return [viewSubmission(fake, id, view, fillView(view, typed('2', id)))];
      }),
    );
    const burstCpu = processFigures(child.pid ?? 0).cpuSeconds - cpuBefore;
    const receiptsBy = Date.now() + 120_000;
    const receipts = (): number =>
      members.filter((id) =>
        fake.messagesIn(fake.dmChannelOf(id)).some((m) => JSON.stringify(m.blocks).includes('jamun.edit')),
      ).length;
    while (receipts() < members.length && Date.now() < receiptsBy) await sleep(100);
    const all = [...next.latencies, ...submit.latencies].sort((a, b) => a - b);
    const over3s = all.filter((ms) => ms > 3000).length;
    const p99 = percentile(all, 99);
    return {
      figures: {
        'load average (1 min) / cores': `${loadavg()[0]?.toFixed(1)} / ${cpus().length}`,
        'acks measured (Next + Submit)': `${all.length} (${next.latencies.length} + ${submit.latencies.length})`,
        'pages pushed / members submitted': `${submit.latencies.length} / ${members.length}`,
        'ack p50 / p99 / max ms': `${Math.round(percentile(all, 50))} / ${Math.round(p99)} / ${Math.round(all.at(-1) ?? 0)}`,
        // What a free core would need for the whole burst: read against the load, the wall figures above.
        'bot CPU for both bursts, per ack (ms)': `${burstCpu.toFixed(1)} s, ${((burstCpu * 1000) / Math.max(1, all.length)).toFixed(1)}`,
        'receipts delivered (within 120 s)': `${receipts()} / ${members.length}`,
        'members invited during the burst (fan-out running)': invited().length - invitedBefore,
        'acks refused or missing (first reason)': `${next.errors.length + submit.errors.length} ${[...next.errors, ...submit.errors][0] ?? ''}`,
        'bot stderr (last line)': stderr.trim().split('\n').at(-1) ?? '',
      },
      targets: [
        { name: 'slack ack p99, 200 members at once', value: p99, floor: 1000, unit: 'ms', higherIsBetter: false },
        { name: 'slack acks over 3 s', value: over3s, floor: 0, unit: '', higherIsBetter: false },
        {
          name: 'slack pages acknowledged with the next page',
          value: submit.latencies.length,
          floor: members.length,
          unit: '',
          higherIsBetter: true,
        },
      ],
    };
  } catch (error) {
    throw new Error(`${String(error)}\n${stderr}`);
  } finally {
    if (PROFILE_DIR && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    child.kill('SIGKILL');
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
