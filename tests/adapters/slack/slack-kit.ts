/**
 * Test kit: the real Slack adapter (Bolt App + WebClient) against the local
 * fake Slack, with a retry policy that never waits long.
 */
import type { JamunApi } from '../../../src/core/app/inbound.ts';
import type { Clock } from '../../../src/core/ports/clock.ts';
import type { Logger } from '../../../src/core/ports/logger.ts';
import { silentLogger } from '../../../src/core/ports/logger.ts';
import { createSlackAdapter, type SlackAdapter, type SlackSettings } from '../../../src/adapters/slack/index.ts';
import { FakeSlackServer } from '../../fakes/slack/fake-slack-server.ts';
import { createTestApp, type TestApp, type TestAppOptions } from '../../fakes/app-harness.ts';
import type { Committee } from '../../../src/core/model.ts';

const FAST_RETRY = { retries: 3, factor: 1, minTimeout: 5, maxTimeout: 10, randomize: false };
export const SIGNING_SECRET = 'test-signing-secret';

export interface SlackKit {
  fake: FakeSlackServer;
  adapter: SlackAdapter;
  close(): Promise<void>;
}

/** A fake Slack and an adapter pointed at it (not started). */
export async function slackKit(
  options: { mode?: 'socket' | 'http'; app?: JamunApi; logger?: Logger; editIntervalMs?: number; clock?: Clock } = {},
): Promise<SlackKit> {
  const fake = await FakeSlackServer.start();
  const tuning = { retryConfig: FAST_RETRY, editIntervalMs: options.editIntervalMs ?? 0 };
  const settings: SlackSettings =
    options.mode === 'http'
      ? {
          mode: 'http',
          botToken: 'xoxb-test',
          signingSecret: SIGNING_SECRET,
          port: 0,
          host: '127.0.0.1',
          apiUrl: fake.apiUrl,
          ...tuning,
        }
      : { mode: 'socket', botToken: 'xoxb-test', appToken: 'xapp-test', apiUrl: fake.apiUrl, ...tuning };
  const adapter = createSlackAdapter(settings, {
    logger: options.logger ?? silentLogger,
    ...(options.app ? { app: options.app } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  let started = false;
  const originalStart = adapter.start.bind(adapter);
  adapter.start = async () => {
    await originalStart();
    started = true;
  };
  return {
    fake,
    adapter,
    async close() {
      if (started) await adapter.stop();
      else await adapter.messenger.close();
      await fake.close();
    },
  };
}

/** The seed app on a started Socket Mode adapter against a fresh fake. */
export interface SlackAppKit {
  kit: SlackKit;
  t: TestApp;
  committee: Committee;
  close(): Promise<void>;
}

export async function startSlackApp(options: Partial<TestAppOptions> = {}): Promise<SlackAppKit> {
  const kit = await slackKit();
  const t = await createTestApp({ ...options, messengers: [kit.adapter.messenger] });
  const committee = t.committees[0];
  if (!committee) throw new Error('seed committee missing');
  kit.adapter.attach(t.app);
  await kit.adapter.start();
  await kit.fake.socketConnected();
  return {
    kit,
    t,
    committee,
    close: async () => {
      await kit.close();
      await t.store.close();
    },
  };
}
