/** What sqlite-checkpoint-thread.ts hands the checkpoint worker. */
export type CheckpointWorkerData = { filePath: string; intervalMs: number };

/** The outcome of one checkpoint: frames in the WAL and how many of them are in the database file now, or why not. */
export type CheckpointReport = { walFrames: number; checkpointedFrames: number } | { error: string };
