/**
 * What the Discord adapter needs to run; built by the CLI from `AppEnv.discord`
 * (`DISCORD_TOKEN`, `DISCORD_APPLICATION_ID`, `DISCORD_GUILD_ID`, `DISCORD_API_URL`).
 */
export interface DiscordSettings {
  /** The bot token. Never logged. */
  token: string;
  applicationId: string;
  /** Guild to register commands in (instant); global registration when absent. */
  guildId?: string;
  /** REST base, e.g. `https://discord.com/api` (tests: the fake's `http://127.0.0.1:PORT/api`). */
  apiUrl: string;
  /** discord.js REST tuning: retries on 5xx/network errors and per-request timeout. */
  rest?: { retries?: number; timeoutMs?: number };
}
