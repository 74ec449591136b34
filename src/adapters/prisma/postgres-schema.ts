/**
 * PostgreSQL's schema is not written by hand: it is schema.prisma (SQLite)
 * with the PostgreSQL datasource and its own client output. Generating it
 * keeps the two stores' tables in step whoever edits schema.prisma; a test
 * fails when prisma/postgres/schema.prisma lags behind.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_PATHS, type PrismaPaths } from './migration-files.ts';

const PRISMA_DIR = join(REPO_PATHS.schemaPath, '..');
/** prisma/postgres/schema.prisma and prisma/postgres/migrations. */
export const POSTGRES_PATHS: PrismaPaths = {
  schemaPath: join(PRISMA_DIR, 'postgres', 'schema.prisma'),
  migrationsDir: join(PRISMA_DIR, 'postgres', 'migrations'),
};

const HEADER = `// GENERATED from prisma/schema.prisma by \`npm run jamun -- db new-migration <name>\`
// (src/adapters/prisma/postgres-schema.ts): do not edit; edit schema.prisma instead.
// The same tables on PostgreSQL, through @prisma/adapter-pg.
`;

/** The PostgreSQL schema text for a SQLite schema.prisma text. */
function postgresSchemaFrom(sqliteSchema: string): string {
  const body = sqliteSchema
    .replace(/^(\/\/[^\n]*\n)+\s*/, '')
    .replace(/(datasource db \{\s*provider\s*=\s*)"sqlite"/, '$1"postgresql"')
    .replace(/(output\s*=\s*)"\.\.\/src\/generated\/prisma"/, '$1"../../src/generated/prisma-postgres"');
  if (!body.includes('"postgresql"') || !body.includes('prisma-postgres'))
    throw new Error('schema.prisma no longer has the sqlite datasource or the client output this generator rewrites.');
  return `${HEADER}\n${body}`;
}

/** The PostgreSQL schema as schema.prisma says it should be now. */
export function expectedPostgresSchema(paths: PrismaPaths = REPO_PATHS): string {
  return postgresSchemaFrom(readFileSync(paths.schemaPath, 'utf8'));
}

/** Writes prisma/postgres/schema.prisma from schema.prisma. */
export function writePostgresSchema(
  sqlitePaths: PrismaPaths = REPO_PATHS,
  postgresPaths: PrismaPaths = POSTGRES_PATHS,
): void {
  writeFileSync(postgresPaths.schemaPath, expectedPostgresSchema(sqlitePaths), 'utf8');
}
