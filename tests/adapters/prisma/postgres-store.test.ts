/**
 * The store contract on a real PostgreSQL, and claims by two instances at
 * once. Runs when JAMUN_TEST_POSTGRES_URL names a server
 * (scripts/test-postgres.sh starts one); required in CI.
 */
import { expect, it } from 'vitest';
import { createPrismaStore } from '../../../src/adapters/prisma/prisma-store.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import { runStoreContract } from '../../core/store-contract.ts';
import { describeWithPostgres, freshPostgresDatabase } from './postgres-test-db.ts';

describeWithPostgres('PostgreSQL store', (url) => {
  runStoreContract('prisma (PostgreSQL)', async () => createPrismaStore(await freshPostgresDatabase(url)));

  it('GIVEN two instances draining 300 due jobs at once THEN every job is claimed by exactly one of them', async () => {
    const database = await freshPostgresDatabase(url);
    const instances = [await createPrismaStore(database), await createPrismaStore(database)];
    const due = new Date('2024-02-08T00:00:00Z');
    await instances[0]?.enqueueJobs(
      Array.from({ length: 300 }, (_, i) => ({
        key: `invite:${i}`,
        kind: 'invite' as const,
        roundId: 'r1',
        dueAt: due,
      })),
    );
    const drain = async (store: Store, self: string): Promise<string[]> => {
      const taken: string[] = [];
      for (;;) {
        const claimed = await store.claimDueJobs(due, 7, 600_000, self);
        if (claimed.length === 0) return taken;
        taken.push(...claimed.map((job) => job.key));
      }
    };
    const [a, b] = await Promise.all(instances.map((store, i) => drain(store, `instance-${i}`)));
    const all = [...(a ?? []), ...(b ?? [])];
    expect(all).toHaveLength(300);
    expect(new Set(all).size).toBe(300);
    expect(a?.length).toBeGreaterThan(0);
    expect(b?.length).toBeGreaterThan(0);
    for (const store of instances) await store.close();
  });
});
