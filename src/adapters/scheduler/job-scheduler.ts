/**
 * Drives the durable job queue. node-cron only ticks; what is due lives in
 * the store, so nothing depends on in-memory timers and a restart loses
 * nothing. Runs never overlap within a process, and the store's atomic
 * claims keep two processes from running the same job.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../../core/ports/logger.ts';

/** What the scheduler needs from the application. */
interface SchedulableApp {
  runDueJobs(): Promise<number>;
  recoverInterruptedSends(): Promise<number>;
}

export interface SchedulerOptions {
  app: SchedulableApp;
  logger: Logger;
  /** Cron expression of the tick (default every minute). */
  cronExpression: string;
  /**
   * Writes the heartbeat row (`stopped` on a clean stop): called at start,
   * every `heartbeatMs` (default 30 s) whatever the tick, and at stop.
   */
  heartbeat?: (stopped: boolean) => Promise<void>;
  heartbeatMs?: number;
}

export interface JobScheduler {
  /**
   * Marks sends cut by a previous stop uncertain, starts the ticks and the
   * heartbeat, and begins catching up on work due while the bot was down;
   * resolves without waiting for that catch-up (see `idle`).
   */
  start(): Promise<void>;
  /** Runs due work soon, without waiting for the next tick. */
  poke(): void;
  stop(): Promise<void>;
  /** Resolves when the current run (if any) has finished. */
  idle(): Promise<void>;
}

/** node-cron's own messages (a tick missed while the event loop was held, …) through the bot's logger. */
function cronLogger(logger: Logger): Parameters<typeof cron.setLogger>[0] {
  const context = (error?: Error | string): Record<string, unknown> =>
    error === undefined ? { source: 'node-cron' } : { source: 'node-cron', err: String(error) };
  const text = (message: string | Error): string => (message instanceof Error ? message.message : message);
  return {
    debug: (message, error) => logger.debug(context(error), text(message)),
    info: (message) => logger.info(context(), message),
    warn: (message) => logger.warn(context(), message),
    error: (message, error) => logger.error(context(error), text(message)),
  };
}

export function createJobScheduler(options: SchedulerOptions): JobScheduler {
  const { app, logger } = options;
  let task: ScheduledTask | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  let beating: ReturnType<typeof setInterval> | undefined;

  const beat = async (isStopping: boolean): Promise<void> => {
    try {
      await options.heartbeat?.(isStopping);
    } catch (error) {
      logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'heartbeat not written');
    }
  };

  const runOnce = async (): Promise<void> => {
    try {
      const ran = await app.runDueJobs();
      if (ran > 0) logger.info({ jobs: ran }, 'ran due jobs');
    } catch (error) {
      logger.error(
        { err: error instanceof Error ? error.message : String(error) },
        'job run failed; retrying on the next tick',
      );
    }
  };

  const run = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running !== undefined) {
      // A poke during a run: run once more after it, never in parallel.
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await runOnce();
        } while (again && !stopped);
      } finally {
        // Cleared in the same step the loop ends in: a `.finally()` callback would run a
        // microtask later, and a poke in between would set `again` on a run already over (lost).
        running = undefined;
      }
    })();
    return running;
  };

  return {
    async start() {
      if (!cron.validate(options.cronExpression)) throw new Error(`Invalid cron expression: ${options.cronExpression}`);
      const uncertain = await app.recoverInterruptedSends();
      if (uncertain > 0) logger.warn({ uncertain }, 'sends interrupted by a previous stop were marked uncertain');
      // The tick only asks for a run and returns: run() already keeps runs from overlapping (a tick
      // during a run asks for one more after it). Returning the run's promise made node-cron print
      // "task still running" to stderr at every tick of a long fan-out, past the bot's logger.
      task = cron.schedule(
        options.cronExpression,
        () => {
          void run();
        },
        { name: 'jamun-jobs', logger: cronLogger(logger) },
      );
      if (options.heartbeat) {
        await beat(false);
        beating = setInterval(() => void beat(false), options.heartbeatMs ?? 30_000);
        beating.unref();
      }
      // Not awaited: catching up on a large fan-out takes minutes, and meanwhile the bot must
      // beat, tick and say it runs, and a SIGTERM must find its handler (stop() awaits this run).
      void run();
    },
    poke() {
      void run();
    },
    async stop() {
      stopped = true;
      if (beating) clearInterval(beating);
      await task?.stop();
      await task?.destroy();
      await running;
      if (options.heartbeat) await beat(true);
    },
    async idle() {
      await running;
    },
  };
}
