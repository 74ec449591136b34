/**
 * Finding a member DM in its conversation's history by its idempotency key.
 * Every message of a member DM carries message metadata (chat.postMessage
 * `metadata`: `event_type` and `event_payload`) naming its key and part;
 * `conversations.history` returns it only when asked with
 * `include_all_metadata`, and reading a DM's history needs the `im:history`
 * scope (in the manifest). For internal apps the method is Tier 3 (50+ a
 * minute); Slack limits apps distributed commercially outside the
 * Marketplace to 1 a minute and 15 messages: jamun is installed as an
 * internal app.
 */
import type { webApi } from '@slack/bolt';
import type { CutSend } from '../../core/ports/messenger.ts';

/** The metadata event type of a member DM. */
const SEND_EVENT_TYPE = 'jamun_send';

/** Read this far before the cut send's start: instances' clocks and Slack's may differ. */
const CLOCK_MARGIN_MS = 60 * 60_000;
/** Messages per history page, and pages read at most (a member's DM with the bot is quiet). */
const PAGE_SIZE = 200;
const MAX_PAGES = 10;
/**
 * A request cut mid-flight may still be processed by Slack for a moment after
 * the connection died: look no sooner than this after the cut send began.
 */
const IN_FLIGHT_MS = 3_000;

/** The metadata of part `part` of the DM sent under `key`. */
export function sendMetadata(
  key: string,
  part: number,
): { event_type: string; event_payload: Record<string, string | number> } {
  return { event_type: SEND_EVENT_TYPE, event_payload: { key, part } };
}

/** Slack's `ts` of an instant (seconds with microseconds). */
function slackTs(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(6);
}

/**
 * The parts of the DM sent under `key` found in `channel` since shortly before
 * the cut send began: part number → message ts. Throws when Slack refuses
 * (e.g. `missing_scope`) or the history cannot be read whole, as then an
 * absent part is not known to be absent.
 */
export async function findSentParts(
  client: webApi.WebClient,
  channel: string,
  key: string,
  cut: CutSend,
): Promise<Map<number, string>> {
  const elapsed = cut.now.getTime() - cut.startedAt.getTime();
  if (elapsed < 0) throw new Error('the cut send began after now: clocks disagree');
  if (elapsed < IN_FLIGHT_MS) await new Promise((resolve) => setTimeout(resolve, IN_FLIGHT_MS - elapsed));
  const found = new Map<number, string>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await client.conversations.history({
      channel,
      oldest: slackTs(cut.startedAt.getTime() - CLOCK_MARGIN_MS),
      include_all_metadata: true,
      limit: PAGE_SIZE,
      ...(cursor ? { cursor } : {}),
    });
    for (const message of result.messages ?? []) {
      const payload = message.metadata?.event_payload as Record<string, unknown> | undefined;
      if (message.metadata?.event_type !== SEND_EVENT_TYPE || payload?.key !== key) continue;
      if (typeof payload.part === 'number' && message.ts) found.set(payload.part, message.ts);
    }
    cursor = result.response_metadata?.next_cursor || undefined;
    if (!result.has_more || !cursor) return found;
  }
  throw new Error(`more than ${MAX_PAGES * PAGE_SIZE} messages since the cut send`);
}
