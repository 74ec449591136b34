/**
 * Every send goes through the outbox: the key is claimed in the store before
 * the platform is called, so a retry, a second tick or a second process never
 * sends it again. The claim records this process and a lease: a crash between
 * the claim and the answer leaves the entry `sending`, and the next tick or
 * start (of this or another process) marks it `uncertain` as soon as the
 * claiming process is known to be gone or the lease has run out. Uncertain
 * sends are reported to staff by name, never sent a second time on their own.
 */
import type { Delivery } from '../ports/messenger.ts';
import type { OutboxEntry } from '../ports/store.ts';
import type { AppContext } from './app-context.ts';

/**
 * How long a send may take before it counts as interrupted, even when its
 * process cannot be checked (another machine). Longer than any platform
 * client's own retries of one call.
 */
const OUTBOX_LEASE_MS = 10 * 60_000;

/** The job note of a send cut by a crash: it may or may not have arrived. */
export const UNCERTAIN_NOTE = 'uncertain: send was interrupted';

export type DeliverOutcome =
  | { sent: true; delivery: Extract<Delivery, { ok: true }> }
  | { sent: false; duplicate: true; state: OutboxEntry['state']; channelId?: string; messageId?: string }
  | { sent: false; duplicate: false; delivery: Extract<Delivery, { ok: false }> };

/** Sends once under `key`: nothing when the key was sent, is being sent, or may have been sent. */
export async function deliverOnce(
  ctx: Pick<AppContext, 'store' | 'now' | 'claimants'>,
  key: string,
  platform: string,
  send: () => Promise<Delivery>,
): Promise<DeliverOutcome> {
  const { store } = ctx;
  const now = ctx.now();
  const existing = await store.claimOutbox(key, platform, now, {
    claimant: ctx.claimants.self,
    leaseUntil: new Date(now.getTime() + OUTBOX_LEASE_MS),
  });
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
  const settledAt = ctx.now();
  if (delivery.ok) {
    await store.settleOutbox(
      key,
      { state: 'sent', channelId: delivery.ref.channelId, messageId: delivery.ref.messageId },
      settledAt,
    );
    return { sent: true, delivery };
  }
  await store.settleOutbox(
    key,
    { state: 'failed', error: `${delivery.reason}${delivery.detail ? `: ${delivery.detail}` : ''}` },
    settledAt,
  );
  return { sent: false, duplicate: false, delivery };
}
