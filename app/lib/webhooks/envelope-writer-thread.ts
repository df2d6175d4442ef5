import { Worker } from 'node:worker_threads';
import type { DatabaseConfig } from '@/app/lib/db/database-config';
import type { EnvelopeWriter, StoredBatch } from './envelope-writer';
import type { WriterReply, WriterRequest } from './envelope-writer-messages';

/** A batch that failed on the writer's thread, with what that thread knew of the failure. */
export class EnvelopeWriterThreadError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    stack: string | null,
  ) {
    super(message);
    this.name = 'EnvelopeWriterThreadError';
    if (stack) this.stack = stack;
  }
}

export type EnvelopeWriterThreadOptions = Pick<EnvelopeWriter, 'concurrentBatches' | 'maxBatchSize'> & {
  /** Node.js options of the thread: tests run its TypeScript source through tsx, a production build has it bundled. */
  execArgv?: string[];
};

// The writer's own heap, apart from the server's (whose limit `npm start` sets): a batch is at most twelve notifications
// of at most 64 KiB, and lives for milliseconds.
const THREAD_RESOURCE_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 };

/**
 * A writer whose batches are stored on a worker thread of its own (envelope-writer-worker.ts), started on first use
 * and again after it died (its batches in flight then fail, and their senders retry).
 */
export function createEnvelopeWriterThread(
  config: DatabaseConfig,
  options: EnvelopeWriterThreadOptions,
): EnvelopeWriter & { close(): Promise<void> } {
  let worker: Worker | undefined;
  let nextRequestId = 1;
  const pending = new Map<number, { resolve: (stored: StoredBatch) => void; reject: (error: Error) => void }>();

  const start = () => {
    // A path from the project's directory, which is where `npm start` runs: Turbopack bundles the worker's entry from
    // this form (and Node.js resolves it from the working directory when tests run the source).
    const started = new Worker('./app/lib/webhooks/envelope-writer-worker.ts', {
      workerData: config,
      execArgv: options.execArgv,
      resourceLimits: THREAD_RESOURCE_LIMITS,
    });
    // Batches in flight hold their requests open, which the graceful shutdown waits for; an idle writer must not keep
    // the process alive.
    started.unref();
    started.on('message', (reply: WriterReply) => {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if ('stored' in reply) waiting.resolve(reply.stored);
      else {
        const { message, retryable, stack } = reply.failure;
        waiting.reject(new EnvelopeWriterThreadError(message, retryable, stack));
      }
    });
    const stopped = (error: Error) => {
      if (worker === started) worker = undefined;
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    };
    started.on('error', stopped);
    started.on('exit', (code) => stopped(new Error(`The envelope writer's thread stopped (exit code ${code}).`)));
    return started;
  };

  return {
    storeBatch: (jobs) =>
      new Promise<StoredBatch>((resolve, reject) => {
        const request: WriterRequest = { id: nextRequestId++, jobs };
        pending.set(request.id, { resolve, reject });
        (worker ??= start()).postMessage(request);
      }),
    isRetryable: (error) => error instanceof EnvelopeWriterThreadError && error.retryable,
    concurrentBatches: options.concurrentBatches,
    maxBatchSize: options.maxBatchSize,
    close: async () => {
      const running = worker;
      worker = undefined;
      await running?.terminate();
    },
  };
}
