/**
 * Turns what the Slack WebClient throws into the messenger port's failure
 * reasons. The WebClient already waits out `Retry-After` and backs off on
 * 5xx and network errors (its retry policy); what reaches here is final for
 * this call, and we only decide whether trying later can help.
 */
import type { Delivery, DeliveryFailureReason } from '../../core/ports/messenger.ts';

type Failure = Extract<Delivery, { ok: false }>;

/** Slack error codes that no retry can fix, and what they mean for the core. */
const PERMANENT: Record<string, DeliveryFailureReason> = {
  user_not_found: 'user_not_found',
  users_not_found: 'user_not_found',
  user_not_visible: 'user_not_found',
  cannot_dm_bot: 'cannot_dm_bot',
  account_inactive: 'account_inactive',
  user_disabled: 'account_inactive',
  channel_not_found: 'channel_not_found',
  is_archived: 'channel_not_found',
  message_not_found: 'channel_not_found',
  messages_tab_disabled: 'dm_closed',
  cannot_dm_user: 'dm_closed',
  restricted_action: 'forbidden',
  not_in_channel: 'forbidden',
  missing_scope: 'forbidden',
  not_allowed_token_type: 'forbidden',
  invalid_auth: 'forbidden',
  not_authed: 'forbidden',
  token_revoked: 'forbidden',
  ekm_access_denied: 'forbidden',
  team_access_not_granted: 'forbidden',
  // The workspace refuses large or any uploads: a policy, not a hiccup.
  file_upload_size_restricted: 'forbidden',
  file_uploads_disabled: 'forbidden',
};

/** The Slack error code (`user_not_found`, …) of a platform error, if it is one. */
export function slackErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, data } = error as { code?: unknown; data?: { error?: unknown } };
  if (code !== 'slack_webapi_platform_error') return undefined;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/** Maps any error from a WebClient call to a failed `Delivery`. Never throws. */
export function toFailedDelivery(error: unknown): Failure {
  const slackCode = slackErrorCode(error);
  if (slackCode !== undefined) {
    const permanent = PERMANENT[slackCode];
    if (permanent) return { ok: false, permanent: true, reason: permanent, detail: slackCode };
    if (slackCode === 'ratelimited') return { ok: false, permanent: false, reason: 'rate_limited', detail: slackCode };
    return { ok: false, permanent: false, reason: 'platform_error', detail: slackCode };
  }
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'slack_webapi_rate_limited_error' || /rate limit/i.test(message)) {
    return { ok: false, permanent: false, reason: 'rate_limited', detail: 'ratelimited' };
  }
  if (code === 'slack_webapi_http_error') {
    const status = (error as { statusCode?: unknown }).statusCode;
    return { ok: false, permanent: false, reason: 'platform_error', detail: `http_${String(status)}` };
  }
  if (code === 'slack_webapi_request_error') {
    return { ok: false, permanent: false, reason: 'network_error', detail: 'request_error' };
  }
  return { ok: false, permanent: false, reason: 'platform_error', detail: message.slice(0, 200) };
}
