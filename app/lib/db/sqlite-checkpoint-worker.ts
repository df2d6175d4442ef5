import { parentPort, workerData } from 'node:worker_threads';
import Sqlite from 'better-sqlite3';
import type { CheckpointReport, CheckpointWorkerData } from './sqlite-checkpoint-messages';

// The worker thread that copies the SQLite WAL into the database file (sqlite-checkpoint-thread.ts starts it), so
// that the copy and its fsync run beside the writers, not inside one of their commits.

const port = parentPort;
if (!port)
  throw new Error('sqlite-checkpoint-worker.ts runs as a worker thread (sqlite-checkpoint-thread.ts starts it).');
const { filePath, intervalMs } = workerData as CheckpointWorkerData;

let database: Sqlite.Database | null = null;

function open(): Sqlite.Database {
  // timeout 0: a checkpoint that would have to wait is skipped; the next one comes a moment later.
  const opened = new Sqlite(filePath, { timeout: 0, fileMustExist: true });
  try {
    opened.pragma('synchronous = NORMAL');
    // This connection only checkpoints: it never commits, so it would never checkpoint on its own anyway.
    opened.pragma('wal_autocheckpoint = 0');
    return opened;
  } catch (error) {
    opened.close();
    throw error;
  }
}

let lastPosted = '';

setInterval(() => {
  let report: CheckpointReport;
  try {
    // Opened in the round rather than once: a file that cannot be opened yet is tried again in the next one.
    database ??= open();
    // PASSIVE: copies what no reader still needs and never waits for the writers, which go on appending meanwhile.
    const [result] = database.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
    report = { walFrames: result?.log ?? 0, checkpointedFrames: result?.checkpointed ?? 0 };
  } catch (error) {
    report = { error: error instanceof Error ? error.message : String(error) };
  }
  // Only a changed outcome: an idle server's thread is not woken four times a second, and a failure that keeps
  // failing for the same reason is said once.
  const posted = JSON.stringify(report);
  if (posted !== lastPosted) port.postMessage(report);
  lastPosted = posted;
}, intervalMs);
