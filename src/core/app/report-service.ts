/**
 * The result report of a round (결과 보고) from the store and the
 * configuration: the compiled summary, the round's report fields, the
 * office settings and the closed days of the window.
 */
import { err, ok, type Result } from '../errors.ts';
import { compileReport } from '../report/compile-report.ts';
import type { ReportDocument } from '../report/report-model.ts';
import { roundDates } from '../rounds/round-dates.ts';
import { localDateOf } from '../time.ts';
import type { AppContext } from './app-context.ts';
import { buildSummary } from './summary-service.ts';

/** The report of a closed round; a round still open or never opened is refused like its summary. */
export async function buildReport(
  ctx: AppContext,
  roundId: string,
  options: { note?: string } = {},
): Promise<Result<ReportDocument>> {
  const found = await ctx.round(roundId);
  if (!found.ok) return found;
  const round = found.value;
  const named = { roundId, roundTitle: round.title };
  if (round.status === 'open' || round.status === 'draft') return err('ROUND.NOT_CLOSED', named);
  if (round.status === 'cancelled') return err('ROUND.CANCELLED', named);
  const committee = ctx.committee(round.committeeId);
  const summary = await buildSummary(ctx, round, committee);
  const dates = roundDates(round);
  const zone = committee.timeZone;
  const closedDays = ctx
    .calendarOf(committee)
    .closedDaysBetween(localDateOf(dates.startedAt, zone), localDateOf(dates.endsAt, zone));
  const info = ctx.definitions.get(roundId)?.report;
  return ok(
    compileReport({
      summary,
      committee,
      closedDays,
      ...(info ? { info } : {}),
      ...(options.note ? { note: options.note } : {}),
    }),
  );
}
