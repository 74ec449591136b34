/**
 * Refuses a signed Slack HTTP request seen before. Bolt's HTTPReceiver checks
 * the signature and that the timestamp is under 5 minutes old, nothing more:
 * the same signed `/jamun remind` posted again within those 5 minutes would
 * run again. Slack itself never sends a request twice with one signature (its
 * Events API retries are new requests), so a repeat is a replay.
 *
 * Each signature is remembered for its window twice: in this process (a
 * bounded map, the fast answer for a repeat to the same instance) and in the
 * database (`JamunApi.firstSeen`), which every instance shares, so a replay
 * to another instance behind the same URL, or to this one after a restart,
 * is refused too. Socket Mode requests are not signed and carry no such risk
 * (they arrive over the app's own authenticated WebSocket, one instance's).
 */
import type { IncomingMessage } from 'node:http';
import type { App } from '@slack/bolt';
import type { Clock } from '../../core/ports/clock.ts';
import { type HandlerDeps, slackActor } from './handler-deps.ts';
import { st } from './slack-texts.ts';

/** How long Slack accepts a signature (Bolt refuses older timestamps), plus a minute for clock skew. */
export const SIGNATURE_WINDOW_MS = 6 * 60_000;

/** Signatures remembered at most; beyond it the oldest go first (a flood cannot grow memory). */
const MAX_REMEMBERED = 20_000;

/** The request's signature as it reaches Bolt's context (a name none of Bolt's built-in keys has). */
// A type, not an interface: Bolt's extractor returns an index-signature record.
export type SignedRequestProperties = { jamunSlackSignature?: string };

/** Bolt's `customPropertiesExtractor`: hands the signature header to the middleware. */
export function signedRequestProperties(request: Pick<IncomingMessage, 'headers'>): SignedRequestProperties {
  const signature = request.headers['x-slack-signature'];
  return typeof signature === 'string' && signature !== '' ? { jamunSlackSignature: signature } : {};
}

/** Remembers signatures for their window; `firstSeen` is true once per signature. */
export class ReplayGuard {
  readonly #clock: Clock;
  readonly #max: number;
  /** Signature → when it may be forgotten (ms). Insertion order is arrival order. */
  readonly #seen = new Map<string, number>();

  constructor(clock: Clock, max = MAX_REMEMBERED) {
    this.#clock = clock;
    this.#max = max;
  }

  /** True the first time `signature` is seen within its window, false for a repeat. */
  firstSeen(signature: string): boolean {
    const now = this.#clock.now().getTime();
    this.#forgetExpired(now);
    const until = this.#seen.get(signature);
    if (until !== undefined && until > now) return false;
    this.#seen.delete(signature);
    this.#seen.set(signature, now + SIGNATURE_WINDOW_MS);
    while (this.#seen.size > this.#max) {
      const oldest = this.#seen.keys().next().value;
      if (oldest === undefined) break;
      this.#seen.delete(oldest);
    }
    return true;
  }

  /** How many signatures are remembered (for tests and metrics). */
  get size(): number {
    return this.#seen.size;
  }

  #forgetExpired(now: number): void {
    // Entries are in arrival order and all live equally long: stop at the first still live.
    for (const [signature, until] of this.#seen) {
      if (until > now) break;
      this.#seen.delete(signature);
    }
  }
}

/**
 * Whether no instance has seen the signature (the database's record). When
 * the database cannot answer, this process's memory has spoken: the request
 * goes on, and the handler meets the same database.
 */
async function sharedFirstSeen(deps: HandlerDeps, signature: string): Promise<boolean> {
  try {
    return await deps.api().firstSeen(`slack:signature:${signature}`, SIGNATURE_WINDOW_MS);
  } catch (error) {
    deps.logger.warn(
      { error: error instanceof Error ? error.message : String(error) },
      'slack replay check: the database did not answer; this process had not seen the request',
    );
    return true;
  }
}

/**
 * Runs before every listener: a request whose signature was seen before is
 * acknowledged (so Slack shows no timeout) and goes no further; a repeated
 * slash command is answered, privately, that it was not carried out again.
 */
export function registerReplayGuard(app: App, guard: ReplayGuard, deps: HandlerDeps): void {
  app.use(async (args) => {
    const { jamunSlackSignature: signature } = args.context as SignedRequestProperties;
    if (signature === undefined || (guard.firstSeen(signature) && (await sharedFirstSeen(deps, signature)))) {
      await args.next();
      return;
    }
    deps.logger.warn({ signature: signature.slice(0, 12) }, 'slack request replayed; refused');
    if ('command' in args) {
      const locale = await deps
        .api()
        .localeOf(slackActor(args.command.user_id))
        .catch(() => 'ko' as const);
      await args.ack({ response_type: 'ephemeral', text: st(locale, 'slack.replay.refused') });
    } else if ('ack' in args && args.ack !== undefined) {
      await args.ack();
    }
  });
}
