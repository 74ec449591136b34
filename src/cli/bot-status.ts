/**
 * Whether a bot is running, from the heartbeat row its scheduler writes:
 * what the CLI tells the operator after queueing work ("the running bot
 * sends it within a minute" only when that is true).
 */
import { hostname } from 'node:os';
import type { Heartbeat, Store } from '../core/ports/store.ts';

/** A heartbeat older than this means the bot is gone (it beats every 30 s). */
const HEARTBEAT_STALE_MS = 120_000;

/** The bot's heartbeat when it is alive now, else null. */
export async function runningBot(store: Store, now: Date): Promise<Heartbeat | null> {
  const beat = await store.getHeartbeat('bot');
  if (!beat || beat.stoppedAt) return null;
  return now.getTime() - beat.beatAt.getTime() <= HEARTBEAT_STALE_MS ? beat : null;
}

/** One line for the operator: will queued work go out, and when? */
export async function botStatusLine(store: Store, now: Date): Promise<string> {
  const beat = await runningBot(store, now);
  if (!beat) {
    const last = await store.getHeartbeat('bot');
    const seen = last ? ` (last seen ${last.beatAt.toISOString()})` : '';
    return `The bot is not running${seen}: nothing is sent until \`jamun start\` runs; the work stays queued in the database.`;
  }
  const where = beat.host === hostname() ? `pid ${beat.pid}` : `pid ${beat.pid} on ${beat.host}`;
  return `The running bot (${where}, ${beat.platforms.join(', ')}) sends it within a minute.`;
}
