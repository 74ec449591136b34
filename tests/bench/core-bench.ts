/**
 * Core figures: compiling the summary of a large synthetic round, and
 * recording answer saves through the core into SQLite. Reports, never asserts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createMemoryStore } from '../../src/adapters/memory/memory-store.ts';
import { createPrismaStore } from '../../src/adapters/prisma/prisma-store.ts';
import { createJamunApp } from '../../src/core/app/create-app.ts';
import { syntheticCommittee, syntheticRound } from './synthetic-round.ts';
import { ManualClock } from '../../src/core/ports/clock.ts';
import { silentLogger } from '../../src/core/ports/logger.ts';

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
