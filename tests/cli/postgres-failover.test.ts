/**
 * Two `jamun start` processes on one PostgreSQL and the fake Discord: one is
 * active (holds the lease: the gateway, the scheduler), the other stands by.
 * GIVEN the active one is killed (SIGKILL) in the middle of a 500-member
 * fan-out THEN the survivor takes over within TAKEOVER_LIMIT_MS and every
 * member has exactly one invitation, none lost: the sends the kill cut are
 * settled with Discord (repeated with their nonce within its window, which
 * returns a message that arrived instead of making a second), none left
 * uncertain. Runs on the server JAMUN_TEST_POSTGRES_URL names.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';
import { DateTime } from 'luxon';
import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { STANDING_BY, TAKING_OVER } from '../../src/cli/active-lease.ts';
import { CONFIG_DIR, seedConfig } from '../fakes/app-harness.ts';
import { FakeDiscord } from '../fakes/discord/fake-discord.ts';
import { type CliProcess, cleanEnv, runCli } from '../fakes/run-cli.ts';
import { describeWithPostgres, emptyPostgresDatabase } from '../adapters/prisma/postgres-test-db.ts';

const MEMBERS = 500;
const ROUND = '2024-1';
/**
 * The stated take-over time, from the kill to the survivor holding the lease (the
 * advisory lock frees when the killed process's socket closes; standbys ask every
 * second): 5 s, with room for a loaded test machine.
 */
const TAKEOVER_LIMIT_MS = 5_000;
const STARTUP_MS = 60_000;

const members = Array.from({ length: MEMBERS }, (_, i) => {
  const n = String(i + 1).padStart(3, '0');
  return { id: `m-${n}`, name: `위원${n}`, discord: `6000000000000${n.padStart(5, '0')}` };
});

/** A copy of config/ with 500 Discord members and the seed round open from an hour ago, no reminders. */
function fanOutConfig(dir: string): string {
  const target = path.join(dir, 'config');
  cpSync(CONFIG_DIR, target, { recursive: true });
  const committeeFile = path.join(target, 'committees', 'regional-coprosperity.yaml');
  const committee = readFileSync(committeeFile, 'utf8');
  const list = members.map((m) => `  - id: ${m.id}\n    name: ${m.name}\n    discord: '${m.discord}'\n`).join('');
  writeFileSync(committeeFile, `${committee.slice(0, committee.search(/^members:/m))}members:\n${list}`);
  const roundFile = path.join(target, 'rounds', `${ROUND}.yaml`);
  const now = DateTime.now().setZone('Asia/Seoul');
  const round = readFileSync(roundFile, 'utf8')
    .replace(/opens: .+/, `opens: ${now.minus({ hours: 1 }).toFormat('yyyy-LL-dd HH:mm')}`)
    .replace(/closes: .+/, `closes: ${now.plus({ days: 7 }).toFormat('yyyy-LL-dd HH:mm')}`);
  writeFileSync(roundFile, `${round}\nreminders:\n  slots: []\n`);
  return target;
}

/** A port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function getStatus(port: number, path: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: response.status, text: await response.text() };
}

async function waitUntil(check: () => Promise<boolean> | boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const bots: CliProcess[] = [];
let dir: string | undefined;
let fake: FakeDiscord | undefined;
afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.kill();
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describeWithPostgres('two instances on one PostgreSQL', (serverUrl) => {
  it('GIVEN the active instance killed mid 500-member fan-out THEN the survivor takes over in time and every member has exactly one invitation, none lost', {
    timeout: 300_000,
  }, async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'jamun-failover-'));
    const committee = seedConfig().committees[0];
    const staffChannel = committee?.staffChannels.discord ?? '';
    fake = await FakeDiscord.start({
      token: 'discord-failover-token',
      guild: {
        channels: [{ id: staffChannel, name: 'staff' }],
        roles: (committee?.staff.discordRoleIds ?? []).map((id) => ({ id, name: 'secretariat' })),
      },
    });
    const databaseUrl = await emptyPostgresDatabase(serverUrl, 'failover');
    const env = cleanEnv({
      DATABASE_URL: databaseUrl,
      JAMUN_CONFIG_DIR: fanOutConfig(dir),
      LOG_LEVEL: 'warn',
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_GUILD_ID: fake.guild.id,
      DISCORD_API_URL: fake.apiUrl,
    });
    const invitations = (discordId: string): number =>
      fake?.dmMessages(discordId).filter((msg) => JSON.stringify(msg.components).includes(`jm|open|0|${ROUND}`))
        .length ?? 0;
    const delivered = (): number => members.filter((m) => invitations(m.discord) > 0).length;

    const first = runCli(['start'], env);
    bots.push(first);
    await first.waitForStdout('jamun is running (discord)', STARTUP_MS);
    await fake.gateway.waitForReady();
    const opsPort = await freePort();
    const second = runCli(['start'], { ...env, JAMUN_HTTP_PORT: String(opsPort) });
    bots.push(second);
    await second.waitForStdout(STANDING_BY, STARTUP_MS);
    // The standby is live but not ready: a load balancer sends nothing to it.
    expect((await getStatus(opsPort, '/healthz')).status).toBe(200);
    const standby = await getStatus(opsPort, '/readyz');
    expect(standby.status).toBe(503);
    expect(standby.text).toContain('standby');

    const staff = committee?.staff.userIds.discord?.[0] ?? '';
    // Staff confirm the open with its Open button; the fan-out starts then.
    await fake.openConfirmed(staff, ROUND, staffChannel, 60_000, 'acknowledged');
    await waitUntil(() => delivered() >= MEMBERS / 4, 'a quarter of the invitations', 120_000);
    await first.kill();
    const killedAt = Date.now();
    const atKill = delivered();

    await second.waitForStdout(TAKING_OVER, TAKEOVER_LIMIT_MS);
    const takeoverMs = Date.now() - killedAt;
    await second.waitForStdout('jamun is running (discord)', 180_000);
    expect((await getStatus(opsPort, '/readyz')).status).toBe(200);

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const count = async (sql: string, params: string[] = [ROUND]): Promise<number> =>
        Number((await db.query<{ n: string }>(sql, params)).rows[0]?.n ?? 0);
      await waitUntil(
        async () =>
          (await count(
            `SELECT COUNT(*) AS n FROM "Invitation" WHERE "roundId" = $1 AND "deliveryState" = 'pending'`,
          )) === 0,
        'every invitation settled by the survivor',
        180_000,
      );
      expect(await count(`SELECT COUNT(*) AS n FROM "Invitation" WHERE "roundId" = $1`)).toBe(MEMBERS);
      const uncertain = (
        await db.query<{ memberId: string }>(
          `SELECT "memberId" FROM "Invitation" WHERE "roundId" = $1 AND "failureReason" = 'uncertain'`,
          [ROUND],
        )
      ).rows.map((row) => row.memberId);
      const twice = members.filter((m) => invitations(m.discord) > 1).map((m) => m.id);
      expect(twice).toEqual([]);
      const none = members.filter((m) => invitations(m.discord) === 0).map((m) => m.id);
      expect(none).toEqual([]);
      expect(uncertain).toEqual([]);
      expect(
        await count(`SELECT COUNT(*) AS n FROM "Outbox" WHERE "state" <> 'sent' AND "key" LIKE $1`, [
          `invite:${ROUND}:%`,
        ]),
      ).toBe(0);
      const settled = await count(`SELECT COUNT(*) AS n FROM "AuditEvent" WHERE "action" = $1`, ['outbox.settled']);
      expect(takeoverMs).toBeLessThan(TAKEOVER_LIMIT_MS);
      const metrics = (await getStatus(opsPort, '/metrics')).text;
      expect(metrics).toMatch(/jamun_sends_total\{platform="discord",outcome="sent"\} \d+/);
      expect(metrics).toContain('jamun_active_instance 1');
      expect(metrics).toContain('jamun_open_rounds 1');
      process.stdout.write(
        `failover: killed the active instance after ${atKill} of ${MEMBERS} invitations; the survivor took over in ${takeoverMs} ms; ${settled} cut sends settled with Discord; ${MEMBERS - none.length} of ${MEMBERS} invited exactly once, 0 lost, 0 uncertain, 0 twice\n`,
      );
    } finally {
      await db.end();
    }
  });
});
