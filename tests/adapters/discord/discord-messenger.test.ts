import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberAddress, MemberMessage } from '../../../src/core/ports/messenger.ts';
import { contractInvitation, contractSummary } from '../../core/messenger-contract.ts';
import { nextSnowflake } from '../../fakes/discord/fake-discord-state.ts';
import { type DiscordKit, startDiscordKit } from './discord-test-kit.ts';

const staffChannelId = nextSnowflake();
let kit: DiscordKit;

function member(): MemberAddress {
  return {
    memberId: `m-${nextSnowflake()}`,
    userId: nextSnowflake(),
    name: '위원',
    locale: 'ko',
    timeZone: 'Asia/Seoul',
  };
}

function receiptWith(answer: string): MemberMessage {
  return {
    kind: 'receipt',
    locale: 'ko',
    view: {
      roundId: 'r-1',
      roundTitle: '회차',
      submittedAt: new Date('2024-02-13T01:00:00Z'),
      submittedAtLocal: '2024-02-13 10:00',
      editableUntilLocal: '2024-02-15 18:00',
      canEdit: true,
      items: [{ title: '안건 1', answers: [{ questionId: '1.1', prompt: '의견', answer }] }],
    },
  };
}

beforeAll(async () => {
  kit = await startDiscordKit({ guild: { channels: [{ id: staffChannelId, name: 'staff' }] } });
});

afterAll(async () => {
  await kit.close();
});

describe('Discord messenger', () => {
  it('GIVEN an answer full of mentions and Markdown WHEN the receipt is sent THEN nothing can ping and the syntax is defused', async () => {
    const to = member();
    const delivery = await kit.adapter.messenger.sendToMember(
      to,
      receiptWith('@everyone @here <@123456> <@&987654> **굵게** # 제목'),
      'receipt:mentions',
    );
    expect(delivery.ok).toBe(true);
    const [message] = kit.fake.dmMessages(to.userId);
    expect(message?.allowedMentions).toEqual({ parse: [] });
    expect(message?.content).not.toMatch(/@everyone|@here|<@123456>|<@&987654>|\*\*굵게\*\*/);
    expect(message?.content).toContain('굵게');
    for (const payload of kit.fake.messagePayloads()) expect(payload.allowed_mentions).toEqual({ parse: [] });
  });

  it('GIVEN a receipt of 20 answers of 1,500 characters WHEN it is sent THEN it is two DMs, its first part and a note, with the whole attached as text and the buttons under the note', async () => {
    const to = member();
    const answers = Array.from({ length: 20 }, (_, i) => ({
      questionId: `1.${i + 1}`,
      prompt: `질문 ${i + 1}`,
      answer: `${i + 1}번 의견 **강조** ${'가'.repeat(1_480)}`,
    }));
    const base = receiptWith('');
    if (base.kind !== 'receipt') throw new Error('not a receipt');
    const receipt: MemberMessage = { ...base, view: { ...base.view, items: [{ title: '안건 1', answers }] } };
    const delivery = await kit.adapter.messenger.sendToMember(to, receipt, 'receipt:long');
    expect(delivery.ok).toBe(true);
    const messages = kit.fake.dmMessages(to.userId);
    expect(messages).toHaveLength(2);
    expect(messages[0]?.content).toContain('1번 의견');
    expect(messages[1]?.content).toMatch(/^제출하신 의견이 길어\(\d+개 메시지 분량\)/);
    expect(messages[1]?.content).toContain('jamun-receipt.txt');
    expect(JSON.stringify(messages[1]?.components)).toContain('custom_id');
    expect(messages[0]?.files).toEqual([]);
    const [file] = messages[1]?.files ?? [];
    expect(file?.name).toBe('jamun-receipt.txt');
    const text = file?.text ?? '';
    for (const a of answers) expect(text).toContain(a.answer);
  });

  it('GIVEN a receipt of four messages at most THEN it is sent whole, without a file', async () => {
    const to = member();
    await kit.adapter.messenger.sendToMember(to, receiptWith('의견 '.repeat(1_500)), 'receipt:four');
    const messages = kit.fake.dmMessages(to.userId);
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.length).toBeLessThanOrEqual(4);
    expect(messages.flatMap((m) => m.files)).toEqual([]);
    expect(messages.map((m) => m.content).join('')).not.toContain('jamun-receipt.txt');
  });

  it('GIVEN an invitation WHEN it is sent THEN it carries a Discord timestamp and Answer/Decline buttons', async () => {
    const to = member();
    await kit.adapter.messenger.sendToMember(to, contractInvitation, 'invite:buttons');
    const [message] = kit.fake.dmMessages(to.userId);
    const closesAt = contractInvitation.kind === 'invitation' ? contractInvitation.view.closesAt : new Date(0);
    const unix = Math.floor(closesAt.getTime() / 1000);
    expect(message?.content).toContain(`<t:${unix}:F>`);
    expect(JSON.stringify(message?.components)).toContain('의견 작성');
    expect(JSON.stringify(message?.components)).toContain('참여가 어렵습니다');
  });

  it('GIVEN the same idempotency key twice WHEN sending THEN Discord keeps one message (nonce enforced)', async () => {
    const to = member();
    await kit.adapter.messenger.sendToMember(to, contractInvitation, 'invite:twice');
    await kit.adapter.messenger.sendToMember(to, contractInvitation, 'invite:twice');
    expect(kit.fake.dmMessages(to.userId)).toHaveLength(1);
  });

  describe('a DM cut by a crash (settleUncertain)', () => {
    const cutAt = new Date('2026-12-02T12:00:00Z');
    const cutAgo = (ms: number) => ({ startedAt: cutAt, now: new Date(cutAt.getTime() + ms) });

    it('GIVEN the cut invitation arrived WHEN settled within the nonce window THEN Discord returns it: one message, its ref', async () => {
      const to = member();
      const arrived = await kit.adapter.messenger.sendToMember(to, contractInvitation, 'invite:cut-arrived');
      const settled = await kit.adapter.messenger.settleUncertain?.(
        to,
        contractInvitation,
        'invite:cut-arrived',
        cutAgo(5_000),
      );
      expect(settled).toEqual({ settled: true, delivery: arrived });
      expect(kit.fake.dmMessages(to.userId)).toHaveLength(1);
    });

    it('GIVEN the cut invitation never arrived WHEN settled within the window THEN it is sent now, once', async () => {
      const to = member();
      const settled = await kit.adapter.messenger.settleUncertain?.(
        to,
        contractInvitation,
        'invite:cut-lost',
        cutAgo(5_000),
      );
      expect(settled).toMatchObject({ settled: true, delivery: { ok: true } });
      expect(kit.fake.dmMessages(to.userId)).toHaveLength(1);
    });

    it('GIVEN the cut was longer ago than half the nonce window (or in the future) THEN Discord cannot tell: nothing is sent', async () => {
      const to = member();
      for (const cut of [cutAgo(61_000), cutAgo(-1_000)]) {
        const settled = await kit.adapter.messenger.settleUncertain?.(to, contractInvitation, 'invite:cut-late', cut);
        expect(settled).toMatchObject({ settled: false });
      }
      expect(kit.fake.dmMessages(to.userId)).toHaveLength(0);
    });

    it('GIVEN the repeat fails (DMs closed since) THEN it stays uncertain: the failure says nothing about the cut send', async () => {
      const to = member();
      kit.fake.state.dmClosed.add(to.userId);
      const settled = await kit.adapter.messenger.settleUncertain?.(
        to,
        contractInvitation,
        'invite:cut-closed',
        cutAgo(1_000),
      );
      expect(settled).toEqual({ settled: false, detail: 'the repeat failed: dm_closed' });
    });
  });

  it('GIVEN a member with closed DMs WHEN invited THEN the delivery fails permanently as dm_closed', async () => {
    const to = member();
    kit.fake.state.dmClosed.add(to.userId);
    const delivery = await kit.adapter.messenger.sendToMember(to, contractInvitation, 'invite:closed');
    expect(delivery).toMatchObject({ ok: false, permanent: true, reason: 'dm_closed' });
  });

  it('GIVEN a user id Discord does not know WHEN invited THEN the delivery fails permanently as user_not_found', async () => {
    const to = member();
    kit.fake.state.unknownUsers.add(to.userId);
    const delivery = await kit.adapter.messenger.sendToMember(to, contractInvitation, 'invite:unknown');
    expect(delivery).toMatchObject({ ok: false, permanent: true, reason: 'user_not_found' });
  });

  it('GIVEN Discord answers 429 with Retry-After WHEN sending THEN discord.js waits, retries and delivers once', async () => {
    const to = member();
    kit.fake.failNext('POST', /^\/channels\/\d+\/messages$/, 429, { retryAfterS: 0.3 });
    const delivery = await kit.adapter.messenger.sendToMember(to, contractInvitation, 'invite:429');
    expect(delivery.ok).toBe(true);
    expect(kit.fake.dmMessages(to.userId)).toHaveLength(1);
    expect(kit.fake.state.requests.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(1);
  });

  it('GIVEN one 502 WHEN sending THEN discord.js retries and delivers', async () => {
    const to = member();
    kit.fake.failNext('POST', /^\/channels\/\d+\/messages$/, 502);
    const delivery = await kit.adapter.messenger.sendToMember(to, contractInvitation, 'invite:502-once');
    expect(delivery.ok).toBe(true);
    expect(kit.fake.dmMessages(to.userId)).toHaveLength(1);
  });

  it('GIVEN Discord keeps failing with 503 WHEN sending THEN a transient platform_error comes back, no throw', async () => {
    const to = member();
    kit.fake.failNext('POST', /^\/channels\/\d+\/messages$/, 503, { times: 5 });
    const delivery = await kit.adapter.messenger.sendToMember(to, contractInvitation, 'invite:503');
    expect(delivery).toMatchObject({ ok: false, permanent: false, reason: 'platform_error' });
    kit.fake.failures.length = 0;
  });

  it('GIVEN an answer of 5,000 characters WHEN the receipt is sent THEN it is split into messages within 2,000 and nothing is lost', async () => {
    const to = member();
    const long = Array.from({ length: 500 }, (_, i) => `문장${String(i).padStart(3, '0')}입니다`).join(' ');
    const delivery = await kit.adapter.messenger.sendToMember(to, receiptWith(long), 'receipt:long');
    expect(delivery.ok).toBe(true);
    const messages = kit.fake.dmMessages(to.userId);
    expect(messages.length).toBeGreaterThan(2);
    for (const m of messages) expect(m.content.length).toBeLessThanOrEqual(2000);
    const all = messages.map((m) => m.content).join('\n');
    for (let i = 0; i < 500; i += 1) expect(all).toContain(`문장${String(i).padStart(3, '0')}입니다`);
    expect(JSON.stringify(messages.at(-1)?.components)).toContain('수정');
  });

  it('GIVEN a summary of many questions and a very long answer WHEN posted THEN every message fits 2,000 characters, the answer stays in the files and each file is its own message after the text', async () => {
    const summary = contractSummary();
    const answers = [{ author: '강도영', text: '꽃'.repeat(4500), late: false }];
    summary.items = [
      {
        id: '1',
        title: '안건 1',
        questions: Array.from({ length: 60 }, (_, q) => ({
          id: `1.${q + 1}`,
          prompt: `${q + 1}번 의견을 적어 주시기 바랍니다. `.repeat(10),
          kind: 'long_text' as const,
          answers,
        })),
      },
    ];
    const files = [
      { name: 'r.md', mimeType: 'text/markdown', content: Buffer.from('# r\n') },
      { name: 'r.csv', mimeType: 'text/csv', content: Buffer.from('a,b\r\n') },
    ];
    const before = kit.fake.channelMessages(staffChannelId).length;
    const delivery = await kit.adapter.messenger.postToStaff(
      staffChannelId,
      { kind: 'summary', locale: 'ko', summary, files },
      'summary:long',
    );
    expect(delivery.ok).toBe(true);
    const posted = kit.fake.channelMessages(staffChannelId).slice(before);
    expect(posted.length).toBeGreaterThanOrEqual(4);
    for (const m of posted) expect(m.content.length).toBeLessThanOrEqual(2000);
    expect(posted.slice(-2).map((m) => m.files.map((f) => f.name))).toEqual([['r.md'], ['r.csv']]);
    expect(posted.slice(0, -2).every((m) => m.files.length === 0)).toBe(true);
    const text = posted.map((m) => m.content).join('');
    expect(text).not.toContain('꽃');
    expect(text).toContain('자문내용 1.60.');
  });
});

describe('Discord messenger, staff channel missing', () => {
  it('GIVEN a staff channel id Discord does not know WHEN posting THEN a permanent channel_not_found comes back', async () => {
    const delivery = await kit.adapter.messenger.postToStaff(
      nextSnowflake(),
      { kind: 'text', locale: 'ko', text: '안내' },
      'staff:missing',
    );
    expect(delivery).toMatchObject({ ok: false, permanent: true, reason: 'channel_not_found' });
  });
});
