/**
 * `jamun start` as an operator runs it: the real CLI in a child process with
 * a clean environment, a fresh SQLite file and the seed configuration whose
 * round window is moved around today, against the local fake Slack and fake
 * Discord. Staff open the round by slash command and the running bot
 * invites all seven members; SIGINT stops it cleanly.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { t } from '../../src/core/i18n/catalogue.ts';
import { CONFIG_DIR, seedConfig } from '../fakes/app-harness.ts';
import { FakeDiscord, waitFor } from '../fakes/discord/fake-discord.ts';
import { type CliProcess, cleanEnv, runCli } from '../fakes/run-cli.ts';
import { FakeSlackServer } from '../fakes/slack/fake-slack-server.ts';
import { confirmOpen, slashCommand } from '../fakes/slack/slack-payloads.ts';

const ROUND = '2024-1';
// Generous: start-up loads tsx, Prisma and both platform libraries, slow on a loaded shared machine.
const STARTUP_MS = 60_000;
const SLACK_BOT_TOKEN = 'xoxb-start-test-bot-7f3a';
const SLACK_APP_TOKEN = 'xapp-start-test-app-91c2';

const seed = seedConfig();
const committee = seed.committees[0];
const roundTitle = seed.rounds[0]?.title ?? '';
if (!committee) throw new Error('seed committee missing');
const members = committee.members;
const openedText = t(committee.locale, 'staff.opened', { title: roundTitle, count: members.length, when: '' });

/** A copy of `config/` whose seed round opened an hour ago and closes in 7 days (committee time). */
function configWithOpenWindow(dir: string): string {
  const target = path.join(dir, 'config');
  cpSync(CONFIG_DIR, target, { recursive: true });
  const file = path.join(target, 'rounds', `${ROUND}.yaml`);
  const now = DateTime.now().setZone(committee?.timeZone ?? 'Asia/Seoul');
  const local = (d: DateTime): string => d.toFormat('yyyy-LL-dd HH:mm');
  const text = readFileSync(file, 'utf8')
    .replace(/opens: .+/, `opens: ${local(now.minus({ hours: 1 }))}`)
    .replace(/closes: .+/, `closes: ${local(now.plus({ days: 7 }))}`);
  writeFileSync(file, text);
  return target;
}

describe('jamun start', () => {
  let dir: string;
  let cli: CliProcess | undefined;
  const database = (): string => `file:${path.join(dir, 'jamun.db')}`;

  /** Runs `jamun start` with a clean environment plus `variables`. */
  const start = (variables: Record<string, string>): CliProcess => {
    cli = runCli(['start'], cleanEnv({ DATABASE_URL: database(), ...variables }));
    return cli;
  };

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'jamun-start-'));
  });

  afterEach(async () => {
    await cli?.kill();
    cli = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('GIVEN no messenger variables THEN it exits 6 (configuration) naming the Slack and Discord variables and the demo', async () => {
    const run = start({});
    expect((await run.exited).code).toBe(6);
    expect(run.stderr()).toContain('SLACK_BOT_TOKEN');
    expect(run.stderr()).toContain('DISCORD_TOKEN');
    expect(run.stderr()).toContain('npm run demo');
    expect(run.stdout()).not.toContain('jamun is running');
  });

  it('GIVEN only a Slack bot token in socket mode THEN it exits 6 (configuration) naming SLACK_APP_TOKEN and never prints the token', async () => {
    const run = start({ SLACK_BOT_TOKEN });
    expect((await run.exited).code).toBe(6);
    expect(run.stderr()).toContain('SLACK_APP_TOKEN');
    expect(`${run.stdout()}${run.stderr()}`).not.toContain(SLACK_BOT_TOKEN);
  });

  it('GIVEN a bad environment and a bad configuration THEN start reports both before connecting anywhere, exit 6', async () => {
    const config = configWithOpenWindow(dir);
    writeFileSync(path.join(config, 'rounds', `${ROUND}.yaml`), 'id: [');
    cli = runCli(
      ['start'],
      cleanEnv({ DATABASE_URL: 'file:', SLACK_BOT_TOKEN, SLACK_APP_TOKEN, JAMUN_CONFIG_DIR: config }),
    );
    expect((await cli.exited).code).toBe(6);
    const lines = cli.stderr().split('\n');
    expect(lines[0]).toBe('The environment has problems:');
    expect(lines).toContain(
      'environment: DATABASE_URL: names no file (file: alone would keep nothing); use e.g. file:./data/jamun.db, or unset it for that default',
    );
    expect(lines.some((line) => /^The configuration in .+ has 1 problem\(s\):$/.test(line))).toBe(true);
    expect(cli.stderr()).not.toContain('cannot reach');
  });

  describe('against the fake Slack (Socket Mode)', () => {
    let fake: FakeSlackServer;
    const staff = committee.staff.userIds.slack?.[0] ?? '';
    const staffChannel = committee.staffChannels.slack ?? '';

    beforeEach(async () => {
      fake = await FakeSlackServer.start();
    });

    afterEach(async () => {
      await cli?.kill();
      await fake.close();
    });

    it('GIVEN the Slack variables WHEN staff run /jamun open THEN all seven members get an invitation by DM, and SIGINT stops the bot with exit 0', async () => {
      const run = start({
        SLACK_BOT_TOKEN,
        SLACK_APP_TOKEN,
        SLACK_API_URL: fake.apiUrl,
        JAMUN_CONFIG_DIR: configWithOpenWindow(dir),
      });
      await run.waitForStdout('jamun is running (slack)', STARTUP_MS);
      await fake.socketConnected();

      const command = slashCommand(fake, staff, `open ${ROUND}`, staffChannel);
      expect(await fake.sendEnvelope('slash_commands', command)).toEqual({});
      const replyId = String(command.response_url).split('/').pop();
      const confirmation = await waitFor(
        () => fake.responses.find((r) => r.id === replyId),
        'the confirmation of /jamun open',
        20_000,
      );
      expect(confirmation.body.response_type).toBe('ephemeral');
      expect(JSON.stringify(confirmation.body.blocks)).toContain('jamun.open_confirm');
      const click = confirmOpen(fake, staff, ROUND, staffChannel);
      expect(await fake.sendEnvelope('interactive', click)).toEqual({});
      const clickReplyId = String(click.response_url).split('/').pop();
      const reply = await waitFor(() => fake.responses.find((r) => r.id === clickReplyId), 'the reply to Open', 20_000);
      expect(reply.body.replace_original).toBe(true);
      expect(String(reply.body.text)).toContain(openedText);

      const invited = members.map((m) => m.platforms.slack ?? '');
      await waitFor(
        () => invited.every((id) => fake.messagesIn(fake.dmChannelOf(id)).length > 0),
        'an invitation DM to every member',
        5000,
      );
      expect(new Set(fake.callsOf('conversations.open').map((c) => c.args.users))).toEqual(new Set(invited));
      for (const id of invited) {
        const [invitation] = fake.messagesIn(fake.dmChannelOf(id));
        expect(JSON.stringify(invitation?.blocks)).toContain('jamun.answer');
      }

      const exit = await run.stop('SIGINT');
      expect(exit.code).toBe(0);
      expect(run.stdout()).toContain('Stopping: finishing the current work');
      // Stopping flushes the coalesced progress edit, so staff see the final count.
      expect(fake.textsIn(staffChannel).at(-1)).toContain(`${members.length}/${members.length}`);
      const printed = `${run.stdout()}${run.stderr()}`;
      expect(printed).not.toContain(SLACK_BOT_TOKEN);
      expect(printed).not.toContain(SLACK_APP_TOKEN);
    }, 120_000);
  });

  describe('against the fake Discord', () => {
    let fake: FakeDiscord;
    const staff = committee.staff.userIds.discord?.[0] ?? '';
    const staffChannel = committee.staffChannels.discord ?? '';

    beforeEach(async () => {
      fake = await FakeDiscord.start({
        token: 'discord-start-test-token-5d1e',
        guild: {
          channels: [{ id: staffChannel, name: 'staff' }],
          roles: committee.staff.discordRoleIds.map((id) => ({ id, name: 'secretariat' })),
        },
      });
    });

    afterEach(async () => {
      await cli?.kill();
      await fake.close();
    });

    it('GIVEN the Discord variables WHEN staff run /jamun open THEN all seven members get an invitation by DM, and SIGINT stops the bot with exit 0', async () => {
      const run = start({
        DISCORD_TOKEN: fake.token,
        DISCORD_APPLICATION_ID: fake.applicationId,
        DISCORD_GUILD_ID: fake.guild.id,
        DISCORD_API_URL: fake.apiUrl,
        JAMUN_CONFIG_DIR: configWithOpenWindow(dir),
      });
      await run.waitForStdout('jamun is running (discord)', STARTUP_MS);
      await fake.gateway.waitForReady();

      // Staff confirm the open (members, business days, reminders) with its Open button.
      const { message: reply } = await fake.openConfirmed(staff, ROUND, staffChannel);
      expect(reply.content).toContain(openedText);

      const invited = members.map((m) => m.platforms.discord ?? '');
      await waitFor(
        () => invited.every((id) => fake.dmMessages(id).length > 0),
        'an invitation DM to every member',
        5000,
      );
      const dmOpened = fake.state.requests
        .filter((r) => r.method === 'POST' && r.path === '/users/@me/channels')
        .map((r) => String(r.json?.recipient_id));
      expect(new Set(dmOpened)).toEqual(new Set(invited));
      for (const id of invited) {
        expect(JSON.stringify(fake.dmMessages(id)[0]?.components)).toContain(`jm|open|0|${ROUND}`);
      }

      const exit = await run.stop('SIGINT');
      expect(exit.code).toBe(0);
      expect(run.stdout()).toContain('Stopping: finishing the current work');
      expect(`${run.stdout()}${run.stderr()}`).not.toContain(fake.token);
    }, 120_000);

    it('GIVEN Slack unreachable (a closed port) and Discord up THEN one line per failed try with back-off, Slack named down, the bot runs on Discord; WHEN the open round title is edited and SIGHUP sent THEN the change is reported applied', async () => {
      const config = configWithOpenWindow(dir);
      const run = start({
        SLACK_BOT_TOKEN,
        SLACK_APP_TOKEN,
        SLACK_API_URL: `http://127.0.0.1:${await closedPort()}/api/`,
        DISCORD_TOKEN: fake.token,
        DISCORD_APPLICATION_ID: fake.applicationId,
        DISCORD_GUILD_ID: fake.guild.id,
        DISCORD_API_URL: fake.apiUrl,
        JAMUN_CONFIG_DIR: config,
      });
      await run.waitForStdout('jamun is running (discord)', STARTUP_MS);
      const lines = run.stderr().split('\n');
      expect(lines[0]).toMatch(
        /^Slack: cannot reach http:\/\/127\.0\.0\.1:\d+\/api\/ \(connection refused\); trying again in 1 s \(attempt 1 of 3\)\.$/,
      );
      expect(lines[1]).toMatch(/; trying again in 2 s \(attempt 2 of 3\)\.$/);
      expect(lines[2]).toMatch(/^Slack is down: .+ could not be reached after 3 attempts \(connection refused\)\.$/);
      await waitFor(() => run.stderr().includes('Slack is down: jamun runs without it.'), 'the down line', 5000);
      // Slack's client never ran, so none of its retry warnings.
      expect(run.stderr()).not.toContain('"adapter":"slack"');

      await fake.gateway.waitForReady();
      await fake.openConfirmed(staff, ROUND, staffChannel);
      const file = path.join(config, 'rounds', `${ROUND}.yaml`);
      writeFileSync(file, readFileSync(file, 'utf8').replace('서면자문"', '서면 자문"'));
      run.signal('SIGHUP');
      await run.waitForStdout('설정을 다시 읽었습니다', 20_000);
      await run.waitForStdout('반영하였습니다. 이후 보내는 안내부터 바뀐 문구를 씁니다', 5000);
      expect((await run.stop('SIGINT')).code).toBe(0);
    }, 120_000);
  });

  it('GIVEN Slack at a closed port and Discord at a host that does not resolve THEN both are named with their reason and it exits 7 (unreachable), no stack, no JSON', async () => {
    const run = start({
      SLACK_BOT_TOKEN,
      SLACK_APP_TOKEN,
      SLACK_API_URL: `http://127.0.0.1:${await closedPort()}/api/`,
      DISCORD_TOKEN: 'discord-start-test-token-5d1e',
      DISCORD_APPLICATION_ID: '123456789012345678',
      DISCORD_API_URL: 'http://jamun-test.invalid/api',
    });
    expect((await run.exited).code).toBe(7);
    const err = run.stderr();
    expect(err).toMatch(/^Slack is down: .+ \(connection refused\)\.$/m);
    expect(err).toMatch(
      /^Discord is down: http:\/\/jamun-test\.invalid\/api could not be reached after 3 attempts \(the host name does not resolve \(DNS\)\)\.$/m,
    );
    expect(err.trimEnd().split('\n').at(-1)).toBe(
      'No messenger could be reached, so jamun does not run. Check the network (and SLACK_API_URL / DISCORD_API_URL if set), then start again.',
    );
    expect(err).not.toMatch(/\n\s+at .+:\d+:\d+|"level"/);
    expect(run.stdout()).not.toContain('jamun is running');
  }, 60_000);
});

/** A local port nothing listens on: taken from the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
