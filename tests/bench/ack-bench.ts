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
 * so it can write it). The Discord half is `ack-bench-discord.ts`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { seedConfig } from '../fakes/app-harness.ts';
import { type FakeView, FakeSlackServer } from '../fakes/slack/fake-slack-server.ts';
import { buttonClick, confirmOpen, fillView, viewSubmission } from '../fakes/slack/slack-payloads.ts';
import {
  againstBot,
  allAnsweredTarget,
  answerText,
  BURST,
  benchConfig,
  FANOUT,
  latencyFigures,
  latencyTargets,
  QUESTIONS_PER_PAGE,
  ROUND,
  startBot,
  WAIT_ACK_MS,
  waitUntil,
} from './ack-bench-kit.ts';
import type { SuiteResult } from './targets.ts';

const slackIdOf = (i: number): string => `U0ACK${String(i).padStart(5, '0')}`;

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

export async function runAckBench(): Promise<SuiteResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'jamun-ack-bench-'));
  const config = benchConfig(dir, (i) => `slack: ${slackIdOf(i)}`);
  const committee = seedConfig().committees[0];
  const staff = committee?.staff.userIds.slack?.[0] ?? '';
  const channel = committee?.staffChannels.slack ?? '';
  const fake = await FakeSlackServer.start();
  const bot = startBot(dir, config, {
    SLACK_BOT_TOKEN: 'xoxb-ack-bench',
    SLACK_APP_TOKEN: 'xapp-ack-bench',
    SLACK_API_URL: fake.apiUrl,
  });
  const { child } = bot;
  return againstBot(bot, fake, dir, async () => {
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
    const typed = (page: string, id: string): Record<string, string> =>
      Object.fromEntries(
        Array.from({ length: QUESTIONS_PER_PAGE }, (_, q) => [`${page}.${q + 1}`, answerText(`${page}.${q + 1}`, id)]),
      );
    const invitedBefore = invited().length;
    const cpuBefore = bot.cpuSeconds();
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
    const burstCpu = bot.cpuSeconds() - cpuBefore;
    const receiptsBy = Date.now() + 120_000;
    const receipts = (): number =>
      members.filter((id) =>
        fake.messagesIn(fake.dmChannelOf(id)).some((m) => JSON.stringify(m.blocks).includes('jamun.edit')),
      ).length;
    while (receipts() < members.length && Date.now() < receiptsBy) await sleep(100);
    const all = [...next.latencies, ...submit.latencies];
    return {
      figures: {
        ...latencyFigures(all, burstCpu),
        'acks measured (Next + Submit)': `${all.length} (${next.latencies.length} + ${submit.latencies.length})`,
        'pages pushed / members submitted': `${submit.latencies.length} / ${members.length}`,
        'receipts delivered (within 120 s)': `${receipts()} / ${members.length}`,
        'members invited during the burst (fan-out running)': invited().length - invitedBefore,
        'acks refused or missing (first reason)': `${next.errors.length + submit.errors.length} ${[...next.errors, ...submit.errors][0] ?? ''}`,
        'bot stderr (last line)': bot.stderr().trim().split('\n').at(-1) ?? '',
      },
      targets: [
        ...latencyTargets('slack', all),
        allAnsweredTarget('slack pages acknowledged with the next page', submit.latencies.length, members.length),
      ],
    };
  });
}
