/**
 * The fake Slack's scopes, message metadata and `conversations.history`, as
 * strict as Slack: the bot has exactly the scopes the manifest asks for
 * (config/slack/manifest.yaml); a method needing another answers
 * `missing_scope` with `needed`; metadata must be `{event_type, event_payload}`
 * (`invalid_metadata_format` otherwise) and is returned by the history only
 * with `include_all_metadata`; history is newest first, top-level messages
 * only, `oldest`/`latest` exclusive unless `inclusive`, paged by cursor.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Args } from './fake-slack-parts.ts';

/** Message metadata as stored with a message. */
export interface FakeMetadata {
  event_type: string;
  event_payload: Record<string, unknown>;
}

/** What the history needs of a stored message. */
export interface HistoryMessage {
  channel: string;
  ts: string;
  threadTs?: string;
  text: string;
  blocks: unknown[];
  metadata?: FakeMetadata;
}

/** The bot scopes the manifest asks for: what an installed app has. */
export function manifestBotScopes(): string[] {
  const manifest = parse(readFileSync(new URL('../../../config/slack/manifest.yaml', import.meta.url), 'utf8')) as {
    oauth_config: { scopes: { bot: string[] } };
  };
  return manifest.oauth_config.scopes.bot;
}

/** The scope a method needs on `channel` (by its id's first letter), or null. */
export function scopeNeeded(method: string, channel: string): string | null {
  const kind = channel.startsWith('D') ? 'im' : channel.startsWith('G') ? 'groups' : 'channels';
  switch (method) {
    case 'conversations.history':
      return `${kind}:history`;
    case 'conversations.open':
      return 'im:write';
    case 'chat.postMessage':
    case 'chat.update':
      return 'chat:write';
    case 'files.info':
      return 'files:read';
    case 'users.info':
      return 'users:read';
    default:
      return null;
  }
}

/** The metadata of a `chat.postMessage`, or the error Slack answers. */
export function readMetadata(value: unknown): { metadata?: FakeMetadata } | { error: string } {
  if (value === undefined) return {};
  const ok =
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FakeMetadata).event_type === 'string' &&
    (value as FakeMetadata).event_type !== '' &&
    typeof (value as FakeMetadata).event_payload === 'object' &&
    (value as FakeMetadata).event_payload !== null;
  return ok ? { metadata: value as FakeMetadata } : { error: 'invalid_metadata_format' };
}

const flag = (value: unknown): boolean => value === true || value === 'true' || value === '1' || value === 1;
const tsNumber = (ts: string): number => Number(ts);

/** Slack's largest page of history. */
const MAX_LIMIT = 999;

/** `conversations.history` over `messages` (all channels, oldest first). */
export function history(messages: readonly HistoryMessage[], args: Args, botUserId: string, botId: string): Args {
  const channel = String(args.channel ?? '');
  const inclusive = flag(args.inclusive);
  const oldest = args.oldest === undefined ? Number.NEGATIVE_INFINITY : Number(args.oldest);
  const latest = args.latest === undefined ? Number.POSITIVE_INFINITY : Number(args.latest);
  const after = (ts: number) => (inclusive ? ts >= oldest : ts > oldest);
  const before = (ts: number) => (inclusive ? ts <= latest : ts < latest);
  const limit = Math.min(MAX_LIMIT, Math.max(1, Number(args.limit ?? 100) || 100));
  const withMetadata = flag(args.include_all_metadata);
  const matching = messages
    .filter((m) => m.channel === channel && (m.threadTs === undefined || m.threadTs === m.ts))
    .filter((m) => after(tsNumber(m.ts)) && before(tsNumber(m.ts)))
    .reverse();
  const start =
    typeof args.cursor === 'string' && args.cursor !== ''
      ? Number(Buffer.from(args.cursor, 'base64url').toString())
      : 0;
  if (!Number.isInteger(start) || start < 0) return { ok: false, error: 'invalid_cursor' };
  const page = matching.slice(start, start + limit);
  const hasMore = start + limit < matching.length;
  return {
    ok: true,
    messages: page.map((m) => ({
      type: 'message',
      user: botUserId,
      bot_id: botId,
      text: m.text,
      ts: m.ts,
      blocks: m.blocks,
      ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}),
    })),
    has_more: hasMore,
    response_metadata: { next_cursor: hasMore ? Buffer.from(String(start + limit)).toString('base64url') : '' },
  };
}
