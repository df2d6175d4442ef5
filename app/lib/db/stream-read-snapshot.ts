import 'server-only';
import type { Transaction } from './create-prisma-client';
import { withReadSnapshot } from './read-snapshot';

/** Thrown into the reader when its consumer stopped early (a download cancelled): the snapshot is let go. */
class ConsumerStopped extends Error {}

/**
 * What `read` hands to `emit`, one batch at a time, read in one snapshot (withReadSnapshot) and only as fast as the
 * consumer asks: the reader waits after each batch until the next is asked for, so a slow download holds back the
 * reads instead of piling batches up in memory. Ending the loop early (break, return, a thrown error) ends the
 * snapshot.
 */
export async function* streamReadSnapshot<T>(
  read: (db: Transaction, emit: (batch: T) => Promise<void>) => Promise<void>,
): AsyncGenerator<T> {
  let ready: T[] = [];
  let finished = false;
  let failure: unknown = null;
  let stopped = false;
  // Who waits for whom: the consumer for a batch (or the end), the reader for the consumer to ask for more.
  const waiting: { consumer: (() => void) | null; reader: (() => void) | null } = { consumer: null, reader: null };
  const wakeConsumer = () => {
    waiting.consumer?.();
    waiting.consumer = null;
  };
  const wakeReader = () => {
    waiting.reader?.();
    waiting.reader = null;
  };

  const emit = async (batch: T) => {
    if (stopped) throw new ConsumerStopped();
    ready.push(batch);
    wakeConsumer();
    await new Promise<void>((resolve) => (waiting.reader = resolve));
    if (stopped) throw new ConsumerStopped();
  };
  const reading = withReadSnapshot((db) => read(db, emit)).then(
    () => undefined,
    (error: unknown) => {
      if (!(error instanceof ConsumerStopped)) failure = error;
    },
  );
  void reading.finally(() => {
    finished = true;
    wakeConsumer();
  });

  try {
    for (;;) {
      if (ready.length > 0) {
        const batches = ready;
        ready = [];
        for (const batch of batches) yield batch;
        // Asked for more: the reader goes on.
        wakeReader();
        continue;
      }
      if (finished) {
        if (failure) throw failure;
        return;
      }
      await new Promise<void>((resolve) => (waiting.consumer = resolve));
    }
  } finally {
    stopped = true;
    wakeReader();
    await reading;
  }
}
