import type { Command } from 'commander';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { environment, type Output } from '../context.ts';

export function discordCommand(program: Command, output: Output, setExit: (code: ExitCode) => void): void {
  const discord = program.command('discord').description('Discord set-up tools.');
  discord
    .command('register')
    .description(
      'Register the /jamun slash command with Discord (in one server with --guild or DISCORD_GUILD_ID, else globally).',
    )
    .option('--guild <id>', 'server (guild) id; guild commands appear at once, global ones can take up to an hour')
    .action(async (opts: { guild?: string }) => {
      const env = environment(output);
      if (!env) return setExit(EXIT.config);
      if (!env.discord) {
        output.err('Set DISCORD_TOKEN and DISCORD_APPLICATION_ID first (see README, "Discord").');
        return setExit(EXIT.config);
      }
      const { registerDiscordCommands } = await import('../../adapters/discord/index.ts');
      const guildId = opts.guild ?? env.discord.guildId;
      const count = await registerDiscordCommands(
        { token: env.discord.token, applicationId: env.discord.applicationId, apiUrl: env.discord.apiUrl },
        guildId ? { guildId } : {},
      );
      output.out(
        `Registered ${count} command(s) ${guildId ? `in server ${guildId}` : 'globally (may take up to an hour to appear)'}.`,
      );
    });
}
