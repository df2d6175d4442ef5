import { describe, expect, it, vi } from 'vitest';
import type { Job } from './apply-notifications';
import type { EnvelopeWriter, StoredBatch } from './envelope-writer';
import { ingestJob } from '@/app/testing/ingest-job';

// The ingest queue with a writer that stores nothing and answers when told: which notifications share a batch, how
// many batches are in flight, and in which order one envelope's notifications reach the writer.

type Call = { envelopeIds: string[]; finish: () => void };
const calls: Call[] = [];
let inFlight = 0;
let mostInFlight = 0;

const writer: EnvelopeWriter = {
  concurrentBatches: 2,
  maxBatchSize: 100,
  isRetryable: () => false,
  storeBatch: (jobs: Job[]) =>
    new Promise<StoredBatch>((resolve) => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      const results = jobs.map(() => ({ duplicate: false }) as unknown as StoredBatch['results'][number]);
      calls.push({
        envelopeIds: jobs.map((job) => job.notification.envelopeId),
        finish: () => {
          inFlight -= 1;
          resolve({ results, transitions: [] });
        },
      });
    }),
};
vi.mock('./envelope-writer', () => ({ getEnvelopeWriter: () => writer }));

const { ingestNotification } = await import('./ingest-notification');

function notify(envelopeId: string, action: string) {
  // The queue gives each notification its delivery id.
  const { delivery, notification } = ingestJob('hook', envelopeId, action);
  return ingestNotification({ delivery, notification });
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the ingest queue', () => {
  it('stores two batches at once, never with the same envelope, each envelope in arrival order', async () => {
    const answers = [notify('a', 'sendSignNotification'), notify('b', 'sendSignNotification')];
    await settle();
    // The first batch took both; what arrives meanwhile waits or goes into a second batch.
    expect(calls.map((call) => call.envelopeIds)).toEqual([['a', 'b']]);
    answers.push(notify('a', 'workstepOpened'), notify('c', 'sendSignNotification'), notify('a', 'workstepFinished'));
    await settle();
    // "a" is in the first batch, so its later notifications wait; "c" goes at once, beside it.
    expect(calls.map((call) => call.envelopeIds)).toEqual([['a', 'b'], ['c']]);
    expect(mostInFlight).toBe(2);

    calls[0]!.finish();
    await settle();
    await settle();
    expect(calls.map((call) => call.envelopeIds)).toEqual([['a', 'b'], ['c'], ['a', 'a']]);
    calls[1]!.finish();
    calls[2]!.finish();
    await Promise.all(answers);
    expect(inFlight).toBe(0);
  });
});
