/**
 * One slow member never holds the others: the invitation of a member whose
 * DM never completes (as when `conversations.open` hangs) occupies one lane
 * of the job runner, and every other member is invited through the core,
 * the job runner and the real Slack adapter meanwhile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Messenger } from '../../../src/core/ports/messenger.ts';
import { createTestApp, type TestApp } from '../../fakes/app-harness.ts';
import { type SlackKit, slackKit } from './slack-kit.ts';
import { waitFor } from './wait-for.ts';

describe('GIVEN a committee where one member’s DM never completes', () => {
  let kit: SlackKit;
  let t: TestApp;
  let slowUser: string;

  beforeAll(async () => {
    kit = await slackKit();
    const slack = kit.adapter.messenger;
    const hanging: Messenger = {
      platform: slack.platform,
      sendToMember: (to, message, key, parts) =>
        to.userId === slowUser ? new Promise(() => {}) : slack.sendToMember(to, message, key, parts),
      postToStaff: (channelId, message, key, parts) => slack.postToStaff(channelId, message, key, parts),
      editStaffPost: (ref, message) => slack.editStaffPost(ref, message),
    };
    t = await createTestApp({ messengers: [hanging] });
    const members = t.committees[0]?.members ?? [];
    slowUser = members[0]?.platforms.slack ?? '';
  });

  afterAll(async () => {
    await kit.close();
  });

  it('WHEN the round opens and the fan-out runs THEN every other member gets the invitation while the slow one is still pending', async () => {
    await t.app.runAsOperator({ verb: 'open', roundId: '2024-1' });
    // Not awaited: the slow member's send never ends, and the others must not wait for it.
    void t.app.runDueJobs();
    const others = (t.committees[0]?.members ?? [])
      .map((member) => member.platforms.slack ?? '')
      .filter((userId) => userId !== '' && userId !== slowUser);
    expect(others.length).toBeGreaterThan(3);
    await waitFor(
      () => others.every((userId) => kit.fake.messagesIn(kit.fake.dmChannelOf(userId)).length > 0),
      'an invitation to every other member',
      20_000,
    );
    expect(kit.fake.messagesIn(kit.fake.dmChannelOf(slowUser))).toHaveLength(0);
  });
});
