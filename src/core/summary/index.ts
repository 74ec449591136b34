/** Public API of summary compilation and rendering. */
export { compileSummary, type CompileInput } from './compile-summary.ts';
export { renderSummaryMarkdown, type MarkdownOptions } from './render-markdown.ts';
export { renderSummaryCsv } from './render-csv.ts';
export { renderSummaryJson } from './render-json.ts';
export { renderSummaryChat, type ChatSummary } from './render-chat.ts';
export { formatLocalDateTime, formatMoney, formatNumber, letterLabel } from './format.ts';
export type {
  CompiledSummary,
  SummaryAnswer,
  SummaryHonorarium,
  SummaryItem,
  SummaryParticipation,
  SummaryQuestion,
  SummaryTally,
} from './types.ts';
