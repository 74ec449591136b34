/**
 * Starts the fake Discord and the real Discord adapter (discord.js client)
 * against it, with REST retries and timeouts kept low so failures show fast.
 */
import { createDiscordAdapter, type DiscordAdapter } from '../../../src/adapters/discord/index.ts';
import type { DiscordSettings } from '../../../src/adapters/discord/discord-settings.ts';
import type { JamunApi } from '../../../src/core/app/inbound.ts';
import { silentLogger, type Logger } from '../../../src/core/ports/logger.ts';
import { FakeDiscord, type FakeDiscordOptions } from '../../fakes/discord/fake-discord.ts';

export interface DiscordKit {
  fake: FakeDiscord;
  adapter: DiscordAdapter;
  settings: DiscordSettings;
  close(): Promise<void>;
}

/** Settings pointing discord.js at the fake. */
export function settingsFor(fake: FakeDiscord): DiscordSettings {
  return {
    token: fake.token,
    applicationId: fake.applicationId,
    guildId: fake.guild.id,
    apiUrl: fake.apiUrl,
    rest: { retries: 1, timeoutMs: 2000 },
  };
}

export interface KitOptions {
  app?: JamunApi;
  logger?: Logger;
  rest?: DiscordSettings['rest'];
}

/** A fake Discord plus the started adapter (gateway connected); `app` is attached when given. */
export async function startDiscordKit(options: FakeDiscordOptions & KitOptions = {}): Promise<DiscordKit> {
  return startDiscordKitOn(await FakeDiscord.start(options), options);
}

/** The started adapter on an already running fake. */
export async function startDiscordKitOn(fake: FakeDiscord, options: KitOptions = {}): Promise<DiscordKit> {
  const settings = { ...settingsFor(fake), ...(options.rest ? { rest: options.rest } : {}) };
  const adapter = createDiscordAdapter(settings, { logger: options.logger ?? silentLogger });
  if (options.app) adapter.attach(options.app);
  await adapter.start();
  return {
    fake,
    adapter,
    settings,
    close: async () => {
      await adapter.stop();
      await fake.close();
    },
  };
}
