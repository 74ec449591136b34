/**
 * Discord errors as `Delivery` failures. Permanent ones (closed DMs, unknown
 * user or channel, missing access) are not retried; the rest are left to the
 * scheduler's retries, which is where a 5xx that outlived discord.js's own
 * retries gets its back-off.
 */
import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import type { Delivery, DeliveryFailureReason } from '../../core/ports/messenger.ts';

export type FailedDelivery = Extract<Delivery, { ok: false }>;

/** Discord JSON error codes that mean "this will never work". */
const PERMANENT_CODES: Record<number, DeliveryFailureReason> = {
  50007: 'dm_closed',
  10013: 'user_not_found',
  50033: 'user_not_found',
  10003: 'channel_not_found',
  50001: 'forbidden',
  50013: 'forbidden',
};

function failed(reason: DeliveryFailureReason, permanent: boolean, detail: string): FailedDelivery {
  return { ok: false, permanent, reason, detail };
}

/** Maps an error thrown by discord.js to a failed delivery. */
export function toFailedDelivery(error: unknown): FailedDelivery {
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : Number.NaN;
    const detail = `discord ${error.status} code ${String(error.code)}`;
    const reason = PERMANENT_CODES[code];
    if (reason) return failed(reason, true, detail);
    if (error.status === 401) return failed('forbidden', false, detail);
    if (error.status === 429) return failed('rate_limited', false, detail);
    if (error.status >= 500) return failed('platform_error', false, detail);
    return failed('platform_error', true, detail);
  }
  if (error instanceof RateLimitError) return failed('rate_limited', false, `rate limited on ${error.route}`);
  if (error instanceof HTTPError) return failed('platform_error', false, `discord ${error.status}`);
  const name = error instanceof Error ? error.name : 'unknown';
  return failed('network_error', false, name);
}
