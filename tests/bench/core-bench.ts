/**
 * Core figures: compiling the summary of a large synthetic round, and
 * recording answer saves through the core into SQLite. Reports, never asserts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createMemoryStore } from '../../src/adapters/memory/memory-store.ts';
import { createPrismaStore } from '../../src/adapters/prisma/prisma-store.ts';
import { createJamunApp } from '../../src/core/app/create-app.ts';
import { syntheticCommittee, syntheticRound } from './synthetic-round.ts';
import { ManualClock } from '../../src/core/ports/clock.ts';
import { silentLogger } from '../../src/core/ports/logger.ts';

const run = promisify(execFile);

/**
 * Compiles and renders the summary in a child process that loads only the
 * summary code, so its peak RSS is the cost of the summary itself and not of
 * the platform libraries this process has loaded.
 */
export async function runCompileBench(
  members = 500,
  questions = 20,
  answerChars = 1500,
): Promise<Record<string, number | string>> {
  const worker = fileURLToPath(new URL('./compile-summary-worker.ts', import.meta.url));
  const { stdout } = await run(process.execPath, [
    '--import',
    'tsx',
    worker,
    String(members),
    String(questions),
    String(answerChars),
  ]);
  return JSON.parse(stdout) as Record<string, number | string>;
}

export async function runSaveBench(saves = 10_000): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'jamun-bench-'));
  const store = await createPrismaStore(`file:${path.join(dir, 'bench.db')}`);
  try {
    const committee = syntheticCommittee(100);
    const def = syntheticRound(20);
    const clock = new ManualClock(new Date('2024-02-08T01:00:00Z'));
    const app = createJamunApp({
      store,
      messengers: [],
      committees: [committee],
      rounds: [def],
      clock,
      logger: silentLogger,
    });
    await app.runAsOperator({ verb: 'open', roundId: def.id });
    const questions = def.agenda.flatMap((i) => i.questions);
    const start = performance.now();
    for (let i = 0; i < saves; i++) {
      const member = committee.members[i % committee.members.length]!;
      const q = questions[Math.floor(i / committee.members.length) % questions.length]!;
      const r = await app.saveDraft({ platform: 'local', userId: member.platforms.local! }, def.id, [
        { questionId: q.id, value: `의견 ${i}` },
      ]);
      if (!r.ok) throw new Error(`save ${i} failed: ${r.error.code}`);
    }
    const seconds = (performance.now() - start) / 1000;
    return {
      'saves: count': saves,
      'saves: seconds': Number(seconds.toFixed(2)),
      'saves: per second into SQLite (target > 2000)': Math.round(saves / seconds),
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same saves on the in-memory store, to show what the core itself costs. */
export async function runMemorySaveBench(saves = 10_000): Promise<Record<string, number>> {
  const committee = syntheticCommittee(100);
  const def = syntheticRound(20);
  const app = createJamunApp({
    store: createMemoryStore(),
    messengers: [],
    committees: [committee],
    rounds: [def],
    clock: new ManualClock(new Date('2024-02-08T01:00:00Z')),
    logger: silentLogger,
  });
  await app.runAsOperator({ verb: 'open', roundId: def.id });
  const start = performance.now();
  for (let i = 0; i < saves; i++) {
    await app.saveDraft({ platform: 'local', userId: `u${i % 100}` }, def.id, [
      { questionId: '1.1', value: `의견 ${i}` },
    ]);
  }
  return { 'saves: per second in memory (core only)': Math.round(saves / ((performance.now() - start) / 1000)) };
}
