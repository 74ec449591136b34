/**
 * The two fakes as the crash trials drive them: each starts on a fresh port,
 * takes `/jamun open` from staff (resolving once the running bot acknowledged
 * it), and shows what members and the staff channel received.
 */
import { seedConfig } from '../fakes/app-harness.ts';
import { FakeDiscord } from '../fakes/discord/fake-discord.ts';
import { FakeSlackServer } from '../fakes/slack/fake-slack-server.ts';
import { confirmOpen } from '../fakes/slack/slack-payloads.ts';
import { ROUND, type TrialMember } from './trial-kit.ts';

/** How long staff keep trying to reach a bot that is (re)starting. */
const WAIT_MS = 120_000;
const committee = seedConfig().committees[0];
if (!committee) throw new Error('seed committee missing');

/** A platform as the trial drives it. */
export interface TrialPlatform {
  name: 'slack' | 'discord';
  variables(): Record<string, string>;
  /** Sends `/jamun open ROUND` as staff; resolves once the running bot has acknowledged it. */
  open(): Promise<void>;
  /**
   * Sends `/jamun open ROUND` once, as soon as the bot's connection is up; the trial freezes the bot
   * from then on. Discord: resolves on the bot's first response (due within 3 s). Slack: does not
   * wait for the ack, which may reach the fake only after the open's work is done. Use on the first
   * start only (readiness is not per process).
   */
  openOnce(): Promise<void>;
  /** How many invitation DMs the member has received. */
  invitations(member: TrialMember): number;
  /**
   * Why a cut send may stay uncertain on this platform (the outbox error the bot records), or
   * null when the platform always tells: Slack reads the DM's history; Discord's nonce holds only
   * for a few minutes, so a restart "15 minutes later" cannot settle.
   */
  cannotTell: RegExp | null;
  /** Everything in the staff channel, as posted or last edited (the progress message among it). */
  staffChannel(): string;
  close(): Promise<void>;
}

/** Retries `attempt` until it resolves: a restarted bot's connection may not be up yet. */
async function untilAccepted(attempt: () => Promise<unknown>, what: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      await attempt();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${what} never acknowledged: ${String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export async function slackPlatform(): Promise<TrialPlatform> {
  const fake = await FakeSlackServer.start();
  const staff = committee?.staff.userIds.slack?.[0] ?? '';
  const channel = committee?.staffChannels.slack ?? '';
  return {
    name: 'slack',
    variables: () => ({
      SLACK_BOT_TOKEN: 'xoxb-crash-trial',
      SLACK_APP_TOKEN: 'xapp-crash-trial',
      SLACK_API_URL: fake.apiUrl,
      // The fake enforces no limit here; at Slack's 50 opens a minute 200 invitations would take 4 minutes.
      SLACK_DM_OPENS_PER_MINUTE: '6000',
    }),
    open: () =>
      untilAccepted(
        () => fake.sendEnvelope('interactive', confirmOpen(fake, staff, ROUND, channel)),
        'the open command',
      ),
    openOnce: async () => {
      await fake.socketConnected();
      void fake.sendEnvelope('interactive', confirmOpen(fake, staff, ROUND, channel)).catch(() => {});
    },
    cannotTell: null,
    invitations: (m) =>
      fake.messagesIn(fake.dmChannelOf(m.slack)).filter((msg) => JSON.stringify(msg.blocks).includes('jamun.answer'))
        .length,
    staffChannel: () => JSON.stringify(fake.messagesIn(channel)),
    close: () => fake.close(),
  };
}

export async function discordPlatform(): Promise<TrialPlatform> {
  const channel = committee?.staffChannels.discord ?? '';
  const fake = await FakeDiscord.start({
    token: 'discord-crash-trial-token',
    guild: {
      channels: [{ id: channel, name: 'staff' }],
      roles: (committee?.staff.discordRoleIds ?? []).map((id) => ({ id, name: 'secretariat' })),
    },
  });
  const staff = committee?.staff.userIds.discord?.[0] ?? '';
  return {
    name: 'discord',
    variables: () => ({
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_GUILD_ID: fake.guild.id,
      DISCORD_API_URL: fake.apiUrl,
    }),
    open: () =>
      untilAccepted(async () => {
        await fake.gateway.waitForReady();
        // The command, then Open on its confirmation; a session that just died answers neither (Discord gives 3 s).
        await fake.openConfirmed(staff, ROUND, channel, 3_000, 'acknowledged');
      }, 'the open command'),
    openOnce: async () => {
      await fake.gateway.waitForReady();
      // The command, then Open on its confirmation: the open's reply is edited in before any freezing.
      await fake.openConfirmed(staff, ROUND, channel, 3_000, 'acknowledged');
    },
    cannotTell: /outside the nonce window/,
    invitations: (m) =>
      fake.dmMessages(m.discord).filter((msg) => JSON.stringify(msg.components).includes(`jm|open|0|${ROUND}`)).length,
    staffChannel: () => JSON.stringify(fake.channelMessages(channel)),
    close: () => fake.close(),
  };
}
