import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMessengerContract } from '../../core/messenger-contract.ts';
import { contractInvitation, contractSummary } from '../../core/messenger-contract.ts';
import type { MemberAddress, StaffMessage } from '../../../src/core/ports/messenger.ts';
import { slackKit, type SlackKit } from './slack-kit.ts';

const member: MemberAddress = {
  memberId: 'm-test',
  userId: 'U0CONTRACT1',
  name: '강도영',
  locale: 'ko',
  timeZone: 'Asia/Seoul',
};
const STAFF = 'C0STAFFCH1';

runMessengerContract('slack', async () => {
  const kit = await slackKit();
  kit.fake.failUser('U0GONE00001', 'user_not_found');
  return {
    messenger: kit.adapter.messenger,
    member,
    unreachable: { ...member, memberId: 'm-gone', userId: 'U0GONE00001' },
    staffChannelId: STAFF,
    textsForMember: async (userId) => kit.fake.textsIn(kit.fake.dmChannelOf(userId)),
    textsInChannel: async (channelId) => {
      await kit.adapter.messenger.flush();
      return kit.fake.textsIn(channelId);
    },
    filesInChannel: async (channelId) => kit.fake.files.filter((f) => f.channel === channelId).map((f) => f.name),
    close: () => kit.close(),
  };
});

describe('Slack messenger against platform faults', () => {
  let kit: SlackKit;
  beforeAll(async () => {
    kit = await slackKit();
  });
  afterAll(async () => {
    await kit.close();
  });

  it('GIVEN two messages to one member WHEN sent THEN the DM is opened once and its channel id reused', async () => {
    const to = { ...member, userId: 'U0ONCE0001' };
    await kit.adapter.messenger.sendToMember(to, contractInvitation, 'k1');
    await kit.adapter.messenger.sendToMember(to, contractInvitation, 'k2');
    expect(kit.fake.callsOf('conversations.open').filter((c) => c.args.users === 'U0ONCE0001')).toHaveLength(1);
    expect(kit.fake.messagesIn(kit.fake.dmChannelOf('U0ONCE0001'))).toHaveLength(2);
  });

  it.each([
    ['user_not_found', 'user_not_found', 'open'],
    ['cannot_dm_bot', 'cannot_dm_bot', 'open'],
    ['account_inactive', 'account_inactive', 'post'],
    ['channel_not_found', 'channel_not_found', 'post'],
  ] as const)(
    'GIVEN Slack answers %s WHEN a member is invited THEN a permanent failure with reason %s comes back',
    async (error, reason, at) => {
      const userId = `U0F${error.replace(/_/g, '').toUpperCase().slice(0, 8)}`;
      kit.fake.failUser(userId, error, at);
      const delivery = await kit.adapter.messenger.sendToMember(
        { ...member, userId },
        contractInvitation,
        `fail:${error}`,
      );
      expect(delivery).toEqual({ ok: false, permanent: true, reason, detail: error });
    },
  );

  it('GIVEN a 429 with Retry-After 1 WHEN posting THEN the client waits it out and retries once, not in a storm', async () => {
    const waits: number[] = [];
    kit.adapter.messenger.client.on(webApi.WebClientEvent.RATE_LIMITED, (seconds: number) => waits.push(seconds));
    const to = { ...member, userId: 'U0RATE0001' };
    kit.fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const delivery = await kit.adapter.messenger.sendToMember(to, contractInvitation, 'rate');
    expect(delivery.ok).toBe(true);
    expect(waits).toEqual([1]);
    expect(
      kit.fake
        .callsOf('chat.postMessage')
        .filter((c) => c.args.channel === kit.fake.dmChannelOf(to.userId))
        .map((c) => c.status),
    ).toEqual([429, 200]);
  });

  it('GIVEN two 5xx answers WHEN posting THEN the client backs off and the third attempt delivers', async () => {
    const to = { ...member, userId: 'U0FLAKY001' };
    await kit.adapter.messenger.dmChannel(to.userId);
    kit.fake.failNext('chat.postMessage', { status: 503 }, 2);
    const delivery = await kit.adapter.messenger.sendToMember(to, contractInvitation, 'flaky');
    expect(delivery.ok).toBe(true);
    expect(kit.fake.messagesIn(kit.fake.dmChannelOf(to.userId))).toHaveLength(1);
  });

  it('GIVEN Slack keeps failing with 500 WHEN posting THEN a transient platform_error comes back after the retries', async () => {
    const to = { ...member, userId: 'U0DOWN0001' };
    kit.fake.failNext('conversations.open', { status: 500 }, 4);
    const delivery = await kit.adapter.messenger.sendToMember(to, contractInvitation, 'down');
    expect(delivery).toMatchObject({ ok: false, permanent: false, reason: 'platform_error' });
    expect(kit.fake.callsOf('conversations.open').filter((c) => c.args.users === to.userId)).toHaveLength(4);
  });

  it('GIVEN the connection drops WHEN posting THEN a transient network_error comes back', async () => {
    const to = { ...member, userId: 'U0DROP0001' };
    kit.fake.failNext('conversations.open', { drop: true }, 4);
    const delivery = await kit.adapter.messenger.sendToMember(to, contractInvitation, 'drop');
    expect(delivery).toMatchObject({ ok: false, permanent: false, reason: 'network_error' });
  });

  it('GIVEN a summary with answers far over one message WHEN posted THEN the digest is the header and a threaded reply within Slack limits, and the long answers are only in the file', async () => {
    const summary = contractSummary();
    const long = '가나다라 마바사 '.repeat(2500);
    summary.items = [1, 2].map((n) => ({
      id: String(n),
      title: `안건 ${n}`,
      questions: [
        {
          id: `${n}.1`,
          prompt: '의견',
          kind: 'long_text' as const,
          answers: [{ author: '강도영', text: long, late: false }],
        },
      ],
    }));
    const files = [{ name: 'r.md', mimeType: 'text/markdown', content: Buffer.from('# r') }];
    const delivery = await kit.adapter.messenger.postToStaff(
      'C0BIGSUMMRY',
      { kind: 'summary', locale: 'ko', summary, files },
      'big',
    );
    expect(delivery.ok).toBe(true);
    const messages = kit.fake.messagesIn('C0BIGSUMMRY');
    const [header, ...replies] = messages;
    expect(replies).toHaveLength(1);
    expect(replies.every((m) => m.threadTs === header?.ts)).toBe(true);
    const shown = kit.fake.textsIn('C0BIGSUMMRY').join('');
    expect(shown).not.toContain('가나다라');
    expect(shown).toContain('의견 1건');
    expect(kit.fake.files.find((f) => f.name === 'r.md')).toMatchObject({
      channel: 'C0BIGSUMMRY',
      threadTs: header?.ts,
      content: '# r',
    });
  });

  it('GIVEN rapid progress edits WHEN the interval has not passed THEN they are coalesced and the last one lands', async () => {
    const slow = await slackKit({ editIntervalMs: 60_000 });
    try {
      const progress = (delivered: number): StaffMessage => ({
        kind: 'progress',
        locale: 'en',
        view: {
          roundId: 'r',
          roundTitle: 'R',
          total: 5,
          delivered,
          pending: 5 - delivered,
          failed: [],
          done: delivered === 5,
        },
      });
      const posted = await slow.adapter.messenger.postToStaff('C0PROGRESS', progress(0), 'p');
      if (!posted.ok) throw new Error('post failed');
      for (let n = 1; n <= 5; n += 1)
        expect((await slow.adapter.messenger.editStaffPost(posted.ref, progress(n))).ok).toBe(true);
      expect(slow.fake.callsOf('chat.update')).toHaveLength(1);
      await slow.adapter.messenger.flush();
      expect(slow.fake.callsOf('chat.update')).toHaveLength(2);
      expect(slow.fake.textsIn('C0PROGRESS').join()).toContain('5/5');
    } finally {
      await slow.close();
    }
  });
});
