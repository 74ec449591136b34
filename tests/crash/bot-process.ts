/**
 * `jamun start` as the crash trials run it: a child process whose log (stderr,
 * JSON lines written synchronously by pino) goes to a file, so a trial that
 * has frozen the bot with SIGSTOP can read, at that instant, every line it
 * wrote; stdout is piped for "jamun is running".
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { cleanEnv } from '../fakes/run-cli.ts';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A running (or ended) `jamun start`. */
export interface BotProcess {
  /** Everything written to stdout so far. */
  stdout(): string;
  /** The log so far (read from its file now). */
  log(): string;
  /** Resolves once stdout contains `text`; rejects if the bot exits first or time runs out. */
  waitForStdout(text: string, timeoutMs: number): Promise<void>;
  /** The process id while it runs. */
  readonly pid: number | undefined;
  /** Sends a signal (SIGSTOP, SIGCONT) without waiting. */
  signal(signal: NodeJS.Signals): void;
  /** SIGKILL if it still runs, and waits for the exit. */
  kill(): Promise<void>;
}

/** Starts `jamun start` with exactly `variables` (plus PATH and HOME), logging to `logFile`. */
export function startBot(variables: Record<string, string>, logFile: string): BotProcess {
  const logFd = openSync(logFile, 'a');
  const child = spawn(process.execPath, ['src/cli/bin.mjs', 'start'], {
    cwd: REPO_ROOT,
    env: cleanEnv(variables),
    stdio: ['ignore', 'pipe', logFd],
  });
  closeSync(logFd);
  let out = '';
  let ended = false;
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
  });
  const exited = new Promise<void>((resolve) => {
    child.once('close', () => {
      ended = true;
      resolve();
    });
  });
  const log = (): string => readFileSync(logFile, 'utf8');
  return {
    stdout: () => out,
    log,
    async waitForStdout(text, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (!out.includes(text)) {
        if (ended) throw new Error(`jamun exited before printing "${text}"\n${out}\n${log().slice(-3000)}`);
        if (Date.now() > deadline)
          throw new Error(`timed out after ${timeoutMs} ms waiting for "${text}"\n${out}\n${log().slice(-3000)}`);
        await sleep(20);
      }
    },
    get pid() {
      return ended ? undefined : child.pid;
    },
    signal(signal) {
      if (!ended) child.kill(signal);
    },
    async kill() {
      if (ended) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
