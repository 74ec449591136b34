import { hostname } from 'node:os';
import path from 'node:path';
import type { ConfigSource } from '../../core/ports/config-source.ts';
import type { JamunApp } from '../../core/app/create-app.ts';
import type { PlatformAdapter } from '../platform-adapters.ts';
import { platformName, reachMessengers } from '../messenger-reachability.ts';
import type { Command } from 'commander';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import type { Output } from '../context.ts';
import { configDirOf, configuration, environment } from '../context.ts';

const HOW_TO_CONFIGURE = `No messenger is configured, so there is nothing to run.
Set the variables of at least one platform (see README, "Running it for real"):
  Slack (Socket Mode):  SLACK_BOT_TOKEN=xoxb-…  SLACK_APP_TOKEN=xapp-…
  Slack (HTTP):         SLACK_MODE=http  SLACK_BOT_TOKEN=xoxb-…  SLACK_SIGNING_SECRET=…  SLACK_PORT=3000
  Discord:              DISCORD_TOKEN=…  DISCORD_APPLICATION_ID=…  (DISCORD_GUILD_ID=… for one server)
To see jamun work without any credentials: npm run demo`;

/** How the running bot reads `dir` again: validated as at start, problems as `file: path: message`. */
async function rereadConfiguration(dir: string): Promise<ConfigSource> {
  const { loadConfig } = await import('../../config/load-config.ts');
  const { formatConfigError } = await import('../../config/config-error.ts');
  return async () => {
    const loaded = loadConfig(path.resolve(dir), { displayBase: process.cwd() });
    if (!loaded.ok) return { ok: false, problems: loaded.error.map(formatConfigError) };
    return { ok: true, value: { committees: loaded.value.committees, rounds: loaded.value.rounds } };
  };
}

const NONE_REACHABLE =
  'No messenger could be reached, so jamun does not run. Check the network (and SLACK_API_URL / DISCORD_API_URL if set), then start again.';

/**
 * Attaches every adapter to the app and starts it; one that fails to start (a refused token, the gateway gone) is one
 * line on stderr and counts as down. Returns the adapters running.
 */
async function startAdapters(
  adapters: readonly PlatformAdapter[],
  app: JamunApp,
  output: Output,
): Promise<PlatformAdapter[]> {
  const started: PlatformAdapter[] = [];
  for (const adapter of adapters) {
    adapter.attach(app);
    try {
      await adapter.start();
      started.push(adapter);
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      output.err(`${platformName(adapter.messenger.platform)} could not start: ${reason}.`);
      await adapter.stop().catch(() => undefined);
    }
  }
  return started;
}

export function startCommand(program: Command, output: Output, setExit: (code: ExitCode) => void): void {
  program
    .command('start')
    .description('Run the bot: the messengers configured in the environment and the scheduler.')
    .option('--config <dir>', 'configuration directory (default: JAMUN_CONFIG_DIR or config)')
    .action(async (opts: { config?: string }) => {
      // The environment and the configuration are checked together: every problem of both at once.
      const env = environment(output);
      const config = configuration(output, configDirOf(opts.config));
      if (!env || !config) return setExit(EXIT.config);
      if (!env.slack && !env.discord) {
        output.err(HOW_TO_CONFIGURE);
        return setExit(EXIT.config);
      }
      // Each messenger is tried (bounded, with back-off) before anything is built: one line per failure.
      const reached = await reachMessengers(
        [
          ...(env.slack ? [{ platform: 'slack' as const, url: env.slack.apiUrl }] : []),
          ...(env.discord ? [{ platform: 'discord' as const, url: env.discord.apiUrl }] : []),
        ],
        output,
      );
      if (reached.up.length === 0) {
        output.err(NONE_REACHABLE);
        return setExit(EXIT.unavailable);
      }
      // Platform libraries load only when the bot really starts.
      const { openApp } = await import('../open-app.ts');
      const { platformAdapters } = await import('../platform-adapters.ts');
      const { createJobScheduler } = await import('../../adapters/scheduler/job-scheduler.ts');
      const scheduler: { poke(): void } = { poke: () => {} };
      const { createPinoLogger } = await import('../../adapters/logging/pino-logger.ts');
      const logger = createPinoLogger(env.logLevel);
      // A platform that is down is left out: members who have another platform are reached there.
      const adapters = platformAdapters(env, logger).filter(
        (a) => !(reached.down as string[]).includes(a.messenger.platform),
      );
      const { createOperations } = await import('../operations.ts');
      const ops = await createOperations(output, logger, env.httpPort);
      const opened = await openApp(output, {
        env,
        logger,
        config,
        messengers: adapters.map((a) => ops.metrics.instrument(a.messenger)),
        onWorkDue: () => scheduler.poke(),
        configSource: await rereadConfiguration(opts.config ?? env.configDir),
      });
      if (!opened) return setExit(EXIT.config);
      const { app } = opened;
      await ops.serve(app.store);
      let stopping = false;
      const stopRequested = new Promise<void>((resolve) => {
        const stop = () => {
          stopping = true;
          resolve();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      // Several instances on one PostgreSQL: only the lease holder connects to the platforms and ticks.
      const { becomeActive } = await import('../active-lease.ts');
      const lease = await becomeActive(opened.env.databaseUrl, output, logger, () => stopping);
      if (!lease) {
        await ops.close();
        return opened.close();
      }
      ops.state.active = true;
      ops.metrics.setActive(true);
      const startedAt = new Date();
      // Filled as the adapters start: the heartbeat names the platforms really up.
      const platforms: string[] = [];
      const jobs = createJobScheduler({
        app: {
          runDueJobs: () => ops.metrics.timeTick(() => app.runDueJobs()),
          recoverInterruptedSends: () => app.recoverInterruptedSends(),
        },
        logger,
        cronExpression: opened.env.tickCron,
        heartbeat: (stopped) => {
          ops.metrics.schedulerAlive(new Date());
          return app.store.saveHeartbeat({
            id: 'bot',
            pid: process.pid,
            host: hostname(),
            platforms,
            startedAt,
            beatAt: new Date(),
            ...(stopped ? { stoppedAt: new Date() } : {}),
          });
        },
      });
      scheduler.poke = () => jobs.poke();
      const removed = await app.reconcileMembership();
      if (removed > 0) logger.warn({ removed }, 'members no longer in the configuration were taken out of open rounds');
      const started = await startAdapters(adapters, app, output);
      platforms.push(...started.map((a) => a.messenger.platform));
      if (started.length === 0) {
        output.err(NONE_REACHABLE);
        await lease.release();
        await ops.close();
        await opened.close();
        return setExit(EXIT.unavailable);
      }
      ops.state.messengersConnected = true;
      await jobs.start();
      output.out(`jamun is running (${platforms.join(', ')}). Stop with Ctrl+C.`);
      const down = [
        ...reached.down,
        ...adapters.filter((a) => !started.includes(a)).map((a) => a.messenger.platform),
      ].map(platformName);
      if (down.length > 0)
        output.err(
          `${down.join(' and ')} ${down.length > 1 ? 'are' : 'is'} down: jamun runs without it. Members who have another platform are reached there; the others get nothing until jamun restarts with it reachable (status lists them).`,
        );
      // SIGHUP (`jamun config reload`) reads the configuration again; the report goes to the console.
      const reload = () => {
        app
          .reloadConfig('system:sighup')
          .then((r) => {
            for (const line of r.text.split('\n')) (r.ok ? output.out : output.err)(line);
          })
          .catch((error: unknown) => logger.error({ error: String(error) }, 'reloading the configuration failed'));
      };
      process.on('SIGHUP', reload);
      // Retention (JAMUN_RETENTION_MONTHS): at start and once a day, by the active instance.
      const retention = opened.env.retentionMonths;
      const { applyRetention } = await import('../../core/app/retention.ts');
      const prune = () =>
        retention === null
          ? undefined
          : void applyRetention(app.store, new Date(), retention, 'system', logger).catch((error: unknown) =>
              logger.error({ err: String(error) }, 'retention failed; tried again tomorrow'),
            );
      prune();
      const daily = setInterval(prune, 24 * 60 * 60_000);
      await stopRequested;
      clearInterval(daily);
      process.off('SIGHUP', reload);
      output.out('Stopping: finishing the current work…');
      await jobs.stop();
      ops.state.messengersConnected = false;
      for (const adapter of started) await adapter.stop();
      await lease.release();
      await ops.close();
      await opened.close();
    });
}
