/**
 * Discord's rate limits as the fake enforces them: a global requests-per-second
 * cap and per-route buckets (fixed windows), announced with the `X-RateLimit-*`
 * headers discord.js reads, and a 429 with `Retry-After` when exceeded.
 */

/** A per-route bucket: `limit` requests per `windowMs`, counted per major parameter. */
interface BucketLimit {
  /** The bucket hash announced in `X-RateLimit-Bucket`. */
  name: string;
  method: string;
  /** Matches the route; the first capture group (if any) is the major parameter. */
  pattern: RegExp;
  limit: number;
  windowMs: number;
}

export interface RateLimitSettings {
  /** Requests per second over all routes (Discord: 50). Interaction responses are exempt. */
  globalPerSecond?: number;
  buckets?: BucketLimit[];
}

/** What the limiter decided for one request. */
export interface LimitDecision {
  headers: Record<string, string>;
  /** Set when the request is refused: seconds to wait and whether the global limit hit. */
  refuse?: { retryAfterS: number; global: boolean };
}

interface Window {
  startedAt: number;
  count: number;
}

export class FakeRateLimiter {
  #global: Window = { startedAt: 0, count: 0 };
  readonly #windows = new Map<string, Window>();
  /** 429s sent, by kind. */
  readonly refused = { global: 0, bucket: 0 };

  constructor(private readonly settings: RateLimitSettings) {}

  check(method: string, path: string, now: number): LimitDecision {
    const headers: Record<string, string> = {};
    const exempt = path.startsWith('/interactions/') || path.startsWith('/webhooks/');
    const perSecond = this.settings.globalPerSecond;
    if (perSecond !== undefined && !exempt) {
      const window = this.#roll(this.#global, now, 1000);
      if (window.count >= perSecond) {
        this.refused.global += 1;
        const retryAfterS = (window.startedAt + 1000 - now) / 1000;
        return {
          headers: { 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' },
          refuse: { retryAfterS, global: true },
        };
      }
    }
    const bucket = this.settings.buckets?.find((b) => b.method === method && b.pattern.test(path));
    if (bucket) {
      const major = bucket.pattern.exec(path)?.[1] ?? '';
      const key = `${bucket.name}:${major}`;
      const window = this.#roll(this.#windows.get(key) ?? { startedAt: now, count: 0 }, now, bucket.windowMs);
      this.#windows.set(key, window);
      const resetAfterS = (window.startedAt + bucket.windowMs - now) / 1000;
      headers['x-ratelimit-limit'] = String(bucket.limit);
      headers['x-ratelimit-bucket'] = bucket.name;
      headers['x-ratelimit-reset-after'] = resetAfterS.toFixed(3);
      if (window.count >= bucket.limit) {
        this.refused.bucket += 1;
        headers['x-ratelimit-remaining'] = '0';
        headers['x-ratelimit-scope'] = 'user';
        return { headers, refuse: { retryAfterS: resetAfterS, global: false } };
      }
      window.count += 1;
      headers['x-ratelimit-remaining'] = String(bucket.limit - window.count);
    }
    if (perSecond !== undefined && !exempt) this.#global.count += 1;
    return { headers };
  }

  #roll(window: Window, now: number, windowMs: number): Window {
    if (now - window.startedAt >= windowMs) {
      window.startedAt = now;
      window.count = 0;
    }
    return window;
  }
}
