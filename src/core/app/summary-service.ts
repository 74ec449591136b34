/**
 * Compiles a round's summary from the store and posts or exports it.
 */
import type { Committee, Round } from '../model.ts';
import { calendarNotice } from './calendar-notice.ts';
import { t } from '../i18n/catalogue.ts';
import { HEADER_PART, type DiskFile, type Messenger, type OutgoingFile } from '../ports/messenger.ts';
import { compileSummary, renderSummaryCsv, renderSummaryJson, renderSummaryMarkdownFile } from '../summary/index.ts';
import { SUMMARY_MIME, summaryFileName, withSummaryFiles } from '../summary/summary-files.ts';
import type { CompiledSummary } from '../summary-model.ts';
import { roundDates } from '../rounds/round-dates.ts';
import { localDateOf } from '../time.ts';
import type { AppContext } from './app-context.ts';
import type { ExportFormat } from './inbound.ts';
import { deliverOnce } from './deliver.ts';
import { failureText } from './failure-text.ts';
import { type MissingPart, OutboxParts } from './outbox-parts.ts';

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

/** One export file of the summary. */
export function exportFile(summary: CompiledSummary, format: ExportFormat): OutgoingFile {
  const content =
    format === 'csv'
      ? renderSummaryCsv(summary)
      : format === 'md'
        ? renderSummaryMarkdownFile(summary, { audience: 'staff' })
        : Buffer.from(renderSummaryJson(summary));
  return { name: summaryFileName(summary, format), mimeType: SUMMARY_MIME[format], content };
}

/** How posting a summary went. */
export interface SummaryPosting {
  /** Channels whose summary message is there. */
  posted: number;
  channels: number;
  summary: CompiledSummary;
  /** Some part failed for now and a later attempt may send it (staff are told only when it will not). */
  retryable: boolean;
}

/**
 * Posts the summary to every staff channel once per `version` (a re-post
 * after late answers uses a new version). Every part (header, each thread
 * reply, each file) has its own outbox key, so a second attempt sends only
 * what is missing. When parts are still missing and `final` (no attempt
 * follows) or they cannot come, staff are told in words what is missing and
 * how to get it, once.
 */
export async function postSummary(
  ctx: AppContext,
  round: Round,
  committee: Committee,
  version: string,
  options: { final: boolean },
): Promise<SummaryPosting> {
  const summary = await buildSummary(ctx, round, committee);
  // The Markdown and CSV are written to disk and uploaded from there, never held whole in memory.
  return withSummaryFiles(summary, (files) => postWithFiles(ctx, round, committee, version, options, summary, files));
}

async function postWithFiles(
  ctx: AppContext,
  round: Round,
  committee: Committee,
  version: string,
  options: { final: boolean },
  summary: CompiledSummary,
  files: DiskFile[],
): Promise<SummaryPosting> {
  const channels = ctx.staffChannels(committee);
  let posted = 0;
  let retryable = false;
  for (const { messenger, channelId } of channels) {
    const key = `summary:${round.id}:${messenger.platform}:${version}`;
    const parts = new OutboxParts(ctx, key, messenger.platform);
    const delivery = await messenger.postToStaff(
      channelId,
      { kind: 'summary', locale: committee.locale, summary, files },
      key,
      parts,
    );
    if (!delivery.ok) {
      retryable ||= !delivery.permanent;
      ctx.logger.warn(
        { roundId: round.id, platform: messenger.platform, reason: delivery.reason },
        'summary post failed',
      );
      continue;
    }
    posted += 1;
    if (parts.sentNow.includes(HEADER_PART))
      await ctx.store.recordSummary({
        roundId: round.id,
        platform: messenger.platform,
        channelId,
        messageId: delivery.ref.messageId,
        format: 'message+md+csv',
        postedAt: ctx.now(),
      });
    if (parts.missing.length === 0) continue;
    const laterMayHelp = parts.missing.some((m) => !m.permanent);
    if (laterMayHelp && !options.final) {
      retryable = true;
      continue;
    }
    await tellStaffWhatIsMissing(ctx, round, committee, { messenger, channelId }, key, parts.missing);
  }
  return { posted, channels: channels.length, summary, retryable };
}

/** One staff message, once per post: which parts are missing and how to get the results anyway. */
async function tellStaffWhatIsMissing(
  ctx: AppContext,
  round: Round,
  committee: Committee,
  channel: { messenger: Messenger; channelId: string },
  postKey: string,
  missing: MissingPart[],
): Promise<void> {
  const locale = committee.locale;
  const items = missing.map((part) => {
    const reason = part.reason.endsWith(': uncertain')
      ? t(locale, 'staff.parts.uncertain')
      : failureText(part.reason, locale);
    return `• ${
      part.label.kind === 'file'
        ? t(locale, 'staff.parts.file', { file: part.label.name, reason })
        : t(locale, 'staff.parts.section', { index: part.label.index + 1, reason })
    }`;
  });
  const text = t(locale, 'staff.parts.missing', { title: round.title, roundId: round.id, items: items.join('\n') });
  const key = `${postKey}#missing`;
  await deliverOnce(ctx, key, channel.messenger.platform, () =>
    channel.messenger.postToStaff(channel.channelId, { kind: 'text', locale, text }, key),
  );
  await ctx.store.audit({
    at: ctx.now(),
    actor: 'system',
    action: 'summary.partsMissing',
    roundId: round.id,
    detail: { platform: channel.messenger.platform, parts: missing.map((m) => m.partId) },
  });
}
