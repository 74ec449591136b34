/**
 * Prisma CLI configuration. It lives beside the schema (not at the repo root),
 * so every Prisma CLI call passes `--config prisma/prisma.config.ts`. Paths are
 * resolved relative to this file. The application never reads this file: it
 * gets its database URL from its own config and migrates through
 * `src/adapters/prisma/migrate.ts`.
 */
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  datasource: { url: 'file:../data/jamun.db' },
});
