/** Public API of summary compilation and rendering. */
export { compileSummary } from './compile-summary.ts';
export { renderSummaryMarkdown, renderSummaryMarkdownFile } from './render-markdown.ts';
export { renderSummaryCsv } from './render-csv.ts';
export { renderSummaryJson } from './render-json.ts';
export { renderSummaryChat } from './render-chat.ts';
