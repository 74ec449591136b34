/**
 * A process for the concurrent-migration test: migrates the database at the
 * URL given and prints the migrations it applied as JSON.
 */
import { migrateDatabase } from '../../../src/adapters/prisma/migrate.ts';

const [url] = process.argv.slice(2);
if (!url) throw new Error('usage: migrate-worker <url>');
process.stdout.write(JSON.stringify(await migrateDatabase(url)));
