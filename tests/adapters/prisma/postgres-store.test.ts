/**
 * The store contract on a real PostgreSQL. It runs when JAMUN_TEST_POSTGRES_URL
 * names a database (scripts/test-postgres.sh starts one and sets it); in CI
 * (CI set) a missing URL fails instead of skipping, so the half cannot pass silently.
 */
import { createPrismaStore } from '../../../src/adapters/prisma/prisma-store.ts';
import { runStoreContract } from '../../core/store-contract.ts';
import { describeWithPostgres, freshPostgresDatabase } from './postgres-test-db.ts';

describeWithPostgres('PostgreSQL store', (url) => {
  runStoreContract('prisma (PostgreSQL)', async () => createPrismaStore(await freshPostgresDatabase(url)));
});
