/**
 * Prisma CLI configuration for the PostgreSQL schema (generated from
 * ../schema.prisma; see src/adapters/prisma/postgres-schema.ts). Only
 * `prisma generate` uses it; the application migrates through
 * src/adapters/prisma/migrate.ts with the URL from its own environment.
 */
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  datasource: { url: 'postgres://localhost/jamun' },
});
