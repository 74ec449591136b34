/**
 * The summary as chat messages for the staff channel: a header with the
 * figures staff act on, then the advice per agenda item. Every message fits
 * the platform's limit; long answers are split, never cut short.
 */
import { t } from '../i18n/catalogue.ts';
import type { TextFormatter } from '../text/formatter.ts';
import { splitText } from '../text/split-text.ts';
import { formatNumber } from './format.ts';
import { overviewLines, summaryTitle } from './overview.ts';
import type { CompiledSummary, SummaryAnswer, SummaryItem, SummaryQuestion } from '../summary-model.ts';

/** The messages to post: the header first, then the sections in order. */
export interface ChatSummary {
  header: string;
  sections: string[];
}

/** A piece of a message that fits the limit on its own. `gap` asks for a blank line before it. */
interface Block {
  text: string;
  gap: boolean;
}

/** Packs blocks into as few messages as fit, in order. */
function pack(blocks: Block[], limit: number): string[] {
  const messages: string[] = [];
  let current = '';
  for (const block of blocks) {
    const separator = current === '' ? '' : block.gap ? '\n\n' : '\n';
    if (current !== '' && current.length + separator.length + block.text.length > limit) {
      messages.push(current);
      current = block.text;
    } else {
      current += separator + block.text;
    }
  }
  if (current !== '') messages.push(current);
  return messages;
}

class ChatBuilder {
  readonly blocks: Block[] = [];

  constructor(
    private readonly fmt: TextFormatter,
    private readonly limit: number,
  ) {}

  /** Plain line(s): the whole text escaped, since it carries people's words. */
  plain(text: string, gap = false): void {
    this.add(text, (piece) => this.fmt.escape(piece), gap);
  }

  heading(text: string, gap = false): void {
    this.add(text, (piece) => this.fmt.bold(this.fmt.escape(piece)), gap);
  }

  /** The author line, then the answer as quoted pieces; the first piece shares the author's block. */
  answer(authorLine: string, text: string): void {
    const author = this.fmt.bold(this.fmt.escape(authorLine));
    const quote = (piece: string): string => this.fmt.quote(this.fmt.escape(piece));
    const budget = this.limit - author.length - 1;
    if (budget < this.limit / 2) {
      this.heading(authorLine, true);
      this.add(text, quote, false);
      return;
    }
    const [first = '', ...rest] = splitText(text, budget, { render: quote });
    this.blocks.push({ text: `${author}\n${first}`, gap: true });
    for (const piece of rest) this.blocks.push({ text: piece, gap: false });
  }

  private add(text: string, render: (piece: string) => string, gap: boolean): void {
    for (const [index, piece] of splitText(text, this.limit, { render }).entries()) {
      this.blocks.push({ text: piece, gap: gap && index === 0 });
    }
  }
}

function headerBlocks(summary: CompiledSummary, fmt: TextFormatter): Block[] {
  const { locale } = summary;
  const builder = new ChatBuilder(fmt, fmt.messageLimit);
  builder.heading(summaryTitle(summary));
  builder.plain(t(locale, 'summary.committee', { committeeName: summary.committeeName }));
  for (const line of overviewLines(summary, { notSubmitted: true, honorarium: true, roster: false }))
    builder.plain(line);
  return builder.blocks;
}

function questionBlocks(builder: ChatBuilder, question: SummaryQuestion, summary: CompiledSummary): void {
  const { locale } = summary;
  builder.heading(t(locale, 'summary.question', { questionId: question.id, prompt: question.prompt }), true);
  if (question.answers.length === 0) builder.plain(t(locale, 'summary.noAnswers'));
  for (const answer of question.answers) builder.answer(authorLine(answer, summary), answer.text);
  const tally = question.tally;
  if (tally === undefined) return;
  for (const [index, entry] of tally.counts.entries()) {
    builder.plain(
      t(locale, 'summary.tally.entry', { label: entry.label, count: formatNumber(entry.count, locale) }),
      index === 0,
    );
  }
  builder.plain(t(locale, 'summary.tally.responses', { count: formatNumber(tally.responses, locale) }));
  if (tally.mean !== undefined) builder.plain(t(locale, 'summary.tally.mean', { mean: tally.mean.toFixed(1) }));
}

function authorLine(answer: SummaryAnswer, summary: CompiledSummary): string {
  return answer.late ? t(summary.locale, 'summary.answerLate', { author: answer.author }) : answer.author;
}

function itemMessages(item: SummaryItem, index: number, summary: CompiledSummary, fmt: TextFormatter): string[] {
  const builder = new ChatBuilder(fmt, fmt.messageLimit);
  builder.heading(t(summary.locale, 'summary.item', { index: index + 1, title: item.title }));
  for (const question of item.questions) questionBlocks(builder, question, summary);
  return pack(builder.blocks, fmt.messageLimit);
}

/**
 * The summary as chat texts. The header names the round, participation,
 * non-submitters and honorarium total; each agenda item gets one or more
 * sections. No string is longer than `fmt.messageLimit`: a header too long
 * for one message continues in the first sections.
 */
export function renderSummaryChat(summary: CompiledSummary, fmt: TextFormatter): ChatSummary {
  const [header = '', ...overflow] = pack(headerBlocks(summary, fmt), fmt.messageLimit);
  const sections = summary.items.flatMap((item, index) => itemMessages(item, index, summary, fmt));
  return { header, sections: [...overflow, ...sections] };
}
