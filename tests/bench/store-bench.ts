/**
 * The production path into SQLite: answer saves through the core (one member
 * at a time, and 50 members at once), and opening a large round, each with
 * the event-loop delay it caused. Reports, never asserts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LocalMessenger } from '../../src/adapters/local/local-messenger.ts';
import { createPrismaStore } from '../../src/adapters/prisma/prisma-store.ts';
import type { JamunApp } from '../../src/core/app/create-app.ts';
import type { Committee, RoundDefinition } from '../../src/core/model.ts';
import type { Store } from '../../src/core/ports/store.ts';
import { syntheticApp, syntheticCommittee, syntheticRound } from './synthetic-round.ts';
import { loopTarget, type SuiteResult, withLoopDelay } from './targets.ts';

export interface Bench {
  app: JamunApp;
  store: Store;
  committee: Committee;
  def: RoundDefinition;
  local: LocalMessenger;
  done: () => Promise<void>;
}

/** A round of `members` × `questions` on a fresh SQLite file, or on `databaseUrl` (an empty PostgreSQL database). */
export async function openBench(members: number, questions: number, databaseUrl?: string): Promise<Bench> {
  const dir = mkdtempSync(path.join(tmpdir(), 'jamun-bench-'));
  const store = await createPrismaStore(databaseUrl ?? `file:${path.join(dir, 'bench.db')}`);
  const committee = syntheticCommittee(members);
  const def = syntheticRound(questions);
  const { app, local } = syntheticApp(store, committee, def);
  return {
    app,
    store,
    committee,
    def,
    local,
    done: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Saves through the core, `concurrent` members at once, `total` in all: per second of wall time and of CPU time. */
export async function saves(
  b: Pick<Bench, 'app' | 'committee' | 'def'>,
  total: number,
  concurrent: number,
): Promise<{ perSecond: number; perCpuSecond: number }> {
  const questions = b.def.agenda.flatMap((i) => i.questions);
  let next = 0;
  const worker = async (lane: number): Promise<void> => {
    for (let i = next++; i < total; i = next++) {
      const member = b.committee.members[(lane + i) % b.committee.members.length];
      const question = questions[i % questions.length];
      if (!member || !question) throw new Error('bench data');
      const r = await b.app.saveDraft({ platform: 'local', userId: member.platforms.local ?? '' }, b.def.id, [
        { questionId: question.id, value: `의견 ${i}` },
      ]);
      if (!r.ok) throw new Error(`save ${i} failed: ${r.error.code}`);
    }
  };
  const start = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(Array.from({ length: concurrent }, (_, lane) => worker(lane)));
  const used = process.cpuUsage(cpu);
  return {
    perSecond: total / ((performance.now() - start) / 1000),
    // On a shared machine the wall figure follows the load; the CPU figure is what one free core would do.
    perCpuSecond: total / ((used.user + used.system) / 1e6),
  };
}

export async function runSaveBench(total = 10_000): Promise<SuiteResult> {
  const b = await openBench(100, 20);
  try {
    await b.app.runAsOperator({ verb: 'open', roundId: b.def.id });
    const serial = await withLoopDelay(() => saves(b, total, 1));
    const parallel = await withLoopDelay(() => saves(b, total, 50));
    return {
      figures: {
        'saves: serial per second': Math.round(serial.result.perSecond),
        'saves: serial per CPU second': Math.round(serial.result.perCpuSecond),
        'saves: 50 members at once per second': Math.round(parallel.result.perSecond),
        'saves: 50 members at once per CPU second': Math.round(parallel.result.perCpuSecond),
        'saves: 50 at once / serial (same run)': (parallel.result.perSecond / serial.result.perSecond).toFixed(2),
        'event loop p50/p99/max ms (serial)': `${serial.p50}/${serial.p99}/${serial.max}`,
        'event loop p50/p99/max ms (50 at once)': `${parallel.p50}/${parallel.p99}/${parallel.max}`,
        'CPU held between timer turns p99/max ms (serial; 50 at once)': `${serial.held.p99}/${serial.held.max}; ${parallel.held.p99}/${parallel.held.max}`,
      },
      targets: [
        {
          name: 'answer saves into SQLite through the core, serial',
          value: serial.result.perSecond,
          floor: 5000,
          unit: '/s',
          higherIsBetter: true,
        },
        {
          name: 'answer saves, 50 members at once',
          value: parallel.result.perSecond,
          floor: 10_000,
          unit: '/s',
          higherIsBetter: true,
        },
        {
          name: 'answer saves, 50 at once / serial (same run)',
          value: parallel.result.perSecond / serial.result.perSecond,
          floor: 2,
          unit: '×',
          higherIsBetter: true,
        },
        loopTarget('50 members saving at once', parallel.p99),
      ],
    };
  } finally {
    await b.done();
  }
}

/** Opens a round of `members` on SQLite and runs its fan-out on the local messenger. */
export async function runOpenBench(members = 10_000): Promise<SuiteResult> {
  const b = await openBench(members, 4);
  try {
    let start = performance.now();
    const open = await withLoopDelay(() => b.app.runAsOperator({ verb: 'open', roundId: b.def.id }));
    const openMs = performance.now() - start;
    start = performance.now();
    const fanout = await withLoopDelay(() => b.app.runDueJobs());
    const fanoutMs = performance.now() - start;
    const invitations = b.local.all().filter((m) => m.kind === 'invitation');
    const perMember = new Map<string, number>();
    for (const m of invitations) perMember.set(m.channelId, (perMember.get(m.channelId) ?? 0) + 1);
    const duplicates = [...perMember.values()].reduce((n, c) => n + c - 1, 0);
    return {
      figures: {
        members,
        'open reply': open.result.text.split('\n')[0] ?? '',
        'open: ms': Math.round(openMs),
        'open: event loop p50/p99/max ms': `${open.p50}/${open.p99}/${open.max}`,
        'open: CPU held between timer turns p99/max ms': `${open.held.p99}/${open.held.max}`,
        'fan-out (local messenger, no rate limit): ms': Math.round(fanoutMs),
        'fan-out: invitations per second': Math.round(members / (fanoutMs / 1000)),
        'fan-out: event loop p50/p99/max ms': `${fanout.p50}/${fanout.p99}/${fanout.max}`,
        'fan-out: CPU held between timer turns p99/max ms': `${fanout.held.p99}/${fanout.held.max}`,
        'members invited': perMember.size,
        duplicates,
      },
      targets: [
        loopTarget(`the open of ${members} members`, open.p99),
        loopTarget(`the fan-out to ${members} members`, fanout.p99),
        {
          name: `members invited exactly once (of ${members})`,
          value: perMember.size - duplicates,
          floor: members,
          unit: '',
          higherIsBetter: true,
        },
      ],
    };
  } finally {
    await b.done();
  }
}
