/**
 * Every send goes through the outbox: the key is claimed in the store before
 * the platform is called, so a retry, a second tick or a second process never
 * sends it again. The claim records this process and a lease: a crash between
 * the claim and the answer leaves the entry `sending`, and the next tick or
 * start (of this or another process) marks it `uncertain` as soon as the
 * claiming process is known to be gone or the lease has run out. An
 * uncertain send is settled with the platform where it can tell (see
 * `Messenger.settleUncertain`: found there, or certainly absent and sent now,
 * so exactly one arrives); where it cannot, it stays uncertain and is
 * reported to staff by name, never sent a second time on its own.
 */
import type { CutSend, Delivery, MemberAddress, MemberMessage, Messenger, SettledSend } from '../ports/messenger.ts';
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

/** Asks the platform about a cut send (see `Messenger.settleUncertain`). */
export type SettleCut = (cut: CutSend) => Promise<SettledSend>;

type DeliverContext = Pick<AppContext, 'store' | 'now' | 'claimants'> & Partial<Pick<AppContext, 'logger'>>;

/**
 * Sends once under `key`: nothing when the key was sent, is being sent, or may
 * have been sent, unless `settle` is given and the platform can tell about an
 * uncertain one (then it is found, or sent now, once).
 */
export async function deliverOnce(
  ctx: DeliverContext,
  key: string,
  platform: string,
  send: () => Promise<Delivery>,
  settle?: SettleCut,
): Promise<DeliverOutcome> {
  const { store } = ctx;
  const now = ctx.now();
  const claim = { claimant: ctx.claimants.self, leaseUntil: new Date(now.getTime() + OUTBOX_LEASE_MS) };
  const existing = await store.claimOutbox(key, platform, now, claim);
  if (existing?.state === 'uncertain' && settle) {
    const settled = await settleUncertain(ctx, existing, settle, claim);
    if (settled) return settled;
  }
  if (existing) {
    return {
      sent: false,
      duplicate: true,
      state: existing.state,
      channelId: existing.channelId,
      messageId: existing.messageId,
    };
  }
  return record(ctx, key, await attempt(send));
}

/** A member DM sent once under `key`; a cut one is settled with the platform where it can tell. */
export function deliverToMember(
  ctx: DeliverContext,
  target: { messenger: Messenger; address: MemberAddress },
  message: MemberMessage,
  key: string,
): Promise<DeliverOutcome> {
  const { messenger, address } = target;
  const settle = messenger.settleUncertain?.bind(messenger);
  return deliverOnce(
    ctx,
    key,
    messenger.platform,
    () => messenger.sendToMember(address, message, key),
    settle && ((cut) => settle(address, message, key, cut)),
  );
}

/** The platform's answer, a throw made a failure. */
async function attempt(send: () => Promise<Delivery>): Promise<Delivery> {
  try {
    return await send();
  } catch (error) {
    // Adapters should return failures as values; a throw is a bug there, but
    // it must not lose the outbox entry's state.
    return {
      ok: false,
      permanent: false,
      reason: 'platform_error',
      detail: error instanceof Error ? error.message : String(error),
    };
  }
}

/**
 * Takes an uncertain entry (one process only) and asks the platform. Returns
 * the outcome when it told, or null when it could not (the entry is uncertain
 * again) or another process is asking.
 */
async function settleUncertain(
  ctx: DeliverContext,
  entry: OutboxEntry,
  settle: SettleCut,
  claim: { claimant: string; leaseUntil: Date },
): Promise<DeliverOutcome | null> {
  const { store } = ctx;
  const taken = await store.reclaimUncertainOutbox(entry.key, ctx.now(), claim);
  if (!taken) return null;
  let answer: SettledSend;
  try {
    answer = await settle({ startedAt: taken.createdAt, now: ctx.now() });
  } catch (error) {
    answer = { settled: false, detail: error instanceof Error ? error.message : String(error) };
  }
  if (!answer.settled) {
    await store.settleOutbox(entry.key, { state: 'uncertain', error: answer.detail }, ctx.now());
    ctx.logger?.warn({ key: entry.key, detail: answer.detail }, 'the platform cannot tell whether a cut send arrived');
    return null;
  }
  await store.audit({
    at: ctx.now(),
    actor: 'system',
    action: 'outbox.settled',
    detail: { key: entry.key, delivered: answer.delivery.ok },
  });
  return record(ctx, entry.key, answer.delivery);
}

/** Records the platform's answer on the outbox entry. */
async function record(ctx: DeliverContext, key: string, delivery: Delivery): Promise<DeliverOutcome> {
  const { store } = ctx;
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
