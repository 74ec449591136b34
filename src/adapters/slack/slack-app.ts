/**
 * Builds the Bolt App for either transport: Socket Mode (app-level token,
 * no public URL) or HTTP with request signing (Bolt's HTTPReceiver checks
 * `v0=HMAC_SHA256(secret, "v0:" + ts + ":" + body)` and rejects stale
 * timestamps with 401; a fresh one replayed is refused by `replay-guard.ts`). The Web API base URL and retry policy are settings,
 * so tests point the real client at a local fake.
 */
import type { CallLimit } from './slack-pacing.ts';
import { App, HTTPReceiver, webApi } from '@slack/bolt';
import type { Logger } from '../../core/ports/logger.ts';
import { boltLogger } from './bolt-logger.ts';
import { signedRequestProperties } from './replay-guard.ts';

/** WebClient retry policy (node-retry options). 429s are waited out per `Retry-After` and count as attempts. */
interface SlackRetryPolicy {
  retries: number;
  factor: number;
  minTimeout: number;
  maxTimeout: number;
  randomize?: boolean;
}

/** Settings of the Slack adapter; structurally the `slack` part of `AppEnv`, plus tuning. */
export type SlackSettings = (
  | { mode: 'socket'; botToken: string; appToken: string; signingSecret?: string; apiUrl: string }
  | { mode: 'http'; botToken: string; signingSecret: string; port: number; apiUrl: string; host?: string }
) & {
  /** Web API retries; default: up to 8 attempts over ~2 minutes with exponential backoff. */
  retryConfig?: SlackRetryPolicy;
  /** Least time between edits of one staff message (ms); default 1200 (chat.update is ~50/min). */
  editIntervalMs?: number;
  /** `conversations.open` calls per minute; default 50 (Tier 3, "50+"). */
  dmOpensPerMinute?: number;
  /** `conversations.open` calls per window, overriding `dmOpensPerMinute` (the bench scales time). */
  dmOpenLimit?: CallLimit;
};

/** Backoff for 5xx and network errors; `Retry-After` governs 429s. */
const DEFAULT_RETRY: SlackRetryPolicy = {
  retries: 8,
  factor: 2,
  minTimeout: 1000,
  maxTimeout: 30_000,
  randomize: true,
};

function clientOptions(settings: SlackSettings) {
  return {
    slackApiUrl: settings.apiUrl.endsWith('/') ? settings.apiUrl : `${settings.apiUrl}/`,
    retryConfig: settings.retryConfig ?? DEFAULT_RETRY,
  };
}

/** The WebClient outbound messages go through, apart from Bolt's own (see `HandlerDeps.ui`). */
export function createOutboundClient(settings: SlackSettings, logger: Logger): webApi.WebClient {
  return new webApi.WebClient(settings.botToken, {
    ...clientOptions(settings),
    logger: boltLogger(logger.child({ component: 'slack-web' })),
  });
}

/** A Bolt App for `settings`, not yet initialised (no network until `init`). */
export function createBoltApp(settings: SlackSettings, logger: Logger): App {
  const boltLog = boltLogger(logger.child({ component: 'bolt' }));
  const common = {
    token: settings.botToken,
    logger: boltLog,
    clientOptions: clientOptions(settings),
    deferInitialization: true,
  };
  if (settings.mode === 'socket') {
    return new App({ ...common, socketMode: true, appToken: settings.appToken });
  }
  // Our own receiver only to hand each request's signature to the replay guard (see replay-guard.ts).
  const receiver = new HTTPReceiver({
    signingSecret: settings.signingSecret,
    port: settings.port,
    logger: boltLog,
    customPropertiesExtractor: signedRequestProperties,
  });
  return new App({ ...common, receiver });
}
