/**
 * The sandbox every CLI test runs `jamun` in: a temporary folder, a copy of
 * the shipped `config/` (edited per test), a SQLite file of its own named by
 * DATABASE_URL, quiet logs, and the environment put back afterwards. `jamun`
 * runs the real command line in this process and asserts that nothing it
 * printed is a stack trace.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { ExitCode } from '../../src/cli/exit-codes.ts';
import { main } from '../../src/cli/main.ts';
import { captureOutput } from '../fakes/capture-output.ts';

/** What one run of `jamun` printed and returned. */
export interface CliRun {
  code: ExitCode;
  /** Stdout, lines joined. */
  out: string;
  /** Stderr, lines joined. */
  err: string;
  /** Stderr, line by line. */
  errLines: string[];
  /** The first line on stderr ('' when none): what tests assert. */
  firstErr: string;
}

/** A line of a stack trace (`    at fn (file:1:2)`): never printed by jamun. */
const STACK_LINE = /\n\s+at .+:\d+:\d+/;

/** Runs the CLI in this process with captured output; fails the test on a stack trace. */
export async function runJamun(...args: string[]): Promise<CliRun> {
  const c = captureOutput();
  const code = await main(['node', 'jamun', ...args], c.output);
  const all = [...c.out, ...c.err].join('\n');
  expect(all).not.toMatch(STACK_LINE);
  expect(all).not.toContain('panicked');
  return { code, out: c.out.join('\n'), err: c.err.join('\n'), errLines: c.err, firstErr: c.err[0] ?? '' };
}

export interface CliSandbox {
  /** The temporary folder (removed after the suite). */
  readonly dir: string;
  /** The sandbox's copy of `config/`. */
  readonly config: string;
  /** `file:<dir>/jamun.db`, set as DATABASE_URL for the suite. */
  readonly databaseUrl: string;
  /** Runs `jamun ARGS…`. */
  jamun(...args: string[]): Promise<CliRun>;
  /** Runs `jamun round --config <sandbox config> ARGS…`. */
  round(...args: string[]): Promise<CliRun>;
  /** Replaces the text of a file under the sandbox's config (e.g. `rounds/2024-1.yaml`). */
  edit(file: string, change: (text: string) => string): void;
  /**
   * A fresh copy of `config/` with one file changed (text, or raw bytes),
   * in a new folder of the sandbox; returns that folder.
   */
  configWith(file: string, change: (text: string) => string | Buffer): string;
}

/** Options of a sandbox. */
interface SandboxOptions {
  /** Prefix of the temporary folder's name. */
  prefix?: string;
  /** Applied to the sandbox's config once, before the suite (e.g. move the round's window). */
  prepare?: (sandbox: CliSandbox) => void;
}

/** The shipped round's window moved far into the future, so it can be opened. */
export function futureWindow(text: string): string {
  return text
    .replace(/opens: \d{4}-\d{2}-\d{2} \d{2}:\d{2}/, 'opens: 2099-02-09 09:00')
    .replace(/closes: \d{4}-\d{2}-\d{2} \d{2}:\d{2}/, 'closes: 2099-02-13 18:00');
}

/** The seed round's file, relative to a config folder. */
export const SEED_ROUND_FILE = path.join('rounds', '2024-1.yaml');
/** The seed committee's file, relative to a config folder. */
export const SEED_COMMITTEE_FILE = path.join('committees', 'regional-coprosperity.yaml');

/**
 * Registers the sandbox for the enclosing `describe`: created before its
 * tests, removed (and the environment restored) after them.
 */
export function useCliSandbox(options: SandboxOptions = {}): CliSandbox {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, LOG_LEVEL: process.env.LOG_LEVEL };
  let dir = '';
  let copies = 0;
  const sandbox: CliSandbox = {
    get dir() {
      return dir;
    },
    get config() {
      return path.join(dir, 'config');
    },
    get databaseUrl() {
      return `file:${path.join(dir, 'jamun.db')}`;
    },
    jamun: runJamun,
    round: (...args) => runJamun('round', '--config', sandbox.config, ...args),
    edit(file, change) {
      const target = path.join(sandbox.config, file);
      writeFileSync(target, change(readFileSync(target, 'utf8')));
    },
    configWith(file, change) {
      copies += 1;
      const copy = path.join(dir, `config-${copies}`);
      cpSync('config', copy, { recursive: true });
      const target = path.join(copy, file);
      writeFileSync(target, change(readFileSync(target, 'utf8')));
      return copy;
    },
  };
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), options.prefix ?? 'jamun-cli-'));
    cpSync('config', sandbox.config, { recursive: true });
    process.env.DATABASE_URL = sandbox.databaseUrl;
    process.env.LOG_LEVEL = 'silent';
    options.prepare?.(sandbox);
  });
  afterAll(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    rmSync(dir, { recursive: true, force: true });
  });
  return sandbox;
}
