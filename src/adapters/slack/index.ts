/**
 * The Slack adapter: a messenger for the core, and the Bolt app that turns
 * members' clicks, modals and DMs and staff's `/jamun` into core calls.
 *
 * Wiring: the core needs the messenger before it exists, so create the
 * adapter first, build the core with `adapter.messenger`, then
 * `adapter.attach(app)` and `await adapter.start()`.
 */
import type { CallLimit } from './slack-pacing.ts';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { JamunApi } from '../../core/app/inbound.ts';
import { type Clock, systemClock } from '../../core/ports/clock.ts';
import type { Logger } from '../../core/ports/logger.ts';
import type { HandlerDeps } from './handler-deps.ts';
import { registerAuthoringHandlers } from './handlers-authoring.ts';
import { registerFollowUpHandlers } from './handlers-follow-up.ts';
import { registerMemberHandlers } from './handlers-member.ts';
import { registerQuestionnaireHandlers } from './handlers-questionnaire.ts';
import { registerStaffHandlers } from './handlers-staff.ts';
import { registerRosterHandlers } from './handlers-roster.ts';
import { registerReplayGuard, ReplayGuard } from './replay-guard.ts';
import { createBoltApp, createOutboundClient, type SlackSettings } from './slack-app.ts';
import { SlackMessenger } from './slack-messenger.ts';

export type { SlackSettings } from './slack-app.ts';

/** A running (or ready to run) Slack adapter. */
export interface SlackAdapter {
  messenger: SlackMessenger;
  /** Gives the adapter the core; required before `start`. */
  attach(app: JamunApi): void;
  /** Initialises Bolt (auth.test) and connects (Socket Mode) or listens (HTTP). */
  start(): Promise<void>;
  /** Flushes pending edits and disconnects. */
  stop(): Promise<void>;
  /** The HTTP port actually listened on (HTTP mode), e.g. when `port` was 0. */
  httpPort(): number | undefined;
}

/** The pace of `conversations.open` the settings ask for, if any (else the messenger's Tier 3 default). */
function dmOpenLimitOf(settings: SlackSettings): { dmOpenLimit?: CallLimit } {
  if (settings.dmOpenLimit) return { dmOpenLimit: settings.dmOpenLimit };
  if (settings.dmOpensPerMinute) return { dmOpenLimit: { max: settings.dmOpensPerMinute, windowMs: 60_000 } };
  return {};
}

/**
 * Builds the Slack adapter; with `deps.app` given, `attach` is not needed.
 * `deps.clock` times how long signed requests are remembered (default: the system clock).
 */
export function createSlackAdapter(
  settings: SlackSettings,
  deps: { app?: JamunApi; logger: Logger; clock?: Clock },
): SlackAdapter {
  const logger = deps.logger.child({ adapter: 'slack' });
  const bolt = createBoltApp(settings, logger);
  const messenger = new SlackMessenger(createOutboundClient(settings, logger), {
    logger,
    ...(settings.editIntervalMs === undefined ? {} : { editIntervalMs: settings.editIntervalMs }),
    ...dmOpenLimitOf(settings),
  });
  let api = deps.app;
  let server: Server | undefined;
  const handlerDeps: HandlerDeps = {
    api: () => {
      if (!api) throw new Error('Slack adapter used before attach(app)');
      return api;
    },
    messenger,
    ui: bolt.client,
    logger,
  };
  // First, so a replayed request reaches no listener.
  registerReplayGuard(bolt, new ReplayGuard(deps.clock ?? systemClock), handlerDeps);
  registerMemberHandlers(bolt, handlerDeps);
  registerQuestionnaireHandlers(bolt, handlerDeps);
  registerStaffHandlers(bolt, handlerDeps);
  registerFollowUpHandlers(bolt, handlerDeps);
  registerAuthoringHandlers(bolt, handlerDeps);
  registerRosterHandlers(bolt, handlerDeps);
  bolt.error(async (error) => {
    logger.error({ code: error.code ?? 'unknown', error: error.message.slice(0, 300) }, 'slack handler failed');
  });

  return {
    messenger,
    attach(app) {
      api = app;
    },
    async start() {
      if (!api) throw new Error('Slack adapter started before attach(app)');
      await bolt.init();
      if (settings.mode === 'socket') {
        await bolt.start();
      } else {
        server = (await bolt.start({ port: settings.port, host: settings.host ?? '0.0.0.0' })) as Server;
      }
      logger.info({ mode: settings.mode }, 'slack adapter started');
    },
    async stop() {
      await messenger.close();
      await bolt.stop();
      server = undefined;
    },
    httpPort() {
      const address = server?.address() as AddressInfo | null | undefined;
      return address?.port;
    },
  };
}
