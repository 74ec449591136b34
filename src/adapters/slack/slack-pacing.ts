/**
 * Slack's limits, kept on our side. When a Web API call is answered 429, the
 * WebClient pauses its whole queue for `Retry-After` (whole seconds), so one
 * refused `conversations.open` also holds every `chat.postMessage` behind it.
 * Pacing the call whose limit a fan-out reaches (Tier 3 `conversations.open`,
 * 50 per minute; an invitation is one `chat.postMessage` per DM channel, so
 * the per-channel message limit does not bind) keeps the fan-out at the limit
 * instead of bouncing off it. A call that is slow or
 * fails holds only its own slot: the next call waits for the window, not for
 * the slow one.
 */

/** At most `max` calls in any span of `windowMs`. */
export interface CallLimit {
  max: number;
  windowMs: number;
}

/** Tier 3 (`conversations.open`): 50 per minute, documented as "50+". */
export const DM_OPEN_LIMIT: CallLimit = { max: 50, windowMs: 60_000 };

/**
 * Slack counts calls as it receives them and ours arrive a little after we
 * send them, unevenly: a window is waited out this much longer (a fraction
 * of the window), so the calls of the next one never land in the last.
 */
const MARGIN = 0.03;

/** Hands out call slots in order, never more than the limit in any window (a sliding log of grants). */
export class CallPacer {
  readonly #grants: number[] = [];
  #tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly limit: CallLimit,
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    if (limit.max < 1 || limit.windowMs <= 0) throw new Error(`invalid call limit ${JSON.stringify(limit)}`);
  }

  /** Resolves when one more call fits in the window; callers are served in the order they asked. */
  take(): Promise<void> {
    const span = this.limit.windowMs * (1 + MARGIN);
    const turn = this.#tail.then(async () => {
      for (;;) {
        const now = this.now();
        while (this.#grants.length > 0 && now - (this.#grants[0] as number) >= span) this.#grants.shift();
        if (this.#grants.length < this.limit.max) {
          this.#grants.push(now);
          return;
        }
        await this.sleep((this.#grants[0] as number) + span - now);
      }
    });
    this.#tail = turn;
    return turn;
  }
}
