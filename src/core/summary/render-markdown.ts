/**
 * The summary as a Markdown document, laid out like the secretariat's report:
 * overview, advice per agenda item and question, not-submitted list and
 * honorarium.
 */
import { t } from '../i18n/catalogue.ts';
import type { Locale } from '../model.ts';
import { formatOfficialDate } from '../time.ts';
import { formatHonorariumLine, formatNumber } from './format.ts';
import { overviewLines, summaryTitle } from './overview.ts';
import { escapeMarkdownInline, escapeMarkdownLines } from './markdown-escape.ts';
import type { CompiledSummary, SummaryAnswer, SummaryQuestion, SummaryTally } from '../summary-model.ts';

/** Who the document is for. Only staff receive summaries (they name non-submitters). */
export interface MarkdownOptions {
  audience: 'staff';
}

function names(list: string[], locale: Locale): string {
  return list.length === 0 ? t(locale, 'summary.nobody') : list.map(escapeMarkdownInline).join(', ');
}

function overview(summary: CompiledSummary): string[] {
  const lines = overviewLines(summary, { notSubmitted: false, honorarium: false, roster: true }).map(
    (line) => `- ${escapeMarkdownInline(line)}`,
  );
  return [`## ${t(summary.locale, 'summary.overview')}`, '', ...lines];
}

function answerLines(answer: SummaryAnswer, locale: Locale): string[] {
  const author = escapeMarkdownInline(answer.author);
  const label = answer.late ? t(locale, 'summary.answerLate', { author }) : author;
  const [first = '', ...rest] = escapeMarkdownLines(answer.text);
  // Continuation lines are indented so they stay inside the list item.
  return [`- **${label}**: ${first}`, ...rest.map((line) => (line.length === 0 ? '' : `  ${line}`))];
}

function tallyLines(question: SummaryQuestion, tally: SummaryTally, locale: Locale): string[] {
  const header = question.kind === 'scale' ? t(locale, 'summary.tally.point') : t(locale, 'summary.tally.option');
  const lines = [
    `| ${header} | ${t(locale, 'summary.tally.count')} |`,
    '| --- | ---: |',
    ...tally.counts.map((entry) => `| ${escapeMarkdownInline(entry.label)} | ${formatNumber(entry.count, locale)} |`),
    '',
    `${t(locale, 'summary.tally.responses', { count: formatNumber(tally.responses, locale) })}`,
  ];
  if (tally.mean !== undefined) {
    lines.push('', t(locale, 'summary.tally.mean', { mean: tally.mean.toFixed(1) }));
  }
  return lines;
}

function questionLines(question: SummaryQuestion, locale: Locale): string[] {
  const lines = [
    `#### ${t(locale, 'summary.question', {
      questionId: escapeMarkdownInline(question.id),
      prompt: escapeMarkdownInline(question.prompt),
    })}`,
    '',
  ];
  if (question.answers.length === 0) lines.push(t(locale, 'summary.noAnswers'));
  for (const answer of question.answers) lines.push(...answerLines(answer, locale));
  if (question.tally !== undefined) lines.push('', ...tallyLines(question, question.tally, locale));
  lines.push('');
  return lines;
}

/** The summary as a Markdown document (UTF-8 text, `\n` line ends). */
export function renderSummaryMarkdown(summary: CompiledSummary, options: MarkdownOptions): string {
  const { locale } = summary;
  const lines = [
    `# ${escapeMarkdownInline(summaryTitle(summary))}`,
    '',
    t(locale, 'summary.committee', { committeeName: escapeMarkdownInline(summary.committeeName) }),
    '',
    ...overview(summary),
    '',
    `## ${t(locale, 'summary.opinions')}`,
    '',
  ];
  summary.items.forEach((item, index) => {
    lines.push(`### ${t(locale, 'summary.item', { index: index + 1, title: escapeMarkdownInline(item.title) })}`, '');
    for (const question of item.questions) lines.push(...questionLines(question, locale));
  });
  if (options.audience === 'staff') {
    const silent = summary.participation.notSubmitted;
    if (silent.length > 0) {
      lines.push(`## ${t(locale, 'summary.notSubmitted')}`, '');
      for (const name of silent) lines.push(`- ${escapeMarkdownInline(name)}`);
      lines.push('');
    }
  }
  if (summary.honorarium.rate > 0) {
    lines.push(
      `## ${t(locale, 'summary.honorarium')}`,
      '',
      `- ${t(locale, 'summary.honorarium.recipients', { names: names(summary.honorarium.recipients, locale) })}`,
      `- ${formatHonorariumLine(summary.honorarium, locale)}`,
      '',
    );
  }
  lines.push(
    '---',
    '',
    t(locale, 'summary.generatedAt', {
      generatedAt: formatOfficialDate(summary.generatedAt, summary.timeZone, locale),
    }),
    '',
  );
  return lines.join('\n');
}
