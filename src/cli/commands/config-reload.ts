/**
 * `jamun config reload` and the differences `config check` shows: the files
 * compared with the rounds running in the database, under the change rules
 * of the core (`core/rounds/change-rules.ts`). Reload applies what the rules
 * allow (audited as `cli`), then tells a bot running on this machine to read
 * the files again (SIGHUP); it always prints what was applied and refused.
 */
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import type { Command } from 'commander';
import type { AppEnv } from '../../config/env.ts';
import type { LoadedConfig } from '../../config/load-config.ts';
import type { Store } from '../../core/ports/store.ts';
import { configDirOf, configuration, environment, type Output } from '../context.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';

/** Whether the database exists yet: `config check` never creates one to compare with. */
function databaseExists(databaseUrl: string): boolean {
  if (!databaseUrl.startsWith('file:')) return true;
  const file = databaseUrl.slice('file:'.length).split('?')[0] ?? '';
  return file !== '' && file !== ':memory:' && existsSync(file);
}

/**
 * What a reload would change in running rounds, as report lines after a
 * header; none when nothing differs or there is no database yet.
 */
export async function storedDifferences(output: Output, env: AppEnv, config: LoadedConfig): Promise<string[]> {
  if (!databaseExists(env.databaseUrl)) return [];
  const { openApp } = await import('../open-app.ts');
  const opened = await openApp(output, { env, config });
  if (!opened) return [];
  try {
    return await opened.app.configDifferences({ committees: config.committees, rounds: config.rounds });
  } finally {
    await opened.close();
  }
}

/** Tells the bot running on this machine to read the configuration again; one line saying what happened. */
async function signalBot(output: Output, store: Store): Promise<ExitCode> {
  const { runningBot } = await import('../bot-status.ts');
  const bot = await runningBot(store, new Date());
  if (!bot) {
    output.out('No bot is running: `jamun start` reads the configuration as it is now.');
    return EXIT.ok;
  }
  if (bot.host !== hostname()) {
    output.err(
      `The bot runs on ${bot.host} (pid ${bot.pid}): it cannot be signalled from here. Run \`jamun config reload\` there, or /jamun reload in chat; until then it works with the committees and rounds it read at start.`,
    );
    return EXIT.unavailable;
  }
  try {
    process.kill(bot.pid, 'SIGHUP');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    output.err(
      `The running bot (pid ${bot.pid}) could not be signalled (${code}): restart it, or use /jamun reload in chat.`,
    );
    return EXIT.unavailable;
  }
  output.out(`The running bot (pid ${bot.pid}) was told to read the configuration again (SIGHUP).`);
  return EXIT.ok;
}

export function configReloadCommand(config: Command, output: Output, setExit: (code: ExitCode) => void): void {
  config
    .command('reload')
    .description(
      'Apply edited committee and round files without a restart: wording changes reach running rounds, refused changes are listed with their reason, and a running bot reads the files again.',
    )
    .option('--config <dir>', 'configuration directory (default: JAMUN_CONFIG_DIR or config)')
    .action(async (opts: { config?: string }) => {
      // The same validation as `config check` and `start`: with any problem, nothing changes.
      const env = environment(output);
      const loaded = configuration(output, configDirOf(opts.config));
      if (!env || !loaded) {
        output.err('Nothing was reloaded: fix the problems above, then run `jamun config reload` again.');
        return setExit(EXIT.config);
      }
      const { openApp } = await import('../open-app.ts');
      const opened = await openApp(output, { env, config: loaded });
      if (!opened) return setExit(EXIT.config);
      try {
        const report = await opened.app.applyConfig({ committees: loaded.committees, rounds: loaded.rounds }, 'cli');
        output.out(report);
        setExit(await signalBot(output, opened.app.store));
      } finally {
        await opened.close();
      }
    });
}
