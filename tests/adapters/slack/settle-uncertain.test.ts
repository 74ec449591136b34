/**
 * A member DM cut by a crash, settled with Slack: every member DM carries its
 * idempotency key in message metadata, so the DM's history (read with
 * `include_all_metadata`, which needs `im:history`) says whether it arrived.
 * The fake keeps Slack's rules: metadata only when asked, scopes from the
 * manifest, `invalid_metadata_format` for a malformed one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CutSend, MemberAddress } from '../../../src/core/ports/messenger.ts';
import { contractInvitation } from '../../core/messenger-contract.ts';
import { type SlackKit, slackKit } from './slack-kit.ts';

let kit: SlackKit;
let n = 0;
beforeAll(async () => {
  kit = await slackKit();
});
afterAll(async () => {
  await kit.close();
});

function member(): MemberAddress {
  n += 1;
  return { memberId: `m-${n}`, userId: `U0SETTLE${n}`, name: '위원', locale: 'ko', timeZone: 'Asia/Seoul' };
}

/** A send cut 10 s ago (Slack has long finished anything it received). */
const cut = (): CutSend => ({ startedAt: new Date(Date.now() - 10_000), now: new Date() });
const dm = (to: MemberAddress) => kit.fake.messagesIn(kit.fake.dmChannelOf(to.userId));
const settle = (to: MemberAddress, key: string) =>
  kit.adapter.messenger.settleUncertain?.(to, contractInvitation, key, cut());

describe('Slack: settling a cut DM', () => {
  it('GIVEN the cut invitation arrived WHEN settled THEN the history finds it by its key: its ts, nothing sent again', async () => {
    const to = member();
    const arrived = await kit.adapter.messenger.sendToMember(to, contractInvitation, 'invite:r:arrived');
    expect(dm(to)[0]?.metadata).toEqual({
      event_type: 'jamun_send',
      event_payload: { key: 'invite:r:arrived', part: 0 },
    });
    expect(await settle(to, 'invite:r:arrived')).toEqual({ settled: true, delivery: arrived });
    expect(dm(to)).toHaveLength(1);
    const lookup = kit.fake.callsOf('conversations.history').at(-1);
    expect(lookup?.args).toMatchObject({ channel: kit.fake.dmChannelOf(to.userId), include_all_metadata: 'true' });
  });

  it('GIVEN only another send is in the DM WHEN the cut one is settled THEN it is certainly absent: sent now, once, with its key', async () => {
    const to = member();
    await kit.adapter.messenger.sendToMember(to, contractInvitation, 'invite:r:other');
    const settled = await settle(to, 'invite:r:lost');
    expect(settled).toMatchObject({ settled: true, delivery: { ok: true } });
    expect(dm(to).map((m) => m.metadata?.event_payload.key)).toEqual(['invite:r:other', 'invite:r:lost']);
    expect(await settle(to, 'invite:r:lost')).toMatchObject({ settled: true });
    expect(dm(to)).toHaveLength(2);
  });

  it('GIVEN the app lacks im:history WHEN settled THEN Slack cannot tell (missing_scope): uncertain, nothing sent', async () => {
    const to = member();
    kit.fake.scopes.delete('im:history');
    try {
      const settled = await settle(to, 'invite:r:scope');
      expect(settled).toMatchObject({ settled: false });
      expect(settled?.settled === false && settled.detail).toContain('missing_scope');
      expect(dm(to)).toHaveLength(0);
    } finally {
      kit.fake.scopes.add('im:history');
    }
  });

  it('GIVEN the history call fails WHEN settled THEN uncertain, nothing sent', async () => {
    const to = member();
    kit.fake.failNext('conversations.history', { error: 'internal_error' });
    expect(await settle(to, 'invite:r:fault')).toMatchObject({ settled: false });
    expect(dm(to)).toHaveLength(0);
  });

  it('GIVEN the cut send began "after now" (clocks disagree) THEN uncertain, nothing read or sent', async () => {
    const to = member();
    const future = { startedAt: new Date(Date.now() + 60_000), now: new Date() };
    const settled = await kit.adapter.messenger.settleUncertain?.(to, contractInvitation, 'invite:r:skew', future);
    expect(settled).toMatchObject({ settled: false });
    expect(dm(to)).toHaveLength(0);
  });
});

describe('the fake Slack keeps the platform rules', () => {
  const call = async (method: string, body: Record<string, unknown>) => {
    const response = await fetch(`${kit.fake.apiUrl}${method}`, {
      method: 'POST',
      headers: { authorization: 'Bearer xoxb-test', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Record<string, unknown>;
  };

  it('GIVEN a message with metadata WHEN the history is read without include_all_metadata THEN the metadata is left out; with it, it is there', async () => {
    const to = member();
    await kit.adapter.messenger.sendToMember(to, contractInvitation, 'invite:r:meta');
    const channel = kit.fake.dmChannelOf(to.userId);
    const plain = (await call('conversations.history', { channel })) as { messages: Array<Record<string, unknown>> };
    expect(plain.messages[0]).not.toHaveProperty('metadata');
    const full = (await call('conversations.history', { channel, include_all_metadata: true })) as {
      messages: Array<Record<string, unknown>>;
    };
    expect(full.messages[0]?.metadata).toMatchObject({ event_type: 'jamun_send' });
  });

  it('GIVEN more messages than the limit WHEN paged THEN newest first, has_more and a cursor to the rest; oldest is exclusive', async () => {
    const to = member();
    for (const key of ['p1', 'p2', 'p3']) await kit.adapter.messenger.sendToMember(to, contractInvitation, key);
    const channel = kit.fake.dmChannelOf(to.userId);
    const ts = dm(to).map((m) => m.ts);
    const first = (await call('conversations.history', { channel, limit: 2 })) as {
      messages: Array<{ ts: string }>;
      has_more: boolean;
      response_metadata: { next_cursor: string };
    };
    expect(first.messages.map((m) => m.ts)).toEqual([ts[2], ts[1]]);
    expect(first.has_more).toBe(true);
    const rest = (await call('conversations.history', {
      channel,
      limit: 2,
      cursor: first.response_metadata.next_cursor,
    })) as { messages: Array<{ ts: string }>; has_more: boolean };
    expect(rest.messages.map((m) => m.ts)).toEqual([ts[0]]);
    expect(rest.has_more).toBe(false);
    const since = (await call('conversations.history', { channel, oldest: ts[0] })) as { messages: unknown[] };
    expect(since.messages).toHaveLength(2);
  });

  it('GIVEN malformed metadata WHEN posted THEN invalid_metadata_format and nothing is posted', async () => {
    const to = member();
    const channel = kit.fake.dmChannelOf(to.userId);
    await call('conversations.open', { users: to.userId });
    const refused = await call('chat.postMessage', { channel, text: 'x', metadata: { event_type: 'jamun_send' } });
    expect(refused).toMatchObject({ ok: false, error: 'invalid_metadata_format' });
    expect(dm(to)).toHaveLength(0);
  });
});
