/**
 * The Discord adapter's entry point for the CLI:
 *
 * ```ts
 * const discord = createDiscordAdapter(settings, { logger });
 * const app = createJamunApp({ ..., messengers: [discord.messenger, ...] });
 * discord.attach(app);
 * await discord.start();
 * ```
 */
import type { JamunApi } from '../../core/app/inbound.ts';
import type { Logger } from '../../core/ports/logger.ts';
import type { Messenger } from '../../core/ports/messenger.ts';
import { DiscordBot } from './discord-bot.ts';
import type { DiscordSettings } from './discord-settings.ts';

export type { DiscordSettings } from './discord-settings.ts';
export { registerDiscordCommands } from './register-commands.ts';

/** The adapter: its messenger (for the app), then `attach(app)`, `start()`, `stop()`. */
export interface DiscordAdapter {
  messenger: Messenger;
  /** Connects inbound events to the app; call before `start()` so no event is dropped. */
  attach(app: JamunApi): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Builds the Discord adapter. `deps.app` may be given now or later with `attach`. */
export function createDiscordAdapter(
  settings: DiscordSettings,
  deps: { app?: JamunApi; logger: Logger },
): DiscordAdapter {
  const bot = new DiscordBot(settings, deps.logger);
  if (deps.app) bot.attach(deps.app);
  return {
    messenger: bot.messenger,
    attach: (app) => bot.attach(app),
    start: () => bot.start(),
    stop: () => bot.stop(),
  };
}
