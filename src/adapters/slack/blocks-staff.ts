/**
 * Staff-channel messages as Block Kit: command replies, the progress
 * message edited while invitations go out, the status bar, and the summary
 * split into a header message and threaded replies within Slack's limits.
 */
import { t } from '../../core/i18n/catalogue.ts';
import type { Locale } from '../../core/model.ts';
import type { StatusView } from '../../core/app/inbound.ts';
import type { ProgressView, StaffMessage } from '../../core/ports/messenger.ts';
import type { CompiledSummary } from '../../core/summary-model.ts';
import { renderSummaryChat } from '../../core/summary/render-chat.ts';
import { progressBar, renderProgress } from '../../core/text/render-views.ts';
import { type Block, mrkdwnSections, packMessages, plainSections, type SlackMessage } from './slack-blocks.ts';
import { escapeMrkdwn, slackFormatter } from './slack-formatter.ts';
import { st } from './slack-texts.ts';

/** Plain text from the core (already in the staff's language) as inert blocks. */
export function plainTextMessages(text: string): SlackMessage[] {
  return packMessages(plainSections(text), escapeMrkdwn(text));
}

/** The one progress message, edited as invitations go out. */
function progressMessage(view: ProgressView, locale: Locale): SlackMessage {
  const text = renderProgress(view, locale, slackFormatter);
  const [first] = packMessages(mrkdwnSections(text), text);
  return first ?? { text, blocks: [] };
}

/**
 * A `status` reply drawn from the core's StatusView: round, deadline,
 * progress bar of submissions, the counts, then who has not submitted and
 * who could not be reached.
 */
export function statusBlocks(status: StatusView, locale: Locale): Block[] {
  const bar = st(locale, 'slack.status.bar', {
    bar: progressBar(status.submitted, status.total),
    submitted: status.submitted,
    total: status.total,
  });
  const counts = st(locale, 'slack.status.counts', {
    delivered: status.delivered,
    answering: status.answering,
    submitted: status.submitted,
    declined: status.declined,
    failed: status.failed,
    pending: status.pending,
  });
  const lines: string[] = [];
  if (status.notSubmitted.length > 0) {
    lines.push(t(locale, 'summary.notSubmittedLine', { names: status.notSubmitted.map(escapeMrkdwn).join(', ') }));
  }
  if (status.failures.length > 0) {
    const list = status.failures.map((f) => `${escapeMrkdwn(f.name)} (${escapeMrkdwn(f.reason)})`).join(', ');
    lines.push(st(locale, 'slack.status.failures', { list }));
  }
  return [
    ...mrkdwnSections(
      `*${escapeMrkdwn(status.roundTitle)}* (${escapeMrkdwn(status.roundId)}) · ${escapeMrkdwn(status.closesAtLocal)}`,
    ),
    ...mrkdwnSections(`*${bar}*`),
    { type: 'context', elements: [{ type: 'mrkdwn', text: counts, verbatim: true }] },
    ...mrkdwnSections(lines.join('\n')),
  ];
}

/** The summary: a header message, then replies (threaded under it) holding the agenda sections. */
export function summaryMessages(summary: CompiledSummary): { header: SlackMessage[]; replies: SlackMessage[] } {
  const chat = renderSummaryChat(summary, slackFormatter);
  const title = escapeMrkdwn(summary.roundTitle);
  const header = packMessages(mrkdwnSections(chat.header), title);
  // Each agenda section starts its own reply, so an item never begins mid-message.
  const replies = chat.sections.flatMap((section) => packMessages(mrkdwnSections(section), title));
  return { header, replies: replies.filter((message) => message.blocks.length > 0) };
}

/** Messages for a staff post that is not a summary (text or progress). */
export function simpleStaffMessages(message: Exclude<StaffMessage, { kind: 'summary' }>): SlackMessage[] {
  return message.kind === 'text' ? plainTextMessages(message.text) : [progressMessage(message.view, message.locale)];
}
