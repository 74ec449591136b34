/** Summary compilation figures, measured in a child process. Reports, never asserts. */
import { execFile } from 'node:child_process';
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
