/**
 * Fan-out benchmark: invitations to 1,000 members through the core, the job
 * runner, SQLite and the real Discord adapter (discord.js REST), against the
 * fake Discord enforcing Discord's limits:
 * - global: 50 requests per second (documented);
 * - `POST /users/@me/channels` (opening a DM): a bucket of 25 per second
 *   (Discord does not document this bucket; 25/s is our stated assumption);
 * - `POST /channels/{id}/messages`: 5 per 5 seconds per channel (one
 *   invitation per DM channel, so it binds only the staff channel's progress).
 * Each invitation costs two requests (open DM, send), so the floor is set by
 * the global limit: 2,000 requests at 50/s. Reports time vs that floor,
 * duplicate DMs (must be 0) and the 429s the fake had to send.
 *
 * Run alone: `npx tsx tests/bench/discord-fanout.ts [members]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPrismaStore } from '../../src/adapters/prisma/prisma-store.ts';
import type { Member } from '../../src/core/model.ts';
import { startDiscordKitOn } from '../adapters/discord/discord-test-kit.ts';
import { createTestApp, seedConfig } from '../fakes/app-harness.ts';
import { FakeDiscord } from '../fakes/discord/fake-discord.ts';
import { nextSnowflake } from '../fakes/discord/fake-discord-state.ts';
import type { RateLimitSettings } from '../fakes/discord/fake-rate-limits.ts';

const GLOBAL_PER_SECOND = 50;
const DM_BUCKET = { limit: 25, windowMs: 1000 };
const ROUND = '2024-1';

/** Discord's limits as stated above, for every bench that runs a fan-out against the fake Discord. */
export const DISCORD_LIMITS: RateLimitSettings = {
  globalPerSecond: GLOBAL_PER_SECOND,
  buckets: [
    { name: 'dm-open', method: 'POST', pattern: /^\/users\/@me\/channels$/, ...DM_BUCKET },
    { name: 'channel-messages', method: 'POST', pattern: /^\/channels\/(\d+)\/messages$/, limit: 5, windowMs: 5000 },
  ],
};

/** The fastest a fixed-window limit of `perWindow` allows for `requests` (the first window starts at 0). */
function floorMs(requests: number, perWindow: number, windowMs: number): number {
  return Math.max(0, Math.ceil(requests / perWindow) - 1) * windowMs;
}

export async function runDiscordFanoutBench(members = 1000): Promise<Record<string, number | string>> {
  const staffChannel = seedConfig().committees[0]?.staffChannels.discord ?? '';
  const fake = await FakeDiscord.start({
    guild: { channels: [{ id: staffChannel, name: 'staff' }] },
    limits: DISCORD_LIMITS,
  });
  const kit = await startDiscordKitOn(fake, { rest: { retries: 3, timeoutMs: 60_000 } });
  // The production store: SQLite on a file.
  const dir = mkdtempSync(path.join(tmpdir(), 'jamun-bench-discord-'));
  const store = await createPrismaStore(`file:${path.join(dir, 'bench.db')}`);
  const userIds = Array.from({ length: members }, () => nextSnowflake());
  try {
    const t = await createTestApp({
      store,
      messengers: [kit.adapter.messenger],
      mutateCommittee: (committee) => {
        const template = committee.members[0] as Member;
        committee.members = userIds.map((userId, i) => ({
          ...template,
          id: `bench-${i}`,
          name: `위원 ${i}`,
          platforms: { discord: userId },
        }));
      },
    });
    // Requests before the fan-out (gateway info) count towards the same global window.
    const before = fake.state.requests.length;
    const started = Date.now();
    const opened = await t.app.runAsOperator({ verb: 'open', roundId: ROUND });
    await t.app.runDueJobs();
    const elapsedMs = Date.now() - started;
    const requests = fake.state.requests.length - before;
    const invitations = await store.listInvitations(ROUND);
    const perMember = userIds.map((userId) => fake.dmMessages(userId).length);
    return {
      members,
      opened: opened.text.split('\n')[0] ?? '',
      delivered: invitations.filter((i) => i.deliveryState === 'delivered').length,
      failed: invitations.filter((i) => i.deliveryState === 'failed').length,
      duplicates: perMember.reduce((n, count) => n + Math.max(0, count - 1), 0),
      missing: perMember.filter((count) => count === 0).length,
      requests,
      received429: fake.limiter.refused.global + fake.limiter.refused.bucket,
      received429Global: fake.limiter.refused.global,
      received429Bucket: fake.limiter.refused.bucket,
      elapsedMs,
      fastestPossibleMs: Math.max(
        floorMs(members * 2, GLOBAL_PER_SECOND, 1000),
        floorMs(members, DM_BUCKET.limit, DM_BUCKET.windowMs),
      ),
      limits: `global ${GLOBAL_PER_SECOND}/s; DM open ${DM_BUCKET.limit}/${DM_BUCKET.windowMs}ms (assumed); messages 5/5s per channel`,
    };
  } finally {
    await kit.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const members = Number(process.argv[2] ?? 1000);
  const figures = await runDiscordFanoutBench(members);
  for (const [name, value] of Object.entries(figures)) console.log(`${name}: ${value}`);
}
