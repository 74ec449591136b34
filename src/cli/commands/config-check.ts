import type { Command } from 'commander';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import type { LoadedConfig } from '../../config/load-config.ts';
import { calendarNotice } from '../../core/app/calendar-notice.ts';
import { createBusinessCalendar, createHolidaySource } from '../../core/calendar/index.ts';
import { configDirOf, configuration, environment, type Output } from '../context.ts';
import { configReloadCommand, storedDifferences } from './config-reload.ts';

/** Warnings for round windows that touch a year without an official holiday list. */
function holidayWarnings(loaded: LoadedConfig): string[] {
  const source = createHolidaySource(loaded.holidays);
  const lines: string[] = [];
  for (const round of loaded.rounds) {
    const committee = loaded.committees.find((c) => c.id === round.committeeId);
    if (!committee) continue;
    const calendar = createBusinessCalendar(committee.calendar, source);
    const from = round.window.opens.slice(0, 10);
    const to = round.window.closes.slice(0, 10);
    for (const locale of ['ko', 'en'] as const) {
      for (const line of calendarNotice(calendar, from, to, locale)) lines.push(`warning: round ${round.id}: ${line}`);
    }
  }
  return lines;
}

/** `1 committee`, `7 members`: the operator reads counts, not `(s)`. */
function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export function configCheckCommand(program: Command, output: Output, setExit: (code: ExitCode) => void): void {
  const config = program.command('config').description('Configuration tools.');
  config
    .command('check')
    .description('Validate config/ and the environment; print every problem as file: path: message.')
    .option('--config <dir>', 'configuration directory (default: JAMUN_CONFIG_DIR or config)')
    .action(async (opts: { config?: string }) => {
      const env = environment(output);
      const loaded = configuration(output, configDirOf(opts.config));
      if (!env || !loaded) return setExit(EXIT.config);
      const members = loaded.committees.reduce((n, c) => n + c.members.length, 0);
      for (const line of holidayWarnings(loaded)) output.err(line);
      const imported = loaded.holidays.map((list) => `${list.country} ${list.year}`).join(', ');
      output.out(
        `OK: ${counted(loaded.committees.length, 'committee')}, ${counted(members, 'member')}, ${counted(loaded.rounds.length, 'round')}${imported ? `, imported holiday lists: ${imported}` : ''}.`,
      );
      output.out(
        `Messengers: ${[env.slack ? `slack (${env.slack.mode})` : '', env.discord ? 'discord' : ''].filter(Boolean).join(', ') || 'none configured'}`,
      );
      for (const line of await storedDifferences(output, env, loaded)) output.out(line);
    });
  configReloadCommand(config, output, setExit);
}
