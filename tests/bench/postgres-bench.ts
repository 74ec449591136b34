/**
 * `npm run bench -- --store postgres`: the same work on SQLite and on
 * PostgreSQL (the server JAMUN_TEST_POSTGRES_URL names; run it through
 * `scripts/test-postgres.sh npm run bench -- --store postgres`), and on
 * PostgreSQL with two instances (two stores, two apps, each with its own
 * claimant) draining one fan-out at once. Figures: answer saves through the
 * core, the fan-out rate of a round's invitations on the local messenger
 * (no rate limit: the store's cost shows), an idle scheduler tick, and
 * duplicates. Reports, never asserts.
 */
import type { LocalMessenger } from '../../src/adapters/local/local-messenger.ts';
import { createPrismaStore } from '../../src/adapters/prisma/prisma-store.ts';
import { emptyPostgresDatabase } from '../adapters/prisma/postgres-test-db.ts';
import { type Bench, openBench, saves } from './store-bench.ts';
import type { SuiteResult } from './targets.ts';
import { syntheticApp } from './synthetic-round.ts';

const SAVES = 2_000;
const IDLE_TICKS = 20;
/** Saves that failed, by store, said in the figures. */
const failures: string[] = [];

/** Invitations of a fan-out by member: how many were invited and how many twice. */
function tally(locals: LocalMessenger[]): { invited: number; duplicates: number } {
  const perMember = new Map<string, number>();
  for (const local of locals)
    for (const m of local.all())
      if (m.kind === 'invitation') perMember.set(m.channelId, (perMember.get(m.channelId) ?? 0) + 1);
  return { invited: perMember.size, duplicates: [...perMember.values()].reduce((n, c) => n + c - 1, 0) };
}

/** Saves (serial and 50 at once), the fan-out of `members` and the idle tick on one store. */
async function oneInstance(members: number, databaseUrl?: string): Promise<Record<string, number>> {
  const b: Bench = await openBench(members, 4, databaseUrl);
  try {
    await b.app.runAsOperator({ verb: 'open', roundId: b.def.id });
    let start = performance.now();
    await b.app.runDueJobs();
    const fanoutMs = performance.now() - start;
    const { invited, duplicates } = tally([b.local]);
    const serial = await saves(b, SAVES / 2, 1);
    // A save that cannot start its transaction in time (Prisma's P2028: the pool is busy) is a result too.
    const parallel = await saves(b, SAVES, 50).catch((error: unknown) => {
      failures.push(`50 at once: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      return { perSecond: Number.NaN, perCpuSecond: Number.NaN };
    });
    start = performance.now();
    for (let i = 0; i < IDLE_TICKS; i++) await b.app.runDueJobs();
    const tickMs = (performance.now() - start) / IDLE_TICKS;
    return {
      savesSerial: serial.perSecond,
      savesParallel: parallel.perSecond,
      invitationsPerSecond: members / (fanoutMs / 1000),
      invited,
      duplicates,
      tickMs,
    };
  } finally {
    await b.done();
  }
}

/** Two apps on one PostgreSQL database draining one fan-out of `members` at once. */
async function twoInstances(members: number, databaseUrl: string): Promise<Record<string, number>> {
  const first: Bench = await openBench(members, 4, databaseUrl);
  const store = await createPrismaStore(databaseUrl);
  const { app: second, local } = syntheticApp(store, first.committee, first.def);
  try {
    await first.app.runAsOperator({ verb: 'open', roundId: first.def.id });
    const start = performance.now();
    await Promise.all([first.app.runDueJobs(), second.runDueJobs()]);
    const fanoutMs = performance.now() - start;
    const { invited, duplicates } = tally([first.local, local]);
    return {
      invitationsPerSecond: members / (fanoutMs / 1000),
      invited,
      duplicates,
      bySecond: tally([local]).invited,
    };
  } finally {
    await store.close();
    await first.done();
  }
}

export async function runPostgresBench(postgresUrl: string, members = 1000): Promise<SuiteResult> {
  const sqlite = await oneInstance(members);
  const pg = await oneInstance(members, await emptyPostgresDatabase(postgresUrl, 'bench'));
  const two = await twoInstances(members, await emptyPostgresDatabase(postgresUrl, 'bench2'));
  const r = (n: number | undefined) => Math.round(n ?? 0);
  return {
    figures: {
      'saves serial per second: SQLite / PostgreSQL': `${r(sqlite.savesSerial)} / ${r(pg.savesSerial)}`,
      'saves 50 at once per second: SQLite / PostgreSQL': `${r(sqlite.savesParallel)} / ${r(pg.savesParallel)}`,
      [`fan-out of ${members}, invitations/s: SQLite / PostgreSQL`]: `${r(sqlite.invitationsPerSecond)} / ${r(pg.invitationsPerSecond)}`,
      'fan-out PostgreSQL / SQLite': ((pg.invitationsPerSecond ?? 0) / (sqlite.invitationsPerSecond ?? 1)).toFixed(2),
      'fan-out on PostgreSQL, two instances: invitations/s': r(two.invitationsPerSecond),
      'fan-out two instances / one (PostgreSQL)': (
        (two.invitationsPerSecond ?? 0) / (pg.invitationsPerSecond ?? 1)
      ).toFixed(2),
      'two instances: invited by the second / in all / twice': `${two.bySecond} / ${two.invited} / ${two.duplicates}`,
      'idle tick ms: SQLite / PostgreSQL': `${(sqlite.tickMs ?? 0).toFixed(1)} / ${(pg.tickMs ?? 0).toFixed(1)}`,
      'save failures': failures.join('; ') || 'none',
      'invited once: SQLite / PostgreSQL': `${r(sqlite.invited) - r(sqlite.duplicates)} / ${r(pg.invited) - r(pg.duplicates)}`,
    },
    targets: [
      {
        name: `members invited exactly once by two instances (of ${members})`,
        value: (two.invited ?? 0) - (two.duplicates ?? 0),
        floor: members,
        unit: '',
        higherIsBetter: true,
      },
    ],
  };
}
