/**
 * SQLite's checkpoints off the event loop. In WAL mode every commit appends
 * to the write-ahead log, and the connection that commits past
 * `wal_autocheckpoint` pages copies the log into the database file and
 * syncs both to disk, synchronously: during a 10,000-member fan-out these
 * checkpoints held the event loop for 50–85 ms each, waiting for the disk
 * rather than using the CPU, and set the loop's p99 (51 ms; 11 ms without).
 *
 * The bot's connection checkpoints only as a backstop (BACKSTOP_PAGES). A
 * timer looks at the log file (an asynchronous stat); once it is past a
 * threshold, a worker thread with its own connection copies it with PASSIVE
 * checkpoints, which neither wait for nor block the bot's reads and writes,
 * at every poll that finds the log written to. When writes have calmed down
 * (a while after the worker started, the log short again) the worker empties
 * the log file (TRUNCATE: it holds off the bot's writes for the few
 * milliseconds that takes) and stops, so an idle bot has no second thread
 * (about 12 MB) and its log file starts from nothing again. Truncating the
 * log at every restart instead (`journal_size_limit`) cost the bot's
 * connection 35–40 ms of `ftruncate` each time.
 */
import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';

/** Pages after which the bot's own connection checkpoints anyway (~80 MB of log), should the worker fail. */
export const BACKSTOP_PAGES = 20_000;

/** Bytes of log per page (4,096-byte pages and a 24-byte frame header). */
const FRAME_BYTES = 4_096 + 24;

/** What a checkpoint did: frames in the log and frames copied (equal when it copied all). */
export interface CheckpointResult {
  mode: CheckpointMode;
  busy: number;
  log: number;
  checkpointed: number;
}

type CheckpointMode = 'PASSIVE' | 'TRUNCATE';

/** When to checkpoint and how long to keep the worker. */
export interface CheckpointerOptions {
  /** Frames of log that start the worker, and below which it may stop (default 1,000, about 4 MB). */
  thresholdFrames?: number;
  /** How often the log file is looked at (default 1 s). */
  pollMs?: number;
  /** How long the worker runs at least once started (default 60 s). */
  keepWorkerMs?: number;
  /** Told of a failed checkpoint; the next poll tries again (and the backstop still holds). */
  onError?: (error: Error) => void;
}

interface WorkerReply {
  id: number;
  busy?: number;
  log?: number;
  checkpointed?: number;
  error?: string;
}

interface Waiting {
  mode: CheckpointMode;
  resolve: (result: CheckpointResult) => void;
  reject: (error: Error) => void;
}

/** Keeps the write-ahead log of the SQLite file `file` short from a worker thread. */
export class WalCheckpointer {
  readonly #file: string;
  readonly #thresholdFrames: number;
  readonly #pollMs: number;
  readonly #keepWorkerMs: number;
  readonly #onError: (error: Error) => void;
  #worker: Worker | null = null;
  #workerStartedAt = 0;
  #lastWriteMs = -1;
  #timer: NodeJS.Timeout | null = null;
  #busy = false;
  #closed = false;
  #nextId = 0;
  readonly #waiting = new Map<number, Waiting>();

  constructor(file: string, options: CheckpointerOptions = {}) {
    this.#file = file;
    this.#thresholdFrames = options.thresholdFrames ?? 1_000;
    this.#pollMs = options.pollMs ?? 1_000;
    this.#keepWorkerMs = options.keepWorkerMs ?? 60_000;
    this.#onError = options.onError ?? (() => {});
  }

  /** Whether the worker thread is running. */
  get workerRunning(): boolean {
    return this.#worker !== null;
  }

  /** Starts looking at the log every `pollMs` (the timer does not keep the process alive). */
  start(): void {
    if (this.#timer || this.#closed) return;
    this.#timer = setInterval(() => void this.poll(), this.#pollMs);
    this.#timer.unref();
  }

  /**
   * One look at the log: the checkpoint it led to, or null. Never throws: a failure goes to `onError`
   * and stops the worker (the next poll starts another).
   */
  async poll(now: number = Date.now()): Promise<CheckpointResult | null> {
    if (this.#busy || this.#closed) return null;
    this.#busy = true;
    try {
      const log = await stat(`${this.#file}-wal`).catch(() => null);
      if (this.#closed) return null; // closed while the stat was on its way: start no worker
      const written = log !== null && log.mtimeMs !== this.#lastWriteMs;
      this.#lastWriteMs = log?.mtimeMs ?? -1;
      if (!this.#worker) {
        if (log === null || log.size < this.#thresholdFrames * FRAME_BYTES) return null;
        this.#workerStartedAt = now;
        return await this.#checkpoint('PASSIVE');
      }
      const copied = written ? await this.#checkpoint('PASSIVE') : null;
      const calm = copied === null || copied.log < this.#thresholdFrames;
      if (!calm || now - this.#workerStartedAt < this.#keepWorkerMs) return copied;
      const emptied = await this.#checkpoint('TRUNCATE');
      await this.#stopWorker();
      return emptied;
    } catch (error) {
      this.#onError(error instanceof Error ? error : new Error(String(error)));
      await this.#stopWorker();
      return null;
    } finally {
      this.#busy = false;
    }
  }

  /** Stops the timer and the worker. */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#stopWorker();
  }

  #checkpoint(mode: CheckpointMode): Promise<CheckpointResult> {
    const worker = this.#startedWorker();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { mode, resolve, reject });
      worker.postMessage({ id, mode });
    });
  }

  #startedWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('./wal-checkpoint-worker.mjs', import.meta.url), {
      workerData: { file: this.#file },
      // Plain JavaScript: not the process's own flags (`--import tsx` under the sources loads a TypeScript
      // loader into the thread for nothing, 40 MB and its own loader thread).
      execArgv: [],
    });
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      const waiting = this.#waiting.get(reply.id);
      if (!waiting) return;
      this.#waiting.delete(reply.id);
      if (reply.error !== undefined) waiting.reject(new Error(`WAL checkpoint failed: ${reply.error}`));
      else
        waiting.resolve({
          mode: waiting.mode,
          busy: reply.busy ?? 0,
          log: reply.log ?? 0,
          checkpointed: reply.checkpointed ?? 0,
        });
    });
    const failAll = (error: Error): void => {
      for (const waiting of this.#waiting.values()) waiting.reject(error);
      this.#waiting.clear();
      if (this.#worker === worker) this.#worker = null;
    };
    worker.on('error', failAll);
    worker.on('exit', () => failAll(new Error('the WAL checkpoint worker stopped')));
    this.#worker = worker;
    return worker;
  }

  async #stopWorker(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    if (worker) await worker.terminate();
  }
}
