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
import { encodeLines, writeLines } from './encode-lines.ts';
import { escapeMarkdownInline, escapeMarkdownLines } from './markdown-escape.ts';
import type { CompiledSummary, SummaryAnswer, SummaryQuestion, SummaryTally } from '../summary-model.ts';

/** Who the document is for. Only staff receive summaries (they name non-submitters). */
export interface MarkdownOptions {
  audience: 'staff';
}

function names(list: string[], locale: Locale): string {
  return list.length === 0 ? t(locale, 'summary.nobody') : list.map(escapeMarkdownInline).join(', ');
}

function* overview(summary: CompiledSummary): Generator<string> {
  yield `## ${t(summary.locale, 'summary.overview')}`;
  yield '';
  for (const line of overviewLines(summary, { notSubmitted: false, honorarium: false, roster: true }))
    yield `- ${escapeMarkdownInline(line)}`;
}

// Lines are yielded one by one, never spread into a call: an answer of ~120,000 lines overflowed the stack.
function* answerLines(answer: SummaryAnswer, locale: Locale): Generator<string> {
  const author = escapeMarkdownInline(answer.author);
  const label = answer.late ? t(locale, 'summary.answerLate', { author }) : author;
  const lines = escapeMarkdownLines(answer.text);
  yield `- **${label}**: ${lines[0] ?? ''}`;
  // Continuation lines are indented so they stay inside the list item.
  for (let i = 1; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    yield line.length === 0 ? '' : `  ${line}`;
  }
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

function* questionLines(question: SummaryQuestion, locale: Locale): Generator<string> {
  yield `#### ${t(locale, 'summary.question', {
    questionId: escapeMarkdownInline(question.id),
    prompt: escapeMarkdownInline(question.prompt),
  })}`;
  yield '';
  if (question.answers.length === 0) yield t(locale, 'summary.noAnswers');
  for (const answer of question.answers) yield* answerLines(answer, locale);
  if (question.tally !== undefined) {
    yield '';
    yield* tallyLines(question, question.tally, locale);
  }
  yield '';
}

/** The lines of the summary's Markdown document. */
function* markdownLines(summary: CompiledSummary, options: MarkdownOptions): Generator<string> {
  const { locale } = summary;
  yield `# ${escapeMarkdownInline(summaryTitle(summary))}`;
  yield '';
  yield t(locale, 'summary.committee', { committeeName: escapeMarkdownInline(summary.committeeName) });
  yield '';
  yield* overview(summary);
  yield '';
  yield `## ${t(locale, 'summary.opinions')}`;
  yield '';
  for (const [index, item] of summary.items.entries()) {
    yield `### ${t(locale, 'summary.item', { index: index + 1, title: escapeMarkdownInline(item.title) })}`;
    yield '';
    for (const question of item.questions) yield* questionLines(question, locale);
  }
  if (options.audience === 'staff') {
    const silent = summary.participation.notSubmitted;
    if (silent.length > 0) {
      yield `## ${t(locale, 'summary.notSubmitted')}`;
      yield '';
      for (const name of silent) yield `- ${escapeMarkdownInline(name)}`;
      yield '';
    }
  }
  if (summary.honorarium.rate > 0) {
    yield `## ${t(locale, 'summary.honorarium')}`;
    yield '';
    yield `- ${t(locale, 'summary.honorarium.recipients', { names: names(summary.honorarium.recipients, locale) })}`;
    yield `- ${formatHonorariumLine(summary.honorarium, locale)}`;
    yield '';
  }
  yield '---';
  yield '';
  yield t(locale, 'summary.generatedAt', {
    generatedAt: formatOfficialDate(summary.generatedAt, summary.timeZone, locale),
  });
  yield '';
}

/** The summary as a Markdown document (UTF-8 text, `\n` line ends). */
export function renderSummaryMarkdown(summary: CompiledSummary, options: MarkdownOptions): string {
  return Array.from(markdownLines(summary, options)).join('\n');
}

/** The same document as a UTF-8 file, written line by line into one buffer (see encode-lines.ts). */
export function renderSummaryMarkdownFile(summary: CompiledSummary, options: MarkdownOptions): Buffer {
  return encodeLines(() => markdownLines(summary, options), { separator: '\n' });
}

/** The same document written to a file at `path`, chunk by chunk (see encode-lines.ts); resolves to its size in bytes. */
export function writeSummaryMarkdownFile(
  summary: CompiledSummary,
  options: MarkdownOptions,
  path: string,
): Promise<number> {
  return writeLines(path, markdownLines(summary, options), { separator: '\n' });
}
