import type { Command } from 'commander';
import { IANAZone } from 'luxon';
import { createBusinessCalendar, isSupportedCountry } from '../../core/calendar/index.ts';
import { localDateOf } from '../../core/time.ts';
import type { Output } from '../context.ts';

const REASONS: Record<string, string> = {
  weekend: 'weekend',
  public_holiday: 'public holiday',
  extra_closed: 'closed (config)',
};

export function calendarCommand(program: Command, output: Output, setExit: (code: number) => void): void {
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
    .addHelpText('after', '\nExample: jamun calendar business-days 2024-02-08 2024-02-15   → 4 (Seollal 2/9–2/12)')
    .action((fromArg: string, to: string, opts: { country: string; region?: string; tz: string; closed: string }) => {
      if (!IANAZone.isValidZone(opts.tz)) {
        output.err(`Unknown time zone "${opts.tz}" (use an IANA name such as Asia/Seoul).`);
        return setExit(2);
      }
      if (!isSupportedCountry(opts.country)) {
        output.err(`No public-holiday data for country "${opts.country}". Use an ISO code such as KR, US, DE.`);
        return setExit(2);
      }
      const from = fromArg === 'today' ? localDateOf(new Date(), opts.tz) : fromArg;
      try {
        const cal = createBusinessCalendar({
          country: opts.country,
          ...(opts.region ? { region: opts.region } : {}),
          extraClosedDays: opts.closed
            .split(',')
            .map((d) => d.trim())
            .filter(Boolean),
          extraWorkingDays: [],
        });
        for (const day of cal.closedDaysBetween(from, to)) {
          output.out(`${day.date}  ${REASONS[day.reason] ?? day.reason}${day.name ? `: ${day.name}` : ''}`);
        }
        output.out(`${cal.businessDaysBetween(from, to)} business days from ${from} to ${to}`);
      } catch (error) {
        output.err(error instanceof Error ? error.message : String(error));
        setExit(2);
      }
    });
}
