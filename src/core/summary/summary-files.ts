/**
 * The summary's Markdown and CSV as files on disk, for a post to upload: a
 * round of 500 members × 20 answers of 1,500 characters makes ~80 MB of
 * them, which are written chunk by chunk and never held in memory (the
 * platform clients read each from its path as they upload it).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DiskFile } from '../ports/messenger.ts';
import type { CompiledSummary } from '../summary-model.ts';
import { writeSummaryCsvFile } from './render-csv.ts';
import { writeSummaryMarkdownFile } from './render-markdown.ts';

/** The media type of each export format. */
export const SUMMARY_MIME = {
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
} as const;

/** The name of the summary's file in a format: `jamun-<round>.<format>`. */
export function summaryFileName(summary: CompiledSummary, format: keyof typeof SUMMARY_MIME): string {
  return `jamun-${summary.roundId}.${format}`;
}

/** Writes the summary's Markdown (staff's document) and CSV into `folder`. */
async function writeSummaryFiles(summary: CompiledSummary, folder: string): Promise<DiskFile[]> {
  const md = join(folder, summaryFileName(summary, 'md'));
  const csv = join(folder, summaryFileName(summary, 'csv'));
  return [
    {
      name: summaryFileName(summary, 'md'),
      mimeType: SUMMARY_MIME.md,
      path: md,
      size: await writeSummaryMarkdownFile(summary, { audience: 'staff' }, md),
    },
    {
      name: summaryFileName(summary, 'csv'),
      mimeType: SUMMARY_MIME.csv,
      path: csv,
      size: await writeSummaryCsvFile(summary, csv),
    },
  ];
}

/**
 * Runs `use` with the summary's files written into a fresh temporary
 * folder, and deletes the folder afterwards, whatever `use` does.
 */
export async function withSummaryFiles<T>(
  summary: CompiledSummary,
  use: (files: DiskFile[]) => Promise<T>,
): Promise<T> {
  const folder = await mkdtemp(join(tmpdir(), 'jamun-summary-'));
  try {
    return await use(await writeSummaryFiles(summary, folder));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
