/**
 * Builds the application for CLI commands that touch the database: the
 * environment, the configuration and the SQLite store, parsed and opened once.
 */
import { createPinoLogger } from '../adapters/logging/pino-logger.ts';
import { createPrismaStore } from '../adapters/prisma/prisma-store.ts';
import type { AppEnv } from '../config/env.ts';
import type { LoadedConfig } from '../config/load-config.ts';
import { createJamunApp, type JamunApp } from '../core/app/create-app.ts';
import { createHolidaySource } from '../core/calendar/index.ts';
import { systemClock } from '../core/ports/clock.ts';
import type { Logger } from '../core/ports/logger.ts';
import type { Messenger } from '../core/ports/messenger.ts';
import { configuration, environment, type Output } from './context.ts';

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
  options: { env?: AppEnv; configDir?: string; messengers?: Messenger[]; onWorkDue?: () => void; logger?: Logger } = {},
): Promise<OpenedApp | null> {
  const env = options.env ?? environment(output);
  if (!env) return null;
  const config = configuration(output, options.configDir ?? env.configDir);
  if (!config) return null;
  const logger = options.logger ?? createPinoLogger(env.logLevel);
  const store = await createPrismaStore(env.databaseUrl);
  const app = createJamunApp({
    store,
    messengers: options.messengers ?? [],
    committees: config.committees,
    rounds: config.rounds,
    holidays: createHolidaySource(config.holidays),
    clock: systemClock,
    logger,
    ...(options.onWorkDue ? { onWorkDue: options.onWorkDue } : {}),
  });
  return { env, config, app, logger, close: () => store.close() };
}
