/**
 * Runs the real `jamun` command (`node src/cli/bin.mjs …`) as a child process
 * from the repository root, with an environment built from nothing but PATH,
 * HOME and the variables a test names, and collects what it prints.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root, the CLI's working directory. */
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** How the child ended. */
interface CliExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A running (or finished) CLI process. */
export interface CliProcess {
  /** Everything written to stdout so far. */
  stdout(): string;
  /** Everything written to stderr so far. */
  stderr(): string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<CliExit>;
  /**
   * Resolves once stdout contains `pattern`; rejects with the output so far if
   * the process exits first or `timeoutMs` passes.
   */
  waitForStdout(pattern: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Sends `signal` and returns at once (e.g. SIGHUP, which does not stop the bot). */
  signal(signal: NodeJS.Signals): void;
  /** Sends `signal` and resolves with the exit, or rejects after `timeoutMs`. */
  stop(signal: NodeJS.Signals, timeoutMs?: number): Promise<CliExit>;
  /** Kills the process if it still runs (SIGKILL) and waits for its exit; for cleanup. */
  kill(): Promise<void>;
}

/** PATH and HOME of this process plus `variables`, nothing else. */
export function cleanEnv(variables: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  if (process.env.PATH !== undefined) env.PATH = process.env.PATH;
  if (process.env.HOME !== undefined) env.HOME = process.env.HOME;
  return { ...env, ...variables };
}

const matches = (text: string, pattern: string | RegExp): boolean =>
  typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);

/** Starts `jamun <args>` with exactly `env` as its environment. */
export function runCli(args: string[], env: NodeJS.ProcessEnv): CliProcess {
  const child: ChildProcess = spawn(process.execPath, ['src/cli/bin.mjs', ...args], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let exit: CliExit | undefined;
  const listeners = new Set<() => void>();
  const notify = (): void => {
    for (const listener of [...listeners]) listener();
  };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    notify();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
    notify();
  });
  // 'close' (not 'exit') so the output streams are fully read when it fires.
  const exited = new Promise<CliExit>((resolve) => {
    child.once('close', (code, signal) => {
      exit = { code, signal };
      resolve(exit);
      notify();
    });
  });
  const transcript = (): string => `\n--- stdout ---\n${out}\n--- stderr ---\n${err}`;

  /** Resolves when `done()` holds; rejects when the process ended or time ran out first. */
  const until = (done: () => boolean, what: string, timeoutMs: number, failOnExit: boolean): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (done()) finish();
        else if (failOnExit && exit)
          finish(new Error(`jamun exited (${JSON.stringify(exit)}) before ${what}${transcript()}`));
      };
      const timer = setTimeout(
        () => finish(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${transcript()}`)),
        timeoutMs,
      );
      const finish = (error?: Error): void => {
        clearTimeout(timer);
        listeners.delete(check);
        if (error) reject(error);
        else resolve();
      };
      listeners.add(check);
      check();
    });

  return {
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForStdout: (pattern, timeoutMs = 15_000) =>
      until(() => matches(out, pattern), `stdout to show ${String(pattern)}`, timeoutMs, true),
    signal(signal) {
      child.kill(signal);
    },
    async stop(signal, timeoutMs = 10_000) {
      child.kill(signal);
      await until(() => exit !== undefined, `exit after ${signal}`, timeoutMs, false);
      return exited;
    },
    async kill() {
      if (exit) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
