import { describe, expect, it } from 'vitest';
import { formatConfigError } from '../../src/config/config-error.ts';
import { parseEnv, type AppEnv } from '../../src/config/env.ts';

const BOT = 'xoxb-1111-2222-SECRETBOT';
const APP = 'xapp-1-A111-SECRETAPP';
const SIGNING = 'SECRETSIGNING0123';
const DISCORD = 'MTAx.SECRET.DISCORDTOKEN';
const APP_ID = '123456789012345678';

function envOf(env: NodeJS.ProcessEnv): AppEnv {
  const result = parseEnv(env);
  if (!result.ok) throw new Error(result.error.map(formatConfigError).join('\n'));
  return result.value;
}

function errorsOf(env: NodeJS.ProcessEnv): string[] {
  const result = parseEnv(env);
  return result.ok ? [] : result.error.map(formatConfigError);
}

describe('GIVEN an empty environment', () => {
  it('WHEN parsed THEN every default applies and no platform is configured', () => {
    expect(envOf({})).toEqual({
      databaseUrl: 'file:./data/jamun.db',
      configDir: 'config',
      logLevel: 'info',
      tickCron: '* * * * *',
      clockOffsetMs: 0,
      httpPort: null,
      retentionMonths: null,
      slack: null,
      discord: null,
    });
  });

  it('WHEN JAMUN_HTTP_PORT is set THEN the operations endpoints get that port; a bad one is named', () => {
    expect(envOf({ JAMUN_HTTP_PORT: '9464' }).httpPort).toBe(9464);
    expect(errorsOf({ JAMUN_HTTP_PORT: 'ninety' })).toEqual([
      'environment: JAMUN_HTTP_PORT: must be a port number 1-65535',
    ]);
  });

  it('WHEN variables are set but blank THEN they count as unset', () => {
    expect(envOf({ SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '  ', LOG_LEVEL: '' })).toMatchObject({
      slack: null,
      discord: null,
      logLevel: 'info',
    });
  });
});

describe('GIVEN complete platform settings', () => {
  it('WHEN Slack runs in socket mode THEN the bot and app tokens are used', () => {
    expect(envOf({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP }).slack).toEqual({
      mode: 'socket',
      botToken: BOT,
      appToken: APP,
      apiUrl: 'https://slack.com/api/',
    });
  });

  it('WHEN Slack runs over HTTP THEN the signing secret and port are used', () => {
    expect(
      envOf({
        SLACK_BOT_TOKEN: BOT,
        SLACK_SIGNING_SECRET: SIGNING,
        SLACK_MODE: 'http',
        SLACK_PORT: '8080',
        SLACK_API_URL: 'http://127.0.0.1:9/api/',
      }).slack,
    ).toEqual({ mode: 'http', botToken: BOT, signingSecret: SIGNING, port: 8080, apiUrl: 'http://127.0.0.1:9/api/' });
  });

  it('WHEN SLACK_DM_OPENS_PER_MINUTE is set THEN Slack DMs open at that pace; a pace that is not a whole number is named', () => {
    expect(
      envOf({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_DM_OPENS_PER_MINUTE: '100' }).slack?.dmOpensPerMinute,
    ).toBe(100);
    expect(errorsOf({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_DM_OPENS_PER_MINUTE: '0.5' })).toEqual([
      'environment: SLACK_DM_OPENS_PER_MINUTE: must be a whole number of calls per minute (1-10000)',
    ]);
  });

  it('WHEN Discord is configured with a guild THEN all three are used', () => {
    expect(
      envOf({ DISCORD_TOKEN: DISCORD, DISCORD_APPLICATION_ID: APP_ID, DISCORD_GUILD_ID: '223456789012345678' }).discord,
    ).toEqual({
      token: DISCORD,
      applicationId: APP_ID,
      guildId: '223456789012345678',
      apiUrl: 'https://discord.com/api',
    });
  });

  it('WHEN the general settings are given THEN they override the defaults', () => {
    expect(
      envOf({
        DATABASE_URL: 'file:/var/lib/jamun.db',
        JAMUN_CONFIG_DIR: '/etc/jamun',
        LOG_LEVEL: 'debug',
        JAMUN_TICK_CRON: '*/5 * * * *',
      }),
    ).toMatchObject({
      databaseUrl: 'file:/var/lib/jamun.db',
      configDir: '/etc/jamun',
      logLevel: 'debug',
      tickCron: '*/5 * * * *',
    });
  });

  it('WHEN DATABASE_URL names a PostgreSQL server THEN it is taken as it is', () => {
    expect(envOf({ DATABASE_URL: 'postgres://jamun:pw@db:5432/jamun' }).databaseUrl).toBe(
      'postgres://jamun:pw@db:5432/jamun',
    );
    expect(envOf({ DATABASE_URL: 'postgresql://db/jamun' }).databaseUrl).toBe('postgresql://db/jamun');
  });
});

describe('GIVEN a half-configured platform', () => {
  it('WHEN Slack has a bot token but no app token in socket mode THEN SLACK_APP_TOKEN is named', () => {
    expect(errorsOf({ SLACK_BOT_TOKEN: BOT })).toEqual([
      'environment: SLACK_APP_TOKEN: required in Slack socket mode (SLACK_MODE=socket, the default)',
    ]);
  });

  it('WHEN Slack runs over HTTP without a signing secret THEN SLACK_SIGNING_SECRET is named', () => {
    expect(errorsOf({ SLACK_BOT_TOKEN: BOT, SLACK_MODE: 'http' })).toEqual([
      'environment: SLACK_SIGNING_SECRET: required in Slack HTTP mode (SLACK_MODE=http)',
    ]);
  });

  it('WHEN Slack has only an app token THEN SLACK_BOT_TOKEN is named', () => {
    expect(errorsOf({ SLACK_APP_TOKEN: APP })).toEqual([
      'environment: SLACK_BOT_TOKEN: required because SLACK_APP_TOKEN is set',
    ]);
  });

  it('WHEN Discord has a token but no application id THEN DISCORD_APPLICATION_ID is named', () => {
    expect(errorsOf({ DISCORD_TOKEN: DISCORD })).toEqual([
      'environment: DISCORD_APPLICATION_ID: required because DISCORD_TOKEN is set',
    ]);
  });
});

describe('GIVEN malformed values, some of them secrets', () => {
  const env = {
    SLACK_BOT_TOKEN: 'xoxp-SECRETUSERTOKEN',
    SLACK_APP_TOKEN: APP,
    DISCORD_TOKEN: 'SECRET WITH SPACE',
    DISCORD_APPLICATION_ID: 'SECRETNOTANID',
    LOG_LEVEL: 'loud',
    SLACK_PORT: 'eighty',
    JAMUN_TICK_CRON: 'every minute',
    DATABASE_URL: 'mysql://jamun:SECRETPW@db/jamun',
  };

  it('WHEN parsed THEN every problem is reported together', () => {
    expect(errorsOf(env)).toEqual([
      'environment: DATABASE_URL: must be a SQLite URL starting with file: or a PostgreSQL URL starting with postgres://',
      'environment: LOG_LEVEL: must be one of: fatal, error, warn, info, debug, trace, silent',
      'environment: JAMUN_TICK_CRON: must be a cron expression such as "* * * * *"',
      'environment: SLACK_BOT_TOKEN: must start with xoxb-',
      'environment: SLACK_PORT: must be a port number 1-65535',
      'environment: DISCORD_TOKEN: must not contain spaces',
      'environment: DISCORD_APPLICATION_ID: must be a Discord id of 17 to 20 digits',
    ]);
  });

  it('WHEN reported THEN no message contains a secret value', () => {
    const text = JSON.stringify(parseEnv(env));
    expect(text).not.toMatch(/SECRET/);
  });
});
