/**
 * Requests as Slack sends them to an HTTP-mode app: signed
 * `v0=HMAC_SHA256(secret, "v0:" + ts + ":" + body)`.
 */
import { createHmac } from 'node:crypto';

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** Posts `body` to `url` signed with `secret` (or a given signature), as of `timestamp` (seconds). */
export async function postSigned(
  url: string,
  body: string,
  options: { secret: string; contentType: string; timestamp?: number; signature?: string },
): Promise<{ status: number; text: string }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': options.contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? slackSignature(options.secret, timestamp, body),
    },
    body,
  });
  return { status: response.status, text: await response.text() };
}

/** A slash command or interactive payload as the form body Slack posts. */
export function formBody(fields: Record<string, unknown>): string {
  return new URLSearchParams(
    Object.entries(fields).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
  ).toString();
}
