/**
 * Compiles a round's summary from the store and posts or exports it.
 */
import type { Committee, Round } from '../model.ts';
import type { OutgoingFile } from '../ports/messenger.ts';
import { calendarNotice } from './calendar-notice.ts';
import { compileSummary, renderSummaryCsv, renderSummaryJson, renderSummaryMarkdown } from '../summary/index.ts';
import type { CompiledSummary } from '../summary-model.ts';
import { roundDates } from '../rounds/round-dates.ts';
import { localDateOf } from '../time.ts';
import type { AppContext } from './app-context.ts';
import type { ExportFormat } from './inbound.ts';
import { deliverOnce } from './deliver.ts';

export async function buildSummary(ctx: AppContext, round: Round, committee: Committee): Promise<CompiledSummary> {
  const [invitations, answers] = await Promise.all([
    ctx.store.listInvitations(round.id),
    ctx.store.listAnswers(round.id),
  ]);
  const zone = committee.timeZone;
  const calendar = ctx.calendarOf(committee);
  const dates = roundDates(round);
  const from = localDateOf(dates.startedAt, zone);
  const to = localDateOf(dates.endsAt, zone);
  const businessDays = calendar.businessDaysBetween(from, to);
  return compileSummary({
    round,
    committee,
    invitations,
    answers,
    generatedAt: ctx.now(),
    locale: committee.locale,
    businessDays,
    calendarNotes: calendarNotice(calendar, from, to, committee.locale),
  });
}

const MIME: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** One export file of the summary. */
export function exportFile(summary: CompiledSummary, format: ExportFormat): OutgoingFile {
  const content =
    format === 'csv'
      ? renderSummaryCsv(summary)
      : Buffer.from(
          format === 'md' ? renderSummaryMarkdown(summary, { audience: 'staff' }) : renderSummaryJson(summary),
          'utf8',
        );
  return { name: `jamun-${summary.roundId}.${format}`, mimeType: MIME[format], content };
}

/**
 * Posts the summary to every staff channel once per `version` (a re-post
 * after late answers uses a new version). Returns how many channels got it.
 */
export async function postSummary(
  ctx: AppContext,
  round: Round,
  committee: Committee,
  version: string,
): Promise<{ posted: number; channels: number; summary: CompiledSummary }> {
  const summary = await buildSummary(ctx, round, committee);
  const files = [exportFile(summary, 'md'), exportFile(summary, 'csv')];
  const channels = ctx.staffChannels(committee);
  let posted = 0;
  for (const { messenger, channelId } of channels) {
    const key = `summary:${round.id}:${messenger.platform}:${version}`;
    const outcome = await deliverOnce(ctx, key, messenger.platform, () =>
      messenger.postToStaff(channelId, { kind: 'summary', locale: committee.locale, summary, files }, key),
    );
    if (outcome.sent) {
      posted += 1;
      await ctx.store.recordSummary({
        roundId: round.id,
        platform: messenger.platform,
        channelId,
        messageId: outcome.delivery.ref.messageId,
        format: 'message+md+csv',
        postedAt: ctx.now(),
      });
    } else if (!outcome.duplicate) {
      ctx.logger.warn(
        { roundId: round.id, platform: messenger.platform, reason: outcome.delivery.reason },
        'summary post failed',
      );
    }
  }
  return { posted, channels: channels.length, summary };
}
