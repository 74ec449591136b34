import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaStore } from '../../../src/adapters/prisma/prisma-store.ts';
import { runStoreContract, sampleCommittee, sampleRound } from '../../core/store-contract.ts';

const folder = mkdtempSync(join(tmpdir(), 'jamun-store-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let counter = 0;
const freshFile = (): string => join(folder, `store-${(counter += 1)}.db`);

runStoreContract('prisma (in memory)', () => createPrismaStore('file::memory:'));

describe('PrismaStore on a file', () => {
  it('GIVEN a member dropped from config WHEN the committee syncs THEN the row stays, inactive', async () => {
    const file = freshFile();
    const store = await createPrismaStore(`file:${file}`);
    await store.syncCommittee(sampleCommittee(['m1', 'm2']));
    await store.syncCommittee(sampleCommittee(['m1']));
    await store.close();
    const db = new Database(file, { readonly: true });
    const rows = db.prepare('SELECT id, active FROM Member ORDER BY id').all();
    db.close();
    expect(rows).toEqual([
      { id: 'm1', active: 1 },
      { id: 'm2', active: 0 },
    ]);
  });

  it('GIVEN a database file in a missing folder WHEN opened twice THEN data survives reopening, in WAL mode', async () => {
    const file = join(folder, 'nested', 'deeper', 'jamun.db');
    const first = await createPrismaStore(`file:${file}`);
    await first.createRound(sampleRound());
    await first.close();
    const second = await createPrismaStore(`file:${file}`);
    expect((await second.getRound('r1'))?.agenda.map((item) => item.questions.length)).toEqual([2, 1]);
    await second.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('GIVEN an opening that fails part-way (a second invitation of one member) THEN nothing of it is stored: no round, no invitation, no job', async () => {
    const store = await createPrismaStore('file::memory:');
    await store.syncCommittee(sampleCommittee(['m1']));
    const invitation = { roundId: 'r1', memberId: 'm1', deliveryState: 'pending' as const, late: false };
    const job = { key: 'invite:r1:m1', kind: 'invite' as const, roundId: 'r1', memberId: 'm1', dueAt: new Date() };
    await expect(store.openRound(sampleRound(), [invitation, invitation], [job])).resolves.toBe(false);
    expect(await store.getRound('r1')).toBeNull();
    expect(await store.listInvitations('r1')).toEqual([]);
    expect(await store.listJobs('r1')).toEqual([]);
    await store.close();
  });

  it('GIVEN two stores on one file WHEN both race to claim the same jobs THEN no job is handed out twice', async () => {
    const url = `file:${freshFile()}`;
    const a = await createPrismaStore(url);
    const b = await createPrismaStore(url);
    const due = new Date('2024-02-08T00:00:00Z');
    const jobs = Array.from({ length: 60 }, (_, i) => ({
      key: `job-${i}`,
      kind: 'remind' as const,
      roundId: 'r1',
      dueAt: due,
    }));
    await a.enqueueJobs(jobs);
    const claims = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).claimDueJobs(due, 4, 60_000)),
    );
    const keys = claims.flat().map((job) => job.key);
    expect(keys).toHaveLength(60);
    expect(new Set(keys).size).toBe(60);
    await a.close();
    await b.close();
  });

  it('GIVEN two stores on one file WHEN both claim the same outbox keys THEN each key has exactly one owner', async () => {
    const url = `file:${freshFile()}`;
    const a = await createPrismaStore(url);
    const b = await createPrismaStore(url);
    const at = new Date('2024-02-08T00:00:00Z');
    const attempts = Array.from({ length: 40 }, (_, i) => ({
      store: i % 2 === 0 ? a : b,
      key: `send-${Math.floor(i / 2)}`,
    }));
    const results = await Promise.all(attempts.map(({ store, key }) => store.claimOutbox(key, 'discord', at)));
    const owners = attempts.filter((_, i) => results[i] === null).map(({ key }) => key);
    expect(owners.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `send-${i}`).sort());
    await a.close();
    await b.close();
  });
});

describe('PrismaStore across processes', () => {
  const worker = fileURLToPath(new URL('./claim-worker.ts', import.meta.url));
  const runWorker = async (url: string, due: Date, self: number): Promise<{ jobs: string[]; outbox: string[] }> => {
    const args = ['--import', 'tsx', worker, url, due.toISOString(), '200', String(self)];
    const { stdout } = await promisify(execFile)(process.execPath, args);
    return JSON.parse(stdout) as { jobs: string[]; outbox: string[] };
  };

  it('GIVEN two processes on one file WHEN both drain the jobs and outbox THEN every item goes to exactly one of them', async () => {
    const url = `file:${freshFile()}`;
    const due = new Date('2024-02-08T00:00:00Z');
    const seed = await createPrismaStore(url);
    await seed.enqueueJobs(
      Array.from({ length: 500 }, (_, i) => ({ key: `job-${i}`, kind: 'remind' as const, roundId: 'r1', dueAt: due })),
    );
    await seed.close();
    const [first, second] = await Promise.all([runWorker(url, due, 0), runWorker(url, due, 1)]);
    const jobs = [...first!.jobs, ...second!.jobs];
    expect(jobs).toHaveLength(500);
    expect(new Set(jobs).size).toBe(500);
    const owners = [...first!.outbox, ...second!.outbox];
    expect(owners).toHaveLength(200);
    expect(new Set(owners).size).toBe(200);
    // Two child processes each load tsx and Prisma: on a loaded shared machine that alone can take 20 s.
  }, 90_000);
});
