/**
 * Every send goes through the outbox: the key is claimed in the store before
 * the platform is called, so a retry, a second tick or a second process never
 * sends it again. A crash between the claim and the answer leaves the entry
 * `sending`; on start-up such entries become `uncertain` (reported to staff)
 * rather than being sent a second time.
 */
import type { Delivery } from '../ports/messenger.ts';
import type { OutboxEntry, Store } from '../ports/store.ts';

export type DeliverOutcome =
  | { sent: true; delivery: Extract<Delivery, { ok: true }> }
  | { sent: false; duplicate: true; state: OutboxEntry['state']; channelId?: string; messageId?: string }
  | { sent: false; duplicate: false; delivery: Extract<Delivery, { ok: false }> };

export async function deliverOnce(
  store: Store,
  key: string,
  platform: string,
  now: Date,
  send: () => Promise<Delivery>,
): Promise<DeliverOutcome> {
  const existing = await store.claimOutbox(key, platform, now);
  if (existing) {
    return {
      sent: false,
      duplicate: true,
      state: existing.state,
      channelId: existing.channelId,
      messageId: existing.messageId,
    };
  }
  let delivery: Delivery;
  try {
    delivery = await send();
  } catch (error) {
    // Adapters should return failures as values; a throw is a bug there, but
    // it must not lose the outbox entry's state.
    delivery = {
      ok: false,
      permanent: false,
      reason: 'platform_error',
      detail: error instanceof Error ? error.message : String(error),
    };
  }
  if (delivery.ok) {
    await store.settleOutbox(
      key,
      { state: 'sent', channelId: delivery.ref.channelId, messageId: delivery.ref.messageId },
      now,
    );
    return { sent: true, delivery };
  }
  await store.settleOutbox(
    key,
    { state: 'failed', error: `${delivery.reason}${delivery.detail ? `: ${delivery.detail}` : ''}` },
    now,
  );
  return { sent: false, duplicate: false, delivery };
}
