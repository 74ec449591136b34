/**
 * The result report of a round (결과 보고) from the store and the
 * configuration: the compiled summary, the round's report fields, the
 * office settings and the closed days of the window.
 */
import { err, ok, type Result } from '../errors.ts';
import { t } from '../i18n/catalogue.ts';
import { compileReport } from '../report/compile-report.ts';
import type { ReportDocument, ReportFormat } from '../report/report-model.ts';
import { roundDates } from '../rounds/round-dates.ts';
import { localDateOf } from '../time.ts';
import type { AppContext } from './app-context.ts';
import type { StaffReply } from './inbound.ts';
import { buildSummary } from './summary-service.ts';
import { synthesisLines } from '../follow-up/synthesis-lines.ts';
import { actionDetails } from './follow-up-service.ts';
import type { FollowUpAction, Locale } from '../model.ts';
import type { ReportLine } from '../report/report-model.ts';

/**
 * An action as the report lists it under 조치 사항: its text (marked when
 * done), then its department, due date and questions; dropped ones are left out.
 */
function actionReportLines(action: FollowUpAction, locale: Locale): ReportLine[] {
  if (action.status === 'dropped') return [];
  const done = action.status === 'done' ? ` (${t(locale, 'followUp.status.done')})` : '';
  const details = actionDetails(action, locale);
  return [
    { level: 0, text: `${action.text}${done}` },
    ...(details.length > 0 ? [{ level: 1 as const, text: details.join(' · ') }] : []),
  ];
}

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
  const synthesis = Object.fromEntries(
    (await ctx.store.listSyntheses(roundId)).map((s) => [s.targetId, synthesisLines(s.text)]),
  );
  const actions = (await ctx.store.listActions(roundId)).flatMap((a) => actionReportLines(a, committee.locale));
  return ok(
    compileReport({
      summary,
      committee,
      closedDays,
      synthesis,
      actions,
      ...(info ? { info } : {}),
      ...(options.note ? { note: options.note } : {}),
    }),
  );
}

/**
 * `report ROUND [format]` in chat: the document, for the requester's DM only
 * (it names members and their payments). Refused like `jamun round report`:
 * an unknown round, one not closed or never opened, a cancelled one.
 */
export async function reportReply(
  ctx: AppContext,
  roundId: string,
  format: ReportFormat,
  actor: string,
): Promise<Result<StaffReply>> {
  const report = await buildReport(ctx, roundId);
  if (!report.ok) return report;
  if (!ctx.renderReport) return err('REPORT.UNAVAILABLE');
  const file = await ctx.renderReport(report.value, format, `jamun-${roundId}-report`);
  const round = ctx.definitions.get(roundId);
  await ctx.store.audit({ at: ctx.now(), actor, action: 'round.report', roundId, detail: { format } });
  return ok({
    text: t(report.value.locale, 'staff.reported', { title: round?.title ?? roundId, format, file: file.name }),
    ephemeral: true,
    files: [file],
    filesByDm: true,
  });
}
