import { Worker } from 'node:worker_threads';
import type { CheckpointReport, CheckpointWorkerData } from './sqlite-checkpoint-messages';

/**
 * How often the thread checkpoints. At a hundred notifications a second with webhooks out, the WAL grows by about
 * 6,000 pages (24 MB) a second; a quarter of a second keeps each checkpoint's copy and fsync small. With nothing new
 * in the WAL a checkpoint costs about 0.1 ms.
 */
export const SQLITE_CHECKPOINT_INTERVAL_MS = 250;

export type SqliteCheckpointThread = {
  /** The last outcome the worker reported; null before the first. */
  lastReport(): CheckpointReport | null;
  close(): Promise<void>;
};

/**
 * Checkpoints the SQLite file at `filePath` on a thread of its own. A commit that takes the WAL past the connections'
 * wal_autocheckpoint mark (sqlite-pragmas.ts) copies the WAL into the database file and fsyncs both, inside that
 * commit: on the ingest bench that was a 70–100 ms stall of the envelope writer about once a second, which every
 * notification arriving meanwhile waited out (p99 at 100 notifications a second: 60–90 ms). Checkpointed from here,
 * the WAL rarely reaches that mark, and when it does little is left to copy. The mark stays as the fallback if this
 * thread stops.
 */
export function startSqliteCheckpointThread(
  filePath: string,
  options: { intervalMs?: number; execArgv?: string[] } = {},
): SqliteCheckpointThread {
  const workerData: CheckpointWorkerData = {
    filePath,
    intervalMs: options.intervalMs ?? SQLITE_CHECKPOINT_INTERVAL_MS,
  };
  // A path from the project's directory, as for the envelope writer's thread (see envelope-writer-thread.ts).
  const worker = new Worker('./app/lib/db/sqlite-checkpoint-worker.ts', {
    workerData,
    execArgv: options.execArgv,
    resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 },
  });
  // Checkpoints are upkeep: they must not keep the process alive.
  worker.unref();
  let last: CheckpointReport | null = null;
  // The worker reports an outcome only when it differs from the one before (a failure once per cause).
  worker.on('message', (report: CheckpointReport) => {
    last = report;
    if ('error' in report) console.error(`SQLite checkpoint failed (commits checkpoint instead): ${report.error}`);
  });
  worker.on('error', (error) =>
    console.error('The SQLite checkpoint thread stopped (commits checkpoint instead):', error),
  );
  return {
    lastReport: () => last,
    close: async () => {
      await worker.terminate();
    },
  };
}
