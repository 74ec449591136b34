/**
 * The process environment, validated once. This is the only module of the
 * application that touches `process.env` ({@link readProcessEnv}); every
 * other module receives an {@link AppEnv}.
 *
 * Empty variables count as unset (a blank line in a `.env` file must not
 * switch a platform on). Error messages name variables, never their values.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv as parseEnvText } from 'node:util';
import { validate as isValidCron } from 'node-cron';
import { z } from 'zod';
import type { Result } from '../core/errors.ts';
import type { ConfigError } from './config-error.ts';
import { configErrorMap } from './zod-issues.ts';

/** Where environment problems are reported. */
const ENV_FILE = 'environment';

/** pino's levels. */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
type LogLevel = (typeof LOG_LEVELS)[number];

/** Slack over a Socket Mode websocket (no public URL needed). */
interface SlackSocketEnv {
  mode: 'socket';
  botToken: string;
  appToken: string;
  /** Optional in socket mode; Bolt verifies nothing with it there. */
  signingSecret?: string;
  apiUrl: string;
  /** `conversations.open` calls per minute (Slack's Tier 3 is "50+"; default 50). */
  dmOpensPerMinute?: number;
}

/** Slack over HTTP: Slack calls the bot's Events/Interactivity URL on `port`. */
interface SlackHttpEnv {
  mode: 'http';
  botToken: string;
  signingSecret: string;
  port: number;
  apiUrl: string;
  /** `conversations.open` calls per minute (Slack's Tier 3 is "50+"; default 50). */
  dmOpensPerMinute?: number;
}

type SlackEnv = SlackSocketEnv | SlackHttpEnv;

interface DiscordEnv {
  token: string;
  applicationId: string;
  /** Registers slash commands in this guild only (instant), instead of globally. */
  guildId?: string;
  apiUrl: string;
  /** `conversations.open` calls per minute (Slack's Tier 3 is "50+"; default 50). */
  dmOpensPerMinute?: number;
}

/** Everything the application reads from its environment. */
export interface AppEnv {
  /** `file:…` (SQLite, the default) or `postgres://…` (PostgreSQL, for several instances). */
  databaseUrl: string;
  configDir: string;
  logLevel: LogLevel;
  /** Cron expression of the scheduler tick. */
  tickCron: string;
  /**
   * How far the bot's clock runs ahead of the machine's (0 normally). For
   * drills and crash trials: a restart "15 minutes later" without waiting.
   */
  clockOffsetMs: number;
  /** Port of /healthz, /readyz and /metrics (`jamun start` only); null (off) when JAMUN_HTTP_PORT is unset. */
  httpPort: number | null;
  /** Answers of rounds whose report has been final this many months are deleted; null keeps them. */
  retentionMonths: number | null;
  /** Null when no Slack variable is set. */
  slack: SlackEnv | null;
  /** Null when no Discord variable is set. */
  discord: DiscordEnv | null;
}

const blankIsUnset = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const withDefault = (schema: z.ZodType<string>, fallback: string) =>
  z.preprocess(blankIsUnset, schema.default(fallback));
const secret = (prefix?: string) => {
  const shape = prefix
    ? z.string().trim().startsWith(prefix)
    : z.string().trim().regex(/^\S+$/, { error: 'must not contain spaces' });
  return z.preprocess(blankIsUnset, shape.optional());
};
const snowflake = z.preprocess(
  blankIsUnset,
  z
    .string()
    .trim()
    .regex(/^\d{17,20}$/, { error: 'must be a Discord id of 17 to 20 digits' })
    .optional(),
);
const httpUrl = (fallback: string) =>
  withDefault(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }), fallback);

const envSchema = z.object({
  DATABASE_URL: withDefault(
    z
      .string()
      .regex(/^(?:file:|postgres(?:ql)?:\/\/)/, {
        error: 'must be a SQLite URL starting with file: or a PostgreSQL URL starting with postgres://',
      })
      .refine((url) => !url.startsWith('file:') || url.slice('file:'.length).trim() !== '', {
        error:
          'names no file (file: alone would keep nothing); use e.g. file:./data/jamun.db, or unset it for that default',
      }),
    'file:./data/jamun.db',
  ),
  JAMUN_CONFIG_DIR: withDefault(z.string().trim(), 'config'),
  LOG_LEVEL: z.preprocess(blankIsUnset, z.enum(LOG_LEVELS).default('info')),
  JAMUN_TICK_CRON: withDefault(
    z
      .string()
      .trim()
      .refine((v) => isValidCron(v), { error: 'must be a cron expression such as "* * * * *"' }),
    '* * * * *',
  ),
  JAMUN_CLOCK_OFFSET_MINUTES: z.preprocess(
    blankIsUnset,
    z.coerce.number({ error: 'must be a whole number of minutes' }).int().min(0).max(525_600).default(0),
  ),
  JAMUN_HTTP_PORT: z.preprocess(
    blankIsUnset,
    z.coerce.number({ error: 'must be a port number 1-65535' }).int().min(1).max(65535).optional(),
  ),
  JAMUN_RETENTION_MONTHS: z.preprocess(
    blankIsUnset,
    z.coerce.number({ error: 'must be a whole number of months (1-600)' }).int().min(1).max(600).optional(),
  ),
  SLACK_BOT_TOKEN: secret('xoxb-'),
  SLACK_APP_TOKEN: secret('xapp-'),
  SLACK_SIGNING_SECRET: secret(),
  SLACK_MODE: z.preprocess(blankIsUnset, z.enum(['socket', 'http']).default('socket')),
  SLACK_PORT: z.preprocess(
    blankIsUnset,
    z.coerce.number({ error: 'must be a port number 1-65535' }).int().min(1).max(65535).default(3000),
  ),
  SLACK_API_URL: httpUrl('https://slack.com/api/'),
  SLACK_DM_OPENS_PER_MINUTE: z.preprocess(
    blankIsUnset,
    z.coerce
      .number({ error: 'must be a whole number of calls per minute (1-10000)' })
      .int()
      .min(1)
      .max(10_000)
      .optional(),
  ),
  DISCORD_TOKEN: secret(),
  DISCORD_APPLICATION_ID: snowflake,
  DISCORD_GUILD_ID: snowflake,
  DISCORD_API_URL: httpUrl('https://discord.com/api'),
});

type ParsedEnv = z.output<typeof envSchema>;

const SLACK_CREDENTIALS = ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET'] as const;
const DISCORD_VARIABLES = ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID'] as const;

function isSet(env: NodeJS.ProcessEnv, name: string): boolean {
  return blankIsUnset(env[name]) !== undefined;
}

function because(names: readonly string[]): string {
  return `because ${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} set`;
}

/**
 * A platform is switched on by any of its credentials and then needs all of
 * them. Checked on the raw environment so these errors come together with
 * malformed-value errors.
 */
function missingPlatformVariables(env: NodeJS.ProcessEnv): ConfigError[] {
  const errors: ConfigError[] = [];
  const missing = (variable: string, why: string): void => {
    if (!isSet(env, variable)) errors.push({ file: ENV_FILE, path: variable, message: `required ${why}` });
  };
  const slack = SLACK_CREDENTIALS.filter((name) => isSet(env, name));
  if (slack.length > 0) {
    missing('SLACK_BOT_TOKEN', because(slack));
    const mode = blankIsUnset(env['SLACK_MODE']) ?? 'socket';
    if (mode === 'socket') missing('SLACK_APP_TOKEN', 'in Slack socket mode (SLACK_MODE=socket, the default)');
    if (mode === 'http') missing('SLACK_SIGNING_SECRET', 'in Slack HTTP mode (SLACK_MODE=http)');
  }
  const discord = DISCORD_VARIABLES.filter((name) => isSet(env, name));
  if (discord.length > 0) {
    missing('DISCORD_TOKEN', because(discord));
    missing('DISCORD_APPLICATION_ID', because(discord));
  }
  return errors;
}

function slackEnv(e: ParsedEnv): SlackEnv | null {
  const { SLACK_BOT_TOKEN: botToken, SLACK_APP_TOKEN: appToken, SLACK_SIGNING_SECRET: signingSecret } = e;
  if (botToken === undefined) return null;
  const perMinute = e.SLACK_DM_OPENS_PER_MINUTE;
  const pace = perMinute === undefined ? {} : { dmOpensPerMinute: perMinute };
  if (e.SLACK_MODE === 'http') {
    if (signingSecret === undefined) return null;
    return { mode: 'http', botToken, signingSecret, port: e.SLACK_PORT, apiUrl: e.SLACK_API_URL, ...pace };
  }
  if (appToken === undefined) return null;
  const socket: SlackSocketEnv = { mode: 'socket', botToken, appToken, apiUrl: e.SLACK_API_URL, ...pace };
  if (signingSecret !== undefined) socket.signingSecret = signingSecret;
  return socket;
}

function discordEnv(e: ParsedEnv): DiscordEnv | null {
  if (e.DISCORD_TOKEN === undefined || e.DISCORD_APPLICATION_ID === undefined) return null;
  const discord: DiscordEnv = {
    token: e.DISCORD_TOKEN,
    applicationId: e.DISCORD_APPLICATION_ID,
    apiUrl: e.DISCORD_API_URL,
  };
  if (e.DISCORD_GUILD_ID !== undefined) discord.guildId = e.DISCORD_GUILD_ID;
  return discord;
}

/**
 * Validates an environment. Unrelated variables are ignored. Each problem is
 * a {@link ConfigError} with `file: 'environment'` and the variable as `path`;
 * all problems are reported together.
 */
export function parseEnv(env: NodeJS.ProcessEnv): Result<AppEnv, ConfigError[]> {
  const parsed = envSchema.safeParse(env, { error: configErrorMap });
  const errors: ConfigError[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        file: ENV_FILE,
        path: issue.path.map(String).join('.'),
        message: issue.message,
      }));
  errors.push(...missingPlatformVariables(env));
  if (!parsed.success || errors.length > 0) return { ok: false, error: errors };
  const e = parsed.data;
  return {
    ok: true,
    value: {
      databaseUrl: e.DATABASE_URL,
      configDir: e.JAMUN_CONFIG_DIR,
      logLevel: e.LOG_LEVEL,
      tickCron: e.JAMUN_TICK_CRON,
      clockOffsetMs: e.JAMUN_CLOCK_OFFSET_MINUTES * 60_000,
      httpPort: e.JAMUN_HTTP_PORT ?? null,
      retentionMonths: e.JAMUN_RETENTION_MONTHS ?? null,
      slack: slackEnv(e),
      discord: discordEnv(e),
    },
  };
}

/**
 * Adds the variables of an env file (`KEY=value` lines, as `.env.example`)
 * to the process environment; variables already set in the environment win,
 * so a unit file or `docker run -e` can override the file. `file` is the
 * `jamun --env FILE` path, or undefined for `.env` in the working folder, which
 * may be absent. Returns the problem as one line, or null.
 */
export function loadEnvFile(file: string | undefined): string | null {
  const path = file ?? '.env';
  if (!existsSync(path)) return file === undefined ? null : `--env ${file}: no such file.`;
  let values: NodeJS.Dict<string>;
  try {
    values = parseEnvText(readFileSync(path, 'utf8'));
  } catch (error) {
    return `${path}: could not be read (${error instanceof Error ? error.message : String(error)}).`;
  }
  for (const [name, value] of Object.entries(values))
    if (process.env[name] === undefined && value !== undefined) process.env[name] = value;
  return null;
}

/** The application's single read of `process.env`. */
export function readProcessEnv(): Result<AppEnv, ConfigError[]> {
  return parseEnv(process.env);
}

/**
 * The configuration folder JAMUN_CONFIG_DIR names (default `config`), read on
 * its own: a problem in another variable must not send `config check` or
 * `start` to the wrong folder while both are reported together.
 */
export function configDirFromEnv(): string {
  const value = process.env.JAMUN_CONFIG_DIR?.trim();
  return value ? value : 'config';
}

/** Whether `JAMUN_DEBUG` asks for stack traces of unexpected errors (off by default: operators get one line). */
export function debugRequested(): boolean {
  const value = process.env.JAMUN_DEBUG;
  return value !== undefined && value.trim() !== '' && value !== '0';
}
