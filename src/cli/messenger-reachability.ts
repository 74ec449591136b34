/**
 * Whether each configured messenger can be reached before `jamun start`
 * builds its adapters: one GET to the platform's API address (any HTTP
 * answer counts, even 401), tried a bounded number of times with back-off.
 * Each failure is one line on stderr naming the platform and the address;
 * a platform still unreachable at the end is reported down, and the bot runs
 * with the others (exit 7 only when none is reachable).
 */
import type { Output } from './context.ts';

/** A messenger to reach: its name as people read it and its API address. */
export interface MessengerTarget {
  platform: 'slack' | 'discord';
  url: string;
}

/** How hard to try: attempts, the first pause (doubled after each failure), and each probe's time limit. */
export interface ReachPolicy {
  attempts: number;
  firstDelayMs: number;
  probeTimeoutMs: number;
}

/** Three tries over about 3 s plus the probes: long enough for a blip, short enough to say so at once. */
const START_REACH_POLICY: ReachPolicy = { attempts: 3, firstDelayMs: 1000, probeTimeoutMs: 5000 };

const NAMES = { slack: 'Slack', discord: 'Discord' } as const;

/** A network failure in words: DNS, refused, timed out, or the error's code. */
function reasonOf(error: unknown, timeoutMs: number): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  const code = cause?.code ?? (error as { code?: string } | null)?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name does not resolve (DNS)';
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ECONNRESET') return 'the connection was reset';
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `no answer within ${Math.round(timeoutMs / 1000)} s`;
  if (code) return code;
  if (cause?.message) return cause.message;
  return error instanceof Error ? (error.message.split('\n')[0] ?? 'error') : String(error);
}

/** Null when `url` answers at all, else why not. */
async function probe(url: string, timeoutMs: number): Promise<string | null> {
  try {
    const response = await fetch(url, { method: 'GET', signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return null;
  } catch (error) {
    return reasonOf(error, timeoutMs);
  }
}

/** Tries one messenger until it answers or the attempts run out; null when reachable, else the last reason. */
async function reach(
  target: MessengerTarget,
  output: Output,
  policy: ReachPolicy,
  sleep: (ms: number) => Promise<void>,
): Promise<string | null> {
  let delay = policy.firstDelayMs;
  let reason: string | null = null;
  for (let attempt = 1; attempt <= policy.attempts; attempt += 1) {
    reason = await probe(target.url, policy.probeTimeoutMs);
    if (reason === null) return null;
    if (attempt < policy.attempts) {
      output.err(
        `${NAMES[target.platform]}: cannot reach ${target.url} (${reason}); trying again in ${delay / 1000} s (attempt ${attempt} of ${policy.attempts}).`,
      );
      await sleep(delay);
      delay *= 2;
    }
  }
  output.err(
    `${NAMES[target.platform]} is down: ${target.url} could not be reached after ${policy.attempts} attempts (${reason}).`,
  );
  return reason;
}

/** Which messengers answered and which are down (with the reason), trying them side by side. */
export async function reachMessengers(
  targets: readonly MessengerTarget[],
  output: Output,
  policy: ReachPolicy = START_REACH_POLICY,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<{ up: MessengerTarget['platform'][]; down: MessengerTarget['platform'][] }> {
  const results = await Promise.all(targets.map((target) => reach(target, output, policy, sleep)));
  return {
    up: targets.filter((_, i) => results[i] === null).map((t) => t.platform),
    down: targets.filter((_, i) => results[i] !== null).map((t) => t.platform),
  };
}

/** The name of a platform as people read it. */
export function platformName(platform: string): string {
  return NAMES[platform as MessengerTarget['platform']] ?? platform;
}
