/**
 * The messengers `jamun start` runs, chosen by the environment. Each adapter
 * gives the core its messenger first and receives the core (`attach`) after.
 */
import { createDiscordAdapter } from '../adapters/discord/index.ts';
import { createSlackAdapter } from '../adapters/slack/index.ts';
import type { AppEnv } from '../config/env.ts';
import type { JamunApi } from '../core/app/inbound.ts';
import type { Logger } from '../core/ports/logger.ts';
import type { Messenger } from '../core/ports/messenger.ts';

/** What `start` needs of any platform adapter. */
export interface PlatformAdapter {
  messenger: Messenger;
  attach(app: JamunApi): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Adapters for the platforms configured in `env`, Slack first (members with both ids are reached on Slack). */
export function platformAdapters(env: AppEnv, logger: Logger): PlatformAdapter[] {
  const adapters: PlatformAdapter[] = [];
  if (env.slack) adapters.push(createSlackAdapter(env.slack, { logger }));
  if (env.discord) {
    adapters.push(
      createDiscordAdapter(
        {
          token: env.discord.token,
          applicationId: env.discord.applicationId,
          apiUrl: env.discord.apiUrl,
          ...(env.discord.guildId ? { guildId: env.discord.guildId } : {}),
        },
        { logger },
      ),
    );
  }
  return adapters;
}
