// The worker thread of wal-checkpointer.ts: its own connection to the
// database, which copies the write-ahead log into the database file when
// asked: PASSIVE (never waits for, nor blocks, the bot's connection) or
// TRUNCATE (once writes have calmed down: empties the log file, holding off
// the bot's writes while it does). Plain JavaScript so it loads the same
// from the sources and from the bundle.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.file, { fileMustExist: true });
// TRUNCATE waits for a write of the bot's in progress (milliseconds) rather than failing at once.
db.pragma('busy_timeout = 1000');

parentPort.on('message', ({ id, mode }) => {
  try {
    const [result] = db.pragma(mode === 'TRUNCATE' ? 'wal_checkpoint(TRUNCATE)' : 'wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ id, busy: result.busy, log: result.log, checkpointed: result.checkpointed });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
