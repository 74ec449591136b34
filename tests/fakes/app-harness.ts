/**
 * Builds the whole application on the seed configuration, an in-memory
 * store and a manual clock: the "TestBackend" every end-to-end test drives.
 */
import { fileURLToPath } from 'node:url';
import { advanceClock } from '../../src/demo/advance-clock.ts';
import { createMemoryStore } from '../../src/adapters/memory/memory-store.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { createJamunApp, type JamunApp } from '../../src/core/app/create-app.ts';
import type { Committee, RoundDefinition } from '../../src/core/model.ts';
import type { Claimants } from '../../src/core/ports/claimants.ts';
import { ManualClock } from '../../src/core/ports/clock.ts';
import type { ConfigSource } from '../../src/core/ports/config-source.ts';
import { silentLogger, type Logger } from '../../src/core/ports/logger.ts';
import type { Messenger } from '../../src/core/ports/messenger.ts';
import type { Store } from '../../src/core/ports/store.ts';
import type { RoundCodec } from '../../src/core/ports/round-codec.ts';
import type { ReportRenderer } from '../../src/core/report/report-model.ts';
import { renderReportFile } from '../../src/adapters/report/render-report.ts';
import { roundCodec } from '../../src/config/round-codec.ts';

export const CONFIG_DIR = fileURLToPath(new URL('../../config', import.meta.url));

let seed: { committees: Committee[]; rounds: RoundDefinition[] } | undefined;

/**
 * The seed committee and round, loaded from `config/` (fails loudly if the seed
 * is broken). Read once per test file and handed out as fresh copies: reading
 * and checking the YAML is most of an app test's time, and mutation testing
 * runs these tests once per mutant.
 */
export function seedConfig(): { committees: Committee[]; rounds: RoundDefinition[] } {
  if (!seed) {
    const loaded = loadConfig(CONFIG_DIR);
    if (!loaded.ok) throw new Error(`seed config is invalid: ${JSON.stringify(loaded.error)}`);
    seed = { committees: loaded.value.committees, rounds: loaded.value.rounds };
  }
  return structuredClone(seed);
}

export interface TestApp {
  app: JamunApp;
  store: Store;
  clock: ManualClock;
  committees: Committee[];
  rounds: RoundDefinition[];
}

export interface TestAppOptions {
  messengers: Messenger[];
  /** Start time; default 2024-02-08 09:00 KST, the seed round's opening. */
  now?: Date;
  store?: Store;
  logger?: Logger;
  mutateCommittee?: (committee: Committee) => void;
  /** More committees, made from the seed one (after `mutateCommittee`). */
  extraCommittees?: (seed: Committee) => Committee[];
  mutateRound?: (round: RoundDefinition) => void;
  /** This process's claimant id and which other claimants count as gone (a crashed process). */
  claimants?: Claimants;
  /** What `/jamun reload` reads (default: none, so reload says to restart). */
  configSource?: ConfigSource;
  /** Called when work became due now (a test counts the wake-ups). */
  onWorkDue?: () => void;
  /** Renders `/jamun report` documents (default: the real renderers of `src/adapters/report/`). */
  renderReport?: ReportRenderer;
  /** Reads round forms and files (default: the real codec of `src/config/round-codec.ts`). */
  roundCodec?: RoundCodec;
}

const SEED_OPENING = new Date('2024-02-08T00:00:00Z');

export async function createTestApp(options: TestAppOptions): Promise<TestApp> {
  const { committees, rounds } = seedConfig();
  for (const c of committees) options.mutateCommittee?.(c);
  const [seedCommittee] = committees;
  if (options.extraCommittees && seedCommittee) committees.push(...options.extraCommittees(seedCommittee));
  for (const r of rounds) options.mutateRound?.(r);
  const clock = new ManualClock(options.now ?? SEED_OPENING);
  const store = options.store ?? createMemoryStore();
  const app = createJamunApp({
    store,
    messengers: options.messengers,
    committees,
    rounds,
    clock,
    logger: options.logger ?? silentLogger,
    ...(options.claimants ? { claimants: options.claimants } : {}),
    ...(options.configSource ? { configSource: options.configSource } : {}),
    ...(options.onWorkDue ? { onWorkDue: options.onWorkDue } : {}),
    renderReport: options.renderReport ?? renderReportFile,
    roundCodec: options.roundCodec ?? roundCodec,
  });
  return { app, store, clock, committees, rounds };
}

/** Moves the clock to `until`, running every job at its due time on the way. */
export function runUntil(t: TestApp, until: Date): Promise<number> {
  return advanceClock(t.app, t.store, t.clock, until);
}

/** Seoul wall-clock time as an instant: `kst('2024-02-13 10:00')`. */
/**
 * A `mutateCommittee` that replaces the seed's members by `count` copies of
 * the first, `m-0`…, named `위원 0`…, on the local messenger as `u-0`….
 */
export function localMembers(count: number): (committee: Committee) => void {
  return (committee) => {
    const [template] = committee.members;
    if (!template) throw new Error('the seed committee has no member to copy');
    committee.members = Array.from({ length: count }, (_, i) => ({
      ...structuredClone(template),
      id: `m-${i}`,
      name: `위원 ${i}`,
      platforms: { local: `u-${i}` },
    }));
  };
}

export function kst(local: string): Date {
  return new Date(`${local.replace(' ', 'T')}:00+09:00`);
}
