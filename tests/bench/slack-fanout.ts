/**
 * Fan-out benchmark: invitations to 1,000 members through the real core and
 * the real Slack adapter, against the fake Slack enforcing Slack's published
 * limits, scaled down in time so the run takes seconds instead of minutes:
 * `conversations.open` (Tier 3, ~50/min) becomes 50 per (60 s / SCALE),
 * `chat.postMessage` (~1/s per channel) 1 per (1 s / SCALE) per channel and
 * `chat.update` (Tier 3) 50 per (60 s / SCALE). Run: `npx tsx tests/bench/slack-fanout.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createPrismaStore } from '../../src/adapters/prisma/prisma-store.ts';
import { createSlackAdapter } from '../../src/adapters/slack/index.ts';
import type { Member } from '../../src/core/model.ts';
import { silentLogger } from '../../src/core/ports/logger.ts';
import { createTestApp } from '../fakes/app-harness.ts';
import { FakeSlackServer } from '../fakes/slack/fake-slack-server.ts';

/** Time compression of the limits: 60 means one minute of Slack's limits lasts one second here. */
const SCALE = 60;
const OPEN_PER_WINDOW = 50;
const WINDOW_MS = 60_000 / SCALE;

/** Runs the benchmark and returns its figures. */
export async function runSlackFanoutBench(members = 1000): Promise<Record<string, number | string>> {
  const fake = await FakeSlackServer.start();
  // The production store: SQLite on a file.
  const dir = mkdtempSync(path.join(tmpdir(), 'jamun-bench-slack-'));
  const store = await createPrismaStore(`file:${path.join(dir, 'bench.db')}`);
  fake.limit('conversations.open', { max: OPEN_PER_WINDOW, windowMs: WINDOW_MS });
  fake.limit('chat.postMessage', { max: 1, windowMs: 1000 / SCALE, perChannel: true });
  fake.limit('chat.update', { max: 50, windowMs: WINDOW_MS });
  const adapter = createSlackAdapter(
    {
      mode: 'socket',
      botToken: 'xoxb-bench',
      appToken: 'xapp-bench',
      apiUrl: fake.apiUrl,
      retryConfig: { retries: 30, factor: 1, minTimeout: 1, maxTimeout: 10, randomize: false },
      editIntervalMs: 1200 / SCALE,
      // The adapter paces conversations.open to Tier 3 (50 per minute), scaled like the fake's limit.
      dmOpenLimit: { max: OPEN_PER_WINDOW, windowMs: WINDOW_MS },
    },
    { logger: silentLogger },
  );
  try {
    const t = await createTestApp({
      store,
      messengers: [adapter.messenger],
      mutateCommittee: (committee) => {
        const template = committee.members[0] as Member;
        committee.members = Array.from({ length: members }, (_, i) => ({
          ...template,
          id: `bench-${i}`,
          name: `위원 ${i}`,
          platforms: { slack: `U0BENCH${String(i).padStart(5, '0')}` },
        }));
      },
    });
    const started = Date.now();
    const opened = await t.app.runAsOperator({ verb: 'open', roundId: t.rounds[0]?.id ?? '2024-1' });
    await t.app.runDueJobs();
    await adapter.messenger.flush();
    const elapsedMs = Date.now() - started;

    const invitations = await t.store.listInvitations(t.rounds[0]?.id ?? '2024-1');
    const perUser = new Map<string, number>();
    for (const call of fake.callsOf('chat.postMessage')) {
      const channel = String(call.args.channel);
      if (call.status === 200 && !call.error && channel.startsWith('D'))
        perUser.set(channel, (perUser.get(channel) ?? 0) + 1);
    }
    const duplicates = [...perUser.values()].reduce((n, count) => n + Math.max(0, count - 1), 0);
    const fastestMs = (Math.ceil(members / OPEN_PER_WINDOW) - 1) * WINDOW_MS;
    return {
      members: members,
      opened: opened.text.split('\n')[0] ?? '',
      delivered: invitations.filter((i) => i.deliveryState === 'delivered').length,
      failed: invitations.filter((i) => i.deliveryState === 'failed').length,
      elapsedMs,
      fastestAllowedMs: fastestMs,
      overheadVsFastest: fastestMs === 0 ? 'n/a' : `${((elapsedMs / fastestMs - 1) * 100).toFixed(1)}%`,
      duplicates,
      rateLimited429s: fake.rateLimitedCount,
      rateLimited429sByMethod:
        Object.entries(
          fake.calls
            .filter((c) => c.status === 429)
            .reduce<Record<string, number>>((acc, c) => {
              acc[c.method] = (acc[c.method] ?? 0) + 1;
              return acc;
            }, {}),
        )
          .map(([method, count]) => `${method}=${count}`)
          .join(', ') || 'none',
      conversationsOpenCalls: fake.callsOf('conversations.open').length,
      progressEdits: fake.callsOf('chat.update').filter((c) => c.status === 200).length,
      limits: `conversations.open ${OPEN_PER_WINDOW}/${WINDOW_MS}ms, chat.postMessage 1/${(1000 / SCALE).toFixed(1)}ms per channel, chat.update 50/${WINDOW_MS}ms (Slack's per-minute limits scaled 1/${SCALE} in time; Retry-After has 1 s granularity, so each wait can overshoot a scaled window by the time the window's calls took)`,
    };
  } finally {
    await adapter.messenger.close();
    await fake.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = await runSlackFanoutBench();
  for (const [name, value] of Object.entries(figures)) console.log(`${name}: ${value}`);
}
