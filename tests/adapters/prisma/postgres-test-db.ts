/**
 * Databases for the PostgreSQL half of the tests: each test gets a new
 * database, copied from a migrated template (CREATE DATABASE … TEMPLATE is
 * far faster than migrating each one).
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../../src/adapters/prisma/migrate.ts';

/** The server the PostgreSQL half runs against, or null when none is given. */
export function postgresTestUrl(): string | null {
  const url = process.env.JAMUN_TEST_POSTGRES_URL?.trim();
  return url ? url : null;
}

/**
 * Declares the PostgreSQL tests of a file: with a server, `body` gets its
 * URL; without one, a single test says they did not run here, and fails in
 * CI (CI set), so the PostgreSQL half never passes silently where it must run.
 */
export function describeWithPostgres(name: string, body: (url: string) => void): void {
  const url = postgresTestUrl();
  if (url !== null) {
    describe(name, () => body(url));
    return;
  }
  describe(name, () => {
    it('is not run here: no JAMUN_TEST_POSTGRES_URL (scripts/test-postgres.sh provides one)', () => {
      expect(process.env.CI, 'CI must run the PostgreSQL half: run the tests through scripts/test-postgres.sh').toBe(
        undefined,
      );
    });
  });
}

let template: Promise<string> | undefined;
let counter = 0;

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function migratedTemplate(url: string): Promise<string> {
  const name = `jamun_template_${process.pid}`;
  await admin(url, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${name}`);
    await client.query(`CREATE DATABASE ${name}`);
  });
  await migrateDatabase(withDatabase(url, name));
  return name;
}

/** A new, migrated, empty database on the server of `url`; its URL. */
export async function freshPostgresDatabase(url: string): Promise<string> {
  template ??= migratedTemplate(url);
  const from = await template;
  counter += 1;
  const name = `jamun_t_${process.pid}_${counter}`;
  await admin(url, (client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${from}`));
  return withDatabase(url, name);
}

/** A new database with nothing in it (not even migrations); its URL. */
export async function emptyPostgresDatabase(url: string, label: string): Promise<string> {
  counter += 1;
  const name = `jamun_${label}_${process.pid}_${counter}`;
  await admin(url, (client) => client.query(`CREATE DATABASE ${name}`));
  return withDatabase(url, name);
}
