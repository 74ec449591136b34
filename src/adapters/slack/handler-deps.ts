/**
 * What the Slack handlers share: the core (settable after construction, as
 * the core needs the messenger first), the messenger, a logger.
 */
import type { webApi } from '@slack/bolt';
import type { JamunApi } from '../../core/app/inbound.ts';
import type { Actor } from '../../core/model.ts';
import type { Logger } from '../../core/ports/logger.ts';
import type { SlackMessenger } from './slack-messenger.ts';

export interface HandlerDeps {
  /** The core; throws when the adapter was started without `attach(app)`. */
  api(): JamunApi;
  messenger: SlackMessenger;
  /**
   * The client for modals. It is not the messenger's: a 429 pauses a
   * WebClient's whole queue, and a fan-out waiting out `conversations.open`
   * limits must not make a member's 3-second trigger id expire.
   */
  ui: webApi.WebClient;
  logger: Logger;
}

/** The actor for a Slack user. */
export function slackActor(userId: string, displayName?: string): Actor {
  return { platform: 'slack', userId, ...(displayName ? { displayName } : {}) };
}
