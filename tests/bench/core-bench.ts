/** Summary compilation figures, measured in a child process. Reports, never asserts. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);

/**
 * Compiles and renders the summary in a child process that loads only the
 * summary code, so its peak RSS is the cost of the summary itself and not of
 * the platform libraries this process has loaded.
 */
export async function runCompileBench(
  members = 500,
  questions = 20,
  answerChars = 1500,
): Promise<Record<string, number | string>> {
  const worker = fileURLToPath(new URL('./compile-summary-worker.ts', import.meta.url));
  const { stdout } = await run(process.execPath, [
    '--import',
    'tsx',
    worker,
    String(members),
    String(questions),
    String(answerChars),
  ]);
  return JSON.parse(stdout) as Record<string, number | string>;
}

/**
 * The summary through the production path, in two child processes: one fills a SQLite database with a closed round
 * (every member submitted every answer), a fresh one reads it and posts the summary; its peak RSS is the figure.
 */
export async function runSummaryStoreBench(
  members = 500,
  questions = 20,
  answerChars = 1500,
): Promise<Record<string, number | string>> {
  const worker = fileURLToPath(new URL('./summary-store-worker.ts', import.meta.url));
  const dir = mkdtempSync(path.join(tmpdir(), 'jamun-summary-bench-'));
  const database = path.join(dir, 'summary.db');
  const sizes = [String(members), String(questions), String(answerChars)];
  try {
    await run(process.execPath, ['--import', 'tsx', worker, 'fill', database, ...sizes]);
    const { stdout } = await run(process.execPath, ['--import', 'tsx', worker, 'post', database, ...sizes]);
    return JSON.parse(stdout) as Record<string, number | string>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
