/**
 * The summary as a chat digest for the staff channel: the figures staff act
 * on (participation, non-submitters, undelivered and unconfirmed sends), each
 * question's answer count and tally, and short answers inline up to a budget.
 * The full text goes out as attached files (Markdown, CSV), so a round of any
 * size posts a handful of messages, never one per answer.
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

/**
 * How much of the people's text the digest shows. Names beyond a list's
 * budget (600 characters a list, in overview.ts) and answers beyond the inline
 * budget are counted, and found in the files; a prompt is shortened in the
 * digest only.
 */
export const DIGEST_BUDGET = {
  /** An answer up to this many characters is short enough to show inline. */
  shortAnswer: 200,
  /** Inline answers per question. */
  answersPerQuestion: 5,
  /** Characters of inline answers in the whole digest. */
  answers: 4000,
  /** Characters of a prompt shown in the digest. */
  prompt: 150,
} as const;

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

  /** A short answer: the author in bold, the answer quoted below it. */
  answer(authorLine: string, text: string): void {
    const author = this.fmt.bold(this.fmt.escape(authorLine));
    const quote = (piece: string): string => this.fmt.quote(this.fmt.escape(piece));
    const budget = this.limit - author.length - 1;
    const [first = '', ...rest] = splitText(text, Math.max(2, budget), { render: quote });
    this.blocks.push({ text: `${author}\n${first}`, gap: false });
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
  const lines = overviewLines(summary, { notSubmitted: true, honorarium: true, roster: false, digest: true });
  for (const line of lines) builder.plain(line);
  builder.plain(t(locale, 'summary.digest.files'), true);
  return builder.blocks;
}

/** The digest's share of people's text still to spend on inline answers. */
interface InlineBudget {
  left: number;
}

function shortened(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function questionBlocks(
  builder: ChatBuilder,
  question: SummaryQuestion,
  summary: CompiledSummary,
  budget: InlineBudget,
): void {
  const { locale } = summary;
  const prompt = shortened(question.prompt, DIGEST_BUDGET.prompt);
  builder.heading(t(locale, 'summary.question', { questionId: question.id, prompt }), true);
  const answered = question.answers.length;
  builder.plain(
    answered === 0
      ? t(locale, 'summary.noAnswers')
      : t(locale, 'summary.digest.answers', { count: formatNumber(answered, locale) }),
  );
  const tally = question.tally;
  if (tally !== undefined) {
    const counts = tally.counts.map((entry) =>
      t(locale, 'summary.tally.entry', { label: entry.label, count: formatNumber(entry.count, locale) }),
    );
    builder.plain(counts.join(' · '));
    if (tally.mean !== undefined) builder.plain(t(locale, 'summary.tally.mean', { mean: tally.mean.toFixed(1) }));
    // The tally says what the choices were; the files say who chose what.
    return;
  }
  let shown = 0;
  for (const answer of question.answers) {
    if (shown === DIGEST_BUDGET.answersPerQuestion) break;
    if (answer.text.length > DIGEST_BUDGET.shortAnswer || answer.text.length > budget.left) continue;
    builder.answer(authorLine(answer, summary), answer.text);
    budget.left -= answer.text.length;
    shown += 1;
  }
  if (shown < answered) {
    builder.plain(t(locale, 'summary.digest.moreAnswers', { count: formatNumber(answered - shown, locale) }));
  }
}

function authorLine(answer: SummaryAnswer, summary: CompiledSummary): string {
  return answer.late ? t(summary.locale, 'summary.answerLate', { author: answer.author }) : answer.author;
}

function itemBlocks(
  builder: ChatBuilder,
  item: SummaryItem,
  index: number,
  summary: CompiledSummary,
  budget: InlineBudget,
): void {
  builder.heading(t(summary.locale, 'summary.item', { index: index + 1, title: item.title }), index > 0);
  for (const question of item.questions) questionBlocks(builder, question, summary, budget);
}

/**
 * The summary as a chat digest. The header names the round, participation,
 * non-submitters, undelivered and unconfirmed sends and the honorarium
 * total; the sections give each question's answer count, tally and short
 * answers. Its size does not grow with the answers: lists and inline answers
 * stop at `DIGEST_BUDGET`. No string is longer than `fmt.messageLimit`.
 */
export function renderSummaryChat(summary: CompiledSummary, fmt: TextFormatter): ChatSummary {
  const [header = '', ...overflow] = pack(headerBlocks(summary, fmt), fmt.messageLimit);
  const builder = new ChatBuilder(fmt, fmt.messageLimit);
  const budget: InlineBudget = { left: DIGEST_BUDGET.answers };
  for (const [index, item] of summary.items.entries()) itemBlocks(builder, item, index, summary, budget);
  return { header, sections: [...overflow, ...pack(builder.blocks, fmt.messageLimit)] };
}
