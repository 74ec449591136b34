/**
 * Staff replies longer than a response_url can carry (Slack: 5 uses in 30
 * minutes; the fake refuses a 6th with `used_url`): the first part is shown
 * where the command was typed, the whole goes to the requester's DM.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JamunApi, StaffReply } from '../../../src/core/app/inbound.ts';
import { createTestApp, type TestApp } from '../../fakes/app-harness.ts';
import { slashCommand } from '../../fakes/slack/slack-payloads.ts';
import { slackKit, type SlackKit } from './slack-kit.ts';
import { waitFor } from './wait-for.ts';

describe('long staff replies over Slack', () => {
  let kit: SlackKit;
  let t0: TestApp;
  let staffId: string;
  let reply: StaffReply;

  beforeAll(async () => {
    kit = await slackKit();
    t0 = await createTestApp({ messengers: [kit.adapter.messenger] });
    staffId = t0.committees[0]?.staff.userIds.slack?.[0] ?? '';
    // The real core, except that `runStaffCommand` answers what the test sets.
    const api = new Proxy(t0.app, {
      get: (target, name) => {
        if (name === 'runStaffCommand') return async () => reply;
        const value: unknown = Reflect.get(target, name);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) satisfies JamunApi;
    kit.adapter.attach(api);
    await kit.adapter.start();
    await kit.fake.socketConnected();
  });

  afterAll(async () => {
    await kit.close();
    await t0.store.close();
  });

  async function run(text: string): Promise<string> {
    const payload = slashCommand(kit.fake, staffId, text, 'C0GENERAL1');
    await kit.fake.sendEnvelope('slash_commands', payload);
    return String(payload.response_url).split('/').pop() ?? '';
  }

  it('GIVEN `show` of a round whose answer takes 8 messages WHEN staff run it THEN the response_url is used twice (first part, a note) and the DM holds the whole, nothing refused', async () => {
    const lines = Array.from({ length: 800 }, (_, i) => `${i + 1}. 안건 설명 ${'가'.repeat(100)} 끝${i + 1}`);
    reply = { text: lines.join('\n'), ephemeral: true };
    const id = await run('show 2024-1');
    const dm = kit.fake.dmChannelOf(staffId);
    const dmText = await waitFor(
      () => kit.fake.textsIn(dm).join('\n').includes('끝800') && kit.fake.textsIn(dm).join('\n'),
      'the whole reply in the DM',
    );
    await waitFor(() => kit.fake.responses.filter((r) => r.id === id).length === 2, 'note');
    const posts = kit.fake.responses.filter((r) => r.id === id);
    expect(posts.every((p) => p.body.response_type === 'ephemeral')).toBe(true);
    expect(String(posts[1]?.body.text)).toContain('개인 메시지(DM)로 보내 드렸습니다');
    for (const n of [1, 400, 800]) expect(dmText).toContain(`끝${n}\n`.trim());
    expect(kit.fake.refusals).toEqual([]);
    expect(kit.fake.messagesIn('C0GENERAL1')).toEqual([]);
  });

  it('GIVEN a reply of three messages WHEN staff run it THEN all three go through the response_url and nothing to the DM', async () => {
    const dm = kit.fake.dmChannelOf(staffId);
    const before = kit.fake.messagesIn(dm).length;
    reply = { text: Array.from({ length: 250 }, () => '나'.repeat(100)).join('\n'), ephemeral: true };
    const id = await run('show 2024-1');
    await waitFor(() => kit.fake.responses.filter((r) => r.id === id).length === 3, 'three posts');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(kit.fake.responses.filter((r) => r.id === id)).toHaveLength(3);
    expect(kit.fake.messagesIn(dm)).toHaveLength(before);
  });
});
