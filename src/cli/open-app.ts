/**
 * Builds the application for CLI commands that touch the database: the
 * environment, the configuration and the SQLite store, parsed and opened once.
 */
import { createPinoLogger } from '../adapters/logging/pino-logger.ts';
import { processClaimants } from '../adapters/process/process-claimants.ts';
import { createPrismaStore } from '../adapters/prisma/prisma-store.ts';
import type { AppEnv } from '../config/env.ts';
import type { LoadedConfig } from '../config/load-config.ts';
import { createJamunApp, type JamunApp } from '../core/app/create-app.ts';
import { createHolidaySource } from '../core/calendar/index.ts';
import { systemClock } from '../core/ports/clock.ts';
import type { Logger } from '../core/ports/logger.ts';
import type { Messenger } from '../core/ports/messenger.ts';
import { configuration, environment, type Output } from './context.ts';
import { CliFailure, EXIT } from './exit-codes.ts';
import { databaseProblem } from '../adapters/prisma/database-check.ts';
import type { Store } from '../core/ports/store.ts';
import type { ConfigSource } from '../core/ports/config-source.ts';
import { roundCodec } from '../config/round-codec.ts';

/**
 * Opens the store, or ends the command with one line naming DATABASE_URL and
 * the file (exit 5): checked first, so nothing is created where it should not be.
 */
async function openStore(databaseUrl: string, logger: Logger): Promise<Store> {
  const problem = databaseProblem(databaseUrl);
  if (problem) throw new CliFailure(EXIT.io, problem);
  try {
    return await createPrismaStore(databaseUrl, logger);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new CliFailure(
      EXIT.io,
      `DATABASE_URL (${databaseUrl}): the database could not be opened or migrated: ${reason}. Check the file and its folder, or point DATABASE_URL at a new file.`,
    );
  }
}

export interface OpenedApp {
  env: AppEnv;
  config: LoadedConfig;
  app: JamunApp;
  logger: Logger;
  close(): Promise<void>;
}

/** Null after printing what is wrong (environment or configuration). */
export async function openApp(
  output: Output,
  options: {
    env?: AppEnv;
    configDir?: string;
    /** Already loaded (and its warnings printed) by the caller. */
    config?: LoadedConfig;
    messengers?: Messenger[];
    onWorkDue?: () => void;
    logger?: Logger;
    /** How the running bot reads the configuration again (SIGHUP, /jamun reload). */
    configSource?: ConfigSource;
  } = {},
): Promise<OpenedApp | null> {
  const env = options.env ?? environment(output);
  if (!env) return null;
  const config = options.config ?? configuration(output, options.configDir ?? env.configDir);
  if (!config) return null;
  const logger = options.logger ?? createPinoLogger(env.logLevel);
  const store = await openStore(env.databaseUrl, logger);
  const app = createJamunApp({
    store,
    messengers: options.messengers ?? [],
    committees: config.committees,
    rounds: config.rounds,
    holidays: createHolidaySource(config.holidays),
    clock: env.clockOffsetMs === 0 ? systemClock : { now: () => new Date(Date.now() + env.clockOffsetMs) },
    logger,
    // Claims record this process, so the next start (or another process here) sees a crash at once.
    claimants: processClaimants(),
    ...(options.onWorkDue ? { onWorkDue: options.onWorkDue } : {}),
    ...(options.configSource ? { configSource: options.configSource } : {}),
    // The document libraries load on the first `/jamun report`, not at start.
    roundCodec,
    renderReport: async (report, format, name) =>
      (await import('../adapters/report/render-report.ts')).renderReportFile(report, format, name),
  });
  return { env, config, app, logger, close: () => store.close() };
}
