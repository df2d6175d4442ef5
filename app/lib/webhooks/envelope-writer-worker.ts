import { parentPort, workerData } from 'node:worker_threads';
import type { DatabaseConfig } from '@/app/lib/db/database-config';
import { createEnvelopeWriterForDatabase } from './create-envelope-writer-for-database';
import type { WriterReply, WriterRequest } from './envelope-writer-messages';

// The worker thread that stores the server's notification batches (envelope-writer-thread.ts starts it): the batch's
// lifecycle work and its SQL run here, beside the thread that answers requests, not on it.

const port = parentPort;
if (!port) throw new Error('envelope-writer-worker.ts runs as a worker thread (envelope-writer-thread.ts starts it).');
const writer = createEnvelopeWriterForDatabase(workerData as DatabaseConfig);

port.on('message', async ({ id, jobs }: WriterRequest) => {
  let reply: WriterReply;
  try {
    reply = { id, stored: await writer.storeBatch(jobs) };
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    reply = {
      id,
      failure: { message: failure.message, stack: failure.stack ?? null, retryable: writer.isRetryable(error) },
    };
  }
  port.postMessage(reply);
});
