/**
 * The outbox rules of one send, and of the parts of a multi-part post, on the
 * in-memory store with a manual clock.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../src/adapters/memory/memory-store.ts';
import { deliverOnce, deliverToMember, UNCERTAIN_NOTE } from '../../../src/core/app/deliver.ts';
import { failureText } from '../../../src/core/app/failure-text.ts';
import { OutboxParts } from '../../../src/core/app/outbox-parts.ts';
import { t } from '../../../src/core/i18n/catalogue.ts';
import { ManualClock } from '../../../src/core/ports/clock.ts';
import type { CutSend, Delivery, MemberAddress, MemberMessage, Messenger } from '../../../src/core/ports/messenger.ts';
import { recordingLogger } from '../../fakes/recording-logger.ts';

const START = new Date('2024-02-08T00:00:00Z');
const MINUTE = 60_000;

function setup() {
  const store = createMemoryStore();
  const clock = new ManualClock(START);
  const ctx = { store, now: () => clock.now(), claimants: { self: 'host:1:me', isGone: () => false } };
  return { store, clock, ctx };
}

const sent: Delivery = { ok: true, ref: { channelId: 'c', messageId: 'm1' } };

describe('deliverOnce', () => {
  it('GIVEN a first send THEN it is claimed by this process with a 10-minute lease, sent, and recorded with its reference', async () => {
    const { store, clock, ctx } = setup();
    let leaseSeen: unknown;
    const outcome = await deliverOnce(ctx, 'k', 'local', async () => {
      leaseSeen = await store.getOutbox('k');
      clock.advance(MINUTE);
      return sent;
    });
    expect(outcome).toEqual({ sent: true, delivery: sent });
    expect(leaseSeen).toMatchObject({
      state: 'sending',
      claimant: 'host:1:me',
      leaseUntil: new Date(START.getTime() + 10 * MINUTE),
    });
    expect(await store.getOutbox('k')).toMatchObject({
      state: 'sent',
      channelId: 'c',
      messageId: 'm1',
      updatedAt: new Date(START.getTime() + MINUTE),
    });
  });

  it('GIVEN the key was sent THEN nothing is sent again and the earlier reference comes back', async () => {
    const { ctx } = setup();
    await deliverOnce(ctx, 'k', 'local', async () => sent);
    let calls = 0;
    const again = await deliverOnce(ctx, 'k', 'local', async () => {
      calls += 1;
      return sent;
    });
    expect(calls).toBe(0);
    expect(again).toEqual({ sent: false, duplicate: true, state: 'sent', channelId: 'c', messageId: 'm1' });
  });

  it('GIVEN a failure with a detail THEN the entry is failed with reason and detail, and a later try may send', async () => {
    const { store, ctx } = setup();
    const failure: Delivery = { ok: false, permanent: false, reason: 'rate_limited', detail: 'retry after 3 s' };
    expect(await deliverOnce(ctx, 'k', 'local', async () => failure)).toEqual({
      sent: false,
      duplicate: false,
      delivery: failure,
    });
    expect(await store.getOutbox('k')).toMatchObject({ state: 'failed', error: 'rate_limited: retry after 3 s' });
    expect(await deliverOnce(ctx, 'k', 'local', async () => sent)).toEqual({ sent: true, delivery: sent });
  });

  it('GIVEN a failure without detail THEN the error is the bare reason', async () => {
    const { store, ctx } = setup();
    await deliverOnce(ctx, 'k', 'local', async () => ({ ok: false, permanent: true, reason: 'dm_closed' }));
    expect((await store.getOutbox('k'))?.error).toBe('dm_closed');
  });

  it('GIVEN an adapter that throws (a bug there) THEN it counts as a transient platform error with the message, and the entry is not left sending', async () => {
    const { store, ctx } = setup();
    const outcome = await deliverOnce(ctx, 'k', 'local', async () => {
      throw new Error('socket hang up');
    });
    expect(outcome).toEqual({
      sent: false,
      duplicate: false,
      delivery: { ok: false, permanent: false, reason: 'platform_error', detail: 'socket hang up' },
    });
    expect((await store.getOutbox('k'))?.state).toBe('failed');
    const thrownText = await deliverOnce(ctx, 'k2', 'local', async () => {
      throw 'plain text';
    });
    expect(thrownText).toMatchObject({ delivery: { detail: 'plain text' } });
  });
});

/** A send claimed at START and cut by a crash: uncertain. */
async function cut(store: ReturnType<typeof createMemoryStore>) {
  await store.claimOutbox('k', 'local', START);
  await store.settleOutbox('k', { state: 'uncertain' }, START);
}

/** A send that must not happen: the cut one is only settled with the platform. */
const nothingSent = async (): Promise<Delivery> => {
  throw new Error('sent a cut send again');
};

describe('member DMs and cut sends', () => {
  const address = { memberId: 'm-kang', userId: 'U1', name: '강도영', locale: 'ko' as const, timeZone: 'Asia/Seoul' };
  const message = { kind: 'text', text: '안내' } as unknown as MemberMessage;

  it('GIVEN a messenger that cannot settle cut sends THEN a member DM is still sent once through it', async () => {
    const { store, ctx } = setup();
    const calls: string[] = [];
    const messenger = {
      platform: 'local',
      sendToMember: async (to: MemberAddress, _message: MemberMessage, key: string) => {
        calls.push(`${to.userId}:${key}`);
        return sent;
      },
    } as unknown as Messenger;
    expect(await deliverToMember(ctx, { messenger, address }, message, 'dm-1')).toEqual({ sent: true, delivery: sent });
    expect(calls).toEqual(['U1:dm-1']);
    expect((await store.getOutbox('dm-1'))?.state).toBe('sent');
  });

  it('GIVEN another process took the cut send to ask the platform THEN this one neither asks, sends nor touches its entry: a duplicate, uncertain', async () => {
    const { store, ctx } = setup();
    await cut(store);
    // The other process wins the entry just before this one asks for it.
    const reclaim = store.reclaimUncertainOutbox.bind(store);
    store.reclaimUncertainOutbox = async (key, at) => {
      await reclaim(key, at, { claimant: 'host:2:other', leaseUntil: new Date(START.getTime() + 10 * MINUTE) });
      return null;
    };
    let asked = 0;
    let sends = 0;
    const outcome = await deliverOnce(
      ctx,
      'k',
      'local',
      async () => {
        sends += 1;
        return sent;
      },
      async () => {
        asked += 1;
        return { settled: true, delivery: sent };
      },
    );
    expect(outcome).toMatchObject({ sent: false, duplicate: true, state: 'uncertain' });
    expect([asked, sends]).toEqual([0, 0]);
    expect(await store.getOutbox('k')).toMatchObject({ state: 'sending', claimant: 'host:2:other' });
  });

  it('GIVEN a cut send the platform can settle THEN it is asked with when the send started and now, and the answer is recorded and audited by the system', async () => {
    const { store, clock, ctx } = setup();
    await cut(store);
    clock.advance(MINUTE);
    const asked: CutSend[] = [];
    const outcome = await deliverOnce(ctx, 'k', 'local', nothingSent, async (c) => {
      asked.push(c);
      return { settled: true, delivery: sent };
    });
    expect(outcome).toEqual({ sent: true, delivery: sent });
    expect(asked).toEqual([{ startedAt: START, now: new Date(START.getTime() + MINUTE) }]);
    expect(await store.getOutbox('k')).toMatchObject({ state: 'sent', messageId: 'm1' });
    expect(await store.listAudit()).toEqual([
      {
        at: new Date(START.getTime() + MINUTE),
        actor: 'system',
        action: 'outbox.settled',
        detail: { key: 'k', delivered: true },
      },
    ]);
  });

  it('GIVEN the platform cannot tell, or its check throws THEN the entry is uncertain again with the reason, the operator warned, nothing sent', async () => {
    const { store, ctx } = setup();
    await cut(store);
    const cannot = await deliverOnce(ctx, 'k', 'local', nothingSent, async () => ({
      settled: false,
      detail: 'history unavailable',
    }));
    expect(cannot).toMatchObject({ sent: false, duplicate: true, state: 'uncertain' });
    expect(await store.getOutbox('k')).toMatchObject({ state: 'uncertain', error: 'history unavailable' });
    const logger = recordingLogger();
    const thrown = await deliverOnce({ ...ctx, logger }, 'k', 'local', nothingSent, async () => {
      throw new Error('history API down');
    });
    expect(thrown).toMatchObject({ sent: false, duplicate: true, state: 'uncertain' });
    expect(await store.getOutbox('k')).toMatchObject({ state: 'uncertain', error: 'history API down' });
    expect(logger.entries).toEqual([
      {
        level: 'warn',
        context: { key: 'k', detail: 'history API down' },
        message: 'the platform cannot tell whether a cut send arrived',
      },
    ]);
  });

  it('GIVEN a send cut by a crash THEN its job note is the one stored rows already carry (status matches it to name the member)', () => {
    expect(UNCERTAIN_NOTE).toBe('uncertain: send was interrupted');
  });
});

describe('OutboxParts', () => {
  const file = { kind: 'file', name: 'a.csv' } as const;

  it('GIVEN a part sent now, a part sent before and a part refused THEN only the new one counts as sent now and the refused one is missing for good', async () => {
    const { ctx } = setup();
    await deliverOnce(ctx, 'post#old', 'local', async () => ({ ok: true, ref: { channelId: 'c', messageId: 'old' } }));
    const parts = new OutboxParts(ctx, 'post', 'local');
    expect(await parts.part('new', file, async () => sent)).toEqual(sent);
    expect(await parts.part('old', file, async () => sent)).toEqual({
      ok: true,
      ref: { channelId: 'c', messageId: 'old' },
    });
    const refused = await parts.part('csv', file, async () => ({ ok: false, permanent: true, reason: 'forbidden' }));
    expect(refused).toEqual({ ok: false, permanent: true, reason: 'forbidden' });
    expect(parts.sentNow).toEqual(['new']);
    expect(parts.missing).toEqual([{ partId: 'csv', label: file, reason: 'forbidden', permanent: true }]);
  });

  it('GIVEN a part another process is sending THEN it is missing for now; GIVEN one cut by a crash THEN missing for good as uncertain', async () => {
    const { store, ctx } = setup();
    await store.claimOutbox('post#busy', 'local', START, {
      claimant: 'other',
      leaseUntil: new Date(START.getTime() + MINUTE),
    });
    await store.claimOutbox('post#cut', 'local', START);
    await store.settleOutbox('post#cut', { state: 'uncertain' }, START);
    const parts = new OutboxParts(ctx, 'post', 'local');
    expect(await parts.part('busy', file, async () => sent)).toEqual({
      ok: false,
      permanent: false,
      reason: 'platform_error',
      detail: 'in_flight',
    });
    expect(await parts.part('cut', file, async () => sent)).toEqual({
      ok: false,
      permanent: true,
      reason: 'platform_error',
      detail: 'uncertain',
    });
    expect(parts.missing).toEqual([
      { partId: 'busy', label: file, reason: 'platform_error: in_flight', permanent: false },
      { partId: 'cut', label: file, reason: 'platform_error: uncertain', permanent: true },
    ]);
    expect(parts.sentNow).toEqual([]);
  });

  it('GIVEN a part recorded as sent without its reference THEN it counts as there, with empty ids, and is not sent again', async () => {
    const { store, ctx } = setup();
    await store.claimOutbox('post#bare', 'local', START);
    await store.settleOutbox('post#bare', { state: 'sent' }, START);
    const parts = new OutboxParts(ctx, 'post', 'local');
    let sends = 0;
    const delivery = await parts.part('bare', file, async () => {
      sends += 1;
      return sent;
    });
    expect(delivery).toEqual({ ok: true, ref: { channelId: '', messageId: '' } });
    expect([sends, parts.sentNow, parts.missing]).toEqual([0, [], []]);
  });
});

describe('failureText', () => {
  it('GIVEN no reason THEN nothing', () => {
    expect(failureText(undefined, 'ko')).toBe('');
  });

  it.each(['no_platform', 'exhausted', 'uncertain'])('GIVEN %s THEN the catalogue text', (reason) => {
    expect(failureText(reason, 'en')).toBe(t('en', `staff.failure.${reason}` as Parameters<typeof t>[1]));
  });

  it('GIVEN a known code with a detail THEN the words, then the detail in brackets (colons in it kept)', () => {
    expect(failureText('dm_closed', 'ko')).toBe('DM 수신 차단 또는 서버 탈퇴');
    expect(failureText('rate_limited: retry: 3 s', 'en')).toBe('rate limited (retry: 3 s)');
  });

  it('GIVEN an unknown code THEN it is shown as it is', () => {
    expect(failureText('weird_code: x', 'en')).toBe('weird_code: x');
  });
});
