import type { Command } from 'commander';
import { configuration, environment, type Output } from '../context.ts';

export function configCheckCommand(program: Command, output: Output, setExit: (code: number) => void): void {
  const config = program.command('config').description('Configuration tools.');
  config
    .command('check')
    .description('Validate config/ and the environment; print every problem as file: path: message.')
    .option('--config <dir>', 'configuration directory (default: JAMUN_CONFIG_DIR or config)')
    .action((opts: { config?: string }) => {
      const env = environment(output);
      const loaded = configuration(output, opts.config ?? env?.configDir ?? 'config');
      if (!env || !loaded) return setExit(1);
      const members = loaded.committees.reduce((n, c) => n + c.members.length, 0);
      output.out(
        `OK: ${loaded.committees.length} committee(s), ${members} member(s), ${loaded.rounds.length} round(s).`,
      );
      output.out(
        `Messengers: ${[env.slack ? `slack (${env.slack.mode})` : '', env.discord ? 'discord' : ''].filter(Boolean).join(', ') || 'none configured'}`,
      );
    });
}
