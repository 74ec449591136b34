import type { Command } from 'commander';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { IANAZone } from 'luxon';
import { calendarNotice } from '../../core/app/calendar-notice.ts';
import { createBusinessCalendar, createHolidaySource, isSupportedCountry } from '../../core/calendar/index.ts';
import { readHolidayFolder } from '../../config/holiday-files.ts';
import { formatConfigError } from '../../config/config-error.ts';
import { toDayNumber } from '../../core/calendar/local-date.ts';
import { localDateOf } from '../../core/time.ts';
import { configDirOf, type Output } from '../context.ts';
import { importHolidayFile } from './calendar-import.ts';

const REASONS: Record<string, string> = {
  weekend: 'weekend',
  public_holiday: 'public holiday',
  extra_closed: 'closed (config)',
};

/** Why `value`, given as `what`, is not a date: null when it is one. */
function dateProblem(what: string, value: string): string | null {
  try {
    toDayNumber(value);
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Invalid date .*?: /, '') : String(error);
    return `${what}: "${value}" is not a date (${reason}).`;
  }
}

/**
 * Every problem of the dates at once (FROM, TO, each --closed day), then
 * FROM after TO: one line each, in the words of the command line.
 */
function rangeProblems(from: string, to: string, closed: readonly string[]): string[] {
  const problems = [
    dateProblem('FROM', from),
    dateProblem('TO', to),
    ...closed.map((day) => dateProblem('--closed', day)),
  ].filter((p): p is string => p !== null);
  if (problems.length === 0 && toDayNumber(from) > toDayNumber(to))
    problems.push(`FROM (${from}) is after TO (${to}): give the earlier date first.`);
  return problems;
}

export function calendarCommand(program: Command, output: Output, setExit: (code: ExitCode) => void): void {
  const calendar = program.command('calendar').description('Business-day tools for choosing deadlines.');
  calendar
    .command('business-days')
    .description('List the closed days from FROM to TO (both included) and print the number of business days last.')
    .argument('<from>', 'first day, YYYY-MM-DD or "today"')
    .argument('<to>', 'last day, YYYY-MM-DD')
    .option('--country <code>', 'country of the public holidays', 'KR')
    .option('--region <code>', 'subdivision (state, province) for regional holidays')
    .option('--tz <zone>', 'time zone that decides what "today" is', 'Asia/Seoul')
    .option('--closed <dates>', 'extra closed days, comma-separated YYYY-MM-DD', '')
    .option(
      '--config <dir>',
      'configuration directory whose holidays/ lists are used (default: JAMUN_CONFIG_DIR or config)',
    )
    .addHelpText(
      'after',
      '\nExample: jamun calendar business-days 2024-02-08 2024-02-15   → 4 (Seollal 2/9–2/12)\n' +
        'A warning on stderr names the years whose holidays are computed from rules, not an official list.',
    )
    .action(
      (
        fromArg: string,
        to: string,
        opts: { country: string; region?: string; tz: string; closed: string; config?: string },
      ) => {
        if (!IANAZone.isValidZone(opts.tz)) {
          output.err(`Unknown time zone "${opts.tz}" (use an IANA name such as Asia/Seoul).`);
          return setExit(EXIT.usage);
        }
        if (!isSupportedCountry(opts.country)) {
          output.err(`No public-holiday data for country "${opts.country}". Use an ISO code such as KR, US, DE.`);
          return setExit(EXIT.usage);
        }
        const from = fromArg === 'today' ? localDateOf(new Date(), opts.tz) : fromArg;
        const closed = opts.closed
          .split(',')
          .map((d) => d.trim())
          .filter(Boolean);
        const problems = rangeProblems(from, to, closed);
        if (problems.length > 0) {
          for (const line of problems) output.err(line);
          return setExit(EXIT.usage);
        }
        const imported = readHolidayFolder(configDirOf(opts.config), configDirOf(opts.config));
        if (imported.errors.length > 0) {
          for (const error of imported.errors) output.err(formatConfigError(error));
          output.err('Fix or remove these holiday lists (jamun calendar import checks a file before it is stored).');
          return setExit(EXIT.config);
        }
        try {
          const cal = createBusinessCalendar(
            {
              country: opts.country,
              ...(opts.region ? { region: opts.region } : {}),
              extraClosedDays: closed,
              extraWorkingDays: [],
            },
            createHolidaySource(imported.years),
          );
          for (const day of cal.closedDaysBetween(from, to)) {
            output.out(`${day.date}  ${REASONS[day.reason] ?? day.reason}${day.name ? `: ${day.name}` : ''}`);
          }
          output.out(`${cal.businessDaysBetween(from, to)} business days from ${from} to ${to}`);
          for (const line of calendarNotice(cal, from, to, 'ko')) output.err(line);
          for (const line of calendarNotice(cal, from, to, 'en')) output.err(line);
        } catch (error) {
          output.err(error instanceof Error ? error.message : String(error));
          setExit(EXIT.usage);
        }
      },
    );
  calendar
    .command('import')
    .description(
      "Import an official holiday list saved from the 특일 정보 service (getRestDeInfo, JSON or XML) or a CSV of date,name into the deployment's calendar data (<config>/holidays/).",
    )
    .argument('<file>', 'the saved response or CSV')
    .option('--country <code>', 'country of the list', 'KR')
    .option('--config <dir>', 'configuration directory (default: JAMUN_CONFIG_DIR or config)')
    .option('--dry-run', 'print what would change, write nothing')
    .addHelpText('after', '\nSee README, "Public holidays", for where to get the list and how often.')
    .action((file: string, opts: { country: string; config?: string; dryRun?: boolean }) => {
      if (!isSupportedCountry(opts.country)) {
        output.err(`Unknown country "${opts.country}". Use an ISO code such as KR.`);
        return setExit(EXIT.usage);
      }
      const code = importHolidayFile(
        file,
        { country: opts.country, configDir: configDirOf(opts.config), dryRun: opts.dryRun === true, now: new Date() },
        output,
      );
      if (code !== 0) setExit(code as ExitCode);
    });
}
