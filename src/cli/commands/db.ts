import type { Command } from 'commander';
import { CliFailure, EXIT, type ExitCode } from '../exit-codes.ts';
import { environment, type Output } from '../context.ts';

export function dbCommand(program: Command, output: Output, setExit: (code: ExitCode) => void): void {
  const db = program
    .command('db')
    .description('Database tools (SQLite or PostgreSQL through Prisma; no native engine download needed).');
  db.command('migrate')
    .description(
      'Apply the migrations in prisma/migrations (PostgreSQL: prisma/postgres/migrations) to DATABASE_URL (as `prisma migrate deploy` would).',
    )
    .action(async () => {
      const env = environment(output);
      if (!env) return setExit(EXIT.config);
      // Loaded on demand: the WebAssembly engine is heavy and only this command needs it.
      const { databaseProblem } = await import('../../adapters/prisma/database-check.ts');
      const problem = databaseProblem(env.databaseUrl);
      if (problem) throw new CliFailure(EXIT.io, problem);
      const { migrateDatabase } = await import('../../adapters/prisma/migrate.ts');
      const { applied } = await migrateDatabase(env.databaseUrl).catch((error: unknown) => {
        const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
        throw new CliFailure(
          EXIT.io,
          `DATABASE_URL (${env.databaseUrl}): the migrations could not be applied: ${reason}.`,
        );
      });
      output.out(
        applied.length === 0
          ? 'Database is up to date.'
          : `Applied ${applied.length} migration(s):\n${applied.map((m) => `  ${m}`).join('\n')}`,
      );
    });
  db.command('backup')
    .description(
      'Copy the SQLite database to FILE while the bot may run (SQLite online backup); for PostgreSQL, says how to use pg_dump.',
    )
    .argument('<file>', 'the backup file to write (must not exist)')
    .action(async (file: string) => {
      const env = environment(output);
      if (!env) return setExit(EXIT.config);
      const { backupDatabase } = await import('../../adapters/prisma/backup.ts');
      const result = await backupDatabase(env.databaseUrl, file).catch((error: unknown) => {
        throw new CliFailure(
          EXIT.io,
          `The backup to ${file} failed: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}.`,
        );
      });
      if (!result.ok) {
        output.err(result.message);
        return setExit(result.reason === 'postgres' ? EXIT.refused : EXIT.io);
      }
      output.out(`Backed up ${env.databaseUrl} to ${file} (${result.pages} pages).`);
    });
  db.command('retention')
    .description(
      'Delete the answers of rounds whose report has been final for JAMUN_RETENTION_MONTHS months (audited); the bot also does this daily.',
    )
    .action(async () => {
      const env = environment(output);
      if (!env) return setExit(EXIT.config);
      if (env.retentionMonths === null) {
        output.out('JAMUN_RETENTION_MONTHS is not set: answers are kept, nothing is deleted.');
        return;
      }
      const months = env.retentionMonths;
      const { openApp } = await import('../open-app.ts');
      const opened = await openApp(output, { env });
      if (!opened) return setExit(EXIT.config);
      try {
        const { applyRetention } = await import('../../core/app/retention.ts');
        const outcomes = await applyRetention(opened.app.store, new Date(), months, 'cli', opened.logger);
        output.out(
          outcomes.length === 0
            ? `No round's report has been final for ${months} months with answers left: nothing deleted.`
            : outcomes
                .map((o) => `${o.roundId}: ${o.answers} answers and ${o.revisions} revisions deleted (audited).`)
                .join('\n'),
        );
      } finally {
        await opened.close();
      }
    });
  db.command('new-migration')
    .description(
      'Write a new migration folder with the SQL that brings the migrations up to prisma/schema.prisma; with --postgres-url also regenerate prisma/postgres/schema.prisma and write its migration.',
    )
    .argument('<name>', 'short name, e.g. add_member_email')
    .option(
      '--postgres-url <url>',
      'a PostgreSQL server the schema engine may connect to (nothing in it changes); scripts/test-postgres.sh starts one',
    )
    .action(async (name: string, options: { postgresUrl?: string }) => {
      if (!/^[a-z0-9_]+$/.test(name)) {
        output.err('The name may contain only lowercase letters, digits and _.');
        return setExit(EXIT.usage);
      }
      const { createMigration, createPostgresMigration } = await import('../../adapters/prisma/migrate.ts');
      const result = await createMigration(name);
      output.out(
        'upToDate' in result ? 'The migrations already match schema.prisma; nothing to write.' : `Wrote ${result.path}`,
      );
      if (options.postgresUrl === undefined) {
        output.out(
          `PostgreSQL's schema and migration are not written without --postgres-url: run scripts/test-postgres.sh sh -c 'npm run jamun -- db new-migration NAME --postgres-url "$JAMUN_TEST_POSTGRES_URL"'.`,
        );
        return;
      }
      const postgres = await createPostgresMigration(name, options.postgresUrl);
      output.out(
        'upToDate' in postgres
          ? 'The PostgreSQL migrations already match schema.prisma; nothing to write.'
          : `Wrote ${postgres.path}`,
      );
    });
}
