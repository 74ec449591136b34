/**
 * The summary's Markdown and CSV written to disk chunk by chunk, for a post
 * to upload from there: the same bytes as the export files built in memory,
 * and the folder gone after the post, whatever happened in it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportFile } from '../../../src/core/app/summary-service.ts';
import type { DiskFile } from '../../../src/core/ports/messenger.ts';
import { compileSummary } from '../../../src/core/summary/compile-summary.ts';
import { encodeLines, writeLines } from '../../../src/core/summary/encode-lines.ts';
import { withSummaryFiles } from '../../../src/core/summary/summary-files.ts';
import { answer, committee, member, reportInput, submitted } from './builders.ts';
import { richInput } from './rich-input.ts';

const folder = mkdtempSync(join(tmpdir(), 'jamun-summary-files-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('writeLines', () => {
  it('GIVEN Hangul lines, one of them longer than a write chunk, a separator and a prefix THEN the file holds the bytes encodeLines gives and its size is resolved', async () => {
    const lines = ['첫 줄', '가'.repeat(700_000), '', '마지막 줄 ✓'];
    const options = { separator: '\r\n', prefix: Buffer.from([0xef, 0xbb, 0xbf]) };
    const path = join(folder, 'lines.txt');
    const size = await writeLines(path, lines, options);
    const written = readFileSync(path);
    expect(written.equals(encodeLines(() => lines, options))).toBe(true);
    expect(size).toBe(written.length);
  });

  it('GIVEN lines that fill several write chunks THEN none is lost or doubled at the chunk edges', async () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => `${i}번째 줄의 의견`);
    const path = join(folder, 'many.txt');
    const size = await writeLines(path, lines, { separator: '\n' });
    expect(size).toBeGreaterThan(2 * 1024 * 1024);
    expect(readFileSync(path, 'utf8').split('\n')).toEqual(lines);
  });

  it('GIVEN no lines THEN the file holds only the prefix', async () => {
    const path = join(folder, 'empty.txt');
    expect(await writeLines(path, [], { separator: '\n', prefix: Buffer.from('BOM') })).toBe(3);
    expect(readFileSync(path, 'utf8')).toBe('BOM');
  });
});

describe('withSummaryFiles', () => {
  it('GIVEN a summary THEN the Markdown and the CSV on disk are the export files byte for byte, named and typed alike, and deleted afterwards', async () => {
    const summary = compileSummary(richInput());
    const seen = await withSummaryFiles(summary, async (files) => {
      const expected = [exportFile(summary, 'md'), exportFile(summary, 'csv')];
      expect(files.map((f) => [f.name, f.mimeType, f.size])).toEqual(
        expected.map((f) => [f.name, f.mimeType, f.content.length]),
      );
      for (const [i, file] of files.entries()) expect(readFileSync(file.path).equals(expected[i]!.content)).toBe(true);
      return files;
    });
    expect(seen.map((f) => existsSync(f.path))).toEqual([false, false]);
    expect(existsSync(dirname(seen[0]!.path))).toBe(false);
  });

  it('GIVEN one answer of 150,000 lines THEN both files are written whole', async () => {
    const text = Array.from({ length: 150_000 }, (_, i) => `줄 ${i}`).join('\n');
    const summary = compileSummary({
      ...reportInput(),
      committee: committee([member('m1', '강도영')]),
      invitations: [submitted('m1', 0)],
      answers: [answer('m1', '1.1', text)],
    });
    await withSummaryFiles(summary, async ([md, csv]) => {
      expect(readFileSync(md!.path, 'utf8')).toContain('\n  줄 149999\n');
      expect(readFileSync(csv!.path, 'utf8')).toContain('\n줄 149999"\r\n');
    });
  });

  it('GIVEN the post throws THEN the error comes through and the folder is deleted all the same', async () => {
    let given: DiskFile[] = [];
    const post = withSummaryFiles(compileSummary(reportInput()), async (files) => {
      given = files;
      throw new Error('upload failed');
    });
    await expect(post).rejects.toThrow('upload failed');
    expect(given).toHaveLength(2);
    expect(existsSync(dirname(given[0]!.path))).toBe(false);
  });
});
