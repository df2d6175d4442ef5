import { afterAll, describe, expect, it } from 'vitest';
import { getDatabaseConfig } from '@/app/lib/db/database-config';
import { ingestJob as job } from '@/app/testing/ingest-job';
import { createTestHook, getEnvelopeRow, uniqueEnvelopeId } from '@/app/testing/webhook-test-helpers';
import type { Job } from './apply-notifications';
import { createEnvelopeWriterForDatabase } from './create-envelope-writer-for-database';
import { createEnvelopeWriterThread, EnvelopeWriterThreadError } from './envelope-writer-thread';

// The server stores its SQLite batches on a thread of its own (envelope-writer.ts). These tests run that thread on
// the TypeScript source through tsx, as the app's scripts run, on whichever database the project tests.

const thread = createEnvelopeWriterThread(getDatabaseConfig(), {
  concurrentBatches: 4,
  maxBatchSize: 12,
  execArgv: ['--import', 'tsx', '--conditions=react-server'],
});
const callingThread = createEnvelopeWriterForDatabase(getDatabaseConfig());

afterAll(() => thread.close());

/** One envelope's life, two recipients signing in turn, with a repeated open that must count as a duplicate. */
function signingFlow(hookId: string, envelopeId: string): Job[] {
  const first = { recipientOrder: 1, recipientEmail: 'a@example.com' };
  const second = { recipientOrder: 2, recipientEmail: 'b@example.com' };
  return [
    job(hookId, envelopeId, 'sendSignNotification', first),
    job(hookId, envelopeId, 'workstepOpened', first),
    job(hookId, envelopeId, 'workstepOpened', first),
    job(hookId, envelopeId, 'workstepFinished', first),
    job(hookId, envelopeId, 'sendSignNotification', second),
    job(hookId, envelopeId, 'workstepFinished', second),
    job(hookId, envelopeId, 'envelopeFinished', { isFinishCallback: true }),
  ];
}

/** What an envelope holds, without what differs between two envelopes stored alike (ids, times). */
async function storedLife(envelopeId: string) {
  const envelope = await getEnvelopeRow(envelopeId);
  return {
    status: envelope?.status,
    signedCount: envelope?.signedCount,
    eventCount: envelope?.eventCount,
    events: envelope?.events.map((event) => [event.action, event.duplicateCount]),
    recipients: envelope?.recipients.map((recipient) => [
      recipient.email,
      recipient.finishedAt !== null,
      recipient.openCount,
    ]),
  };
}

describe('the envelope writer on a thread of its own', () => {
  it('stores a batch as the writer on the calling thread does, with the same answers', async () => {
    const hook = await createTestHook('writer thread');
    const [onThread, onCallingThread] = [uniqueEnvelopeId(), uniqueEnvelopeId()];

    const threadResults = (await thread.storeBatch(signingFlow(hook.id, onThread))).results;
    const callingThreadResults = (await callingThread.storeBatch(signingFlow(hook.id, onCallingThread))).results;

    const answers = (results: typeof threadResults) =>
      results.map(({ duplicate, status, isNewFinishCallback, awaitsConfirmation }) => ({
        duplicate,
        status,
        isNewFinishCallback,
        awaitsConfirmation,
      }));
    expect(answers(threadResults)).toEqual(answers(callingThreadResults));
    expect(threadResults.map((result) => result.duplicate)).toContain(true);
    expect(await storedLife(onThread)).toEqual(await storedLife(onCallingThread));
    expect((await storedLife(onThread)).status).toBe('completed');
  });

  it('stores the batches sent to it at once, each envelope in the order of its notifications', async () => {
    const hook = await createTestHook('writer thread, batches at once');
    const envelopeIds = Array.from({ length: 4 }, () => uniqueEnvelopeId());

    const stored = await Promise.all(
      envelopeIds.map((envelopeId) => thread.storeBatch(signingFlow(hook.id, envelopeId))),
    );

    expect(stored.map((batch) => batch.results.at(-1)?.status)).toEqual(envelopeIds.map(() => 'completed'));
    for (const envelopeId of envelopeIds) {
      expect((await storedLife(envelopeId)).events?.map(([action]) => action)).toEqual([
        'sendSignNotification',
        'workstepOpened',
        'workstepFinished',
        'sendSignNotification',
        'workstepFinished',
        'envelopeFinished',
      ]);
    }
  });

  it('fails a batch the database refuses, retryable exactly when the calling thread’s writer would retry it', async () => {
    const hook = await createTestHook('writer thread, refused batch');
    const notification = job(hook.id, uniqueEnvelopeId(), 'sendSignNotification');
    await thread.storeBatch([notification]);

    // The same delivery id again: the delivery log's key refuses it.
    const onThread = await thread.storeBatch([notification]).catch((error: unknown) => error);
    const onCallingThread = await callingThread.storeBatch([notification]).catch((error: unknown) => error);

    expect(onThread).toBeInstanceOf(EnvelopeWriterThreadError);
    expect((onThread as Error).message).toBe((onCallingThread as Error).message);
    expect(thread.isRetryable(onThread)).toBe(callingThread.isRetryable(onCallingThread));
  });

  it('starts a new thread for the next batch after its thread stopped', async () => {
    const hook = await createTestHook('writer thread, restarted');
    const envelopeId = uniqueEnvelopeId();
    await thread.storeBatch([job(hook.id, envelopeId, 'sendSignNotification')]);

    await thread.close();
    const stored = await thread.storeBatch([job(hook.id, envelopeId, 'workstepOpened')]);

    expect(stored.results[0]?.duplicate).toBe(false);
    expect((await storedLife(envelopeId)).events).toHaveLength(2);
  });
});
