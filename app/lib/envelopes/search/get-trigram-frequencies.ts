import 'server-only';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Prisma } from '@/app/generated/prisma/sqlite/client';
import { prisma } from '@/app/lib/db/prisma';
import { TrigramCounter, type TrigramFrequencies } from './trigram-frequencies';

/** The newest envelopes stand for what is searched: their texts are the sample. */
export const SAMPLE_ENVELOPES = 1_000;
/** The start of a search text holds the envelope id, recipients and custom values; the rest adds little. */
const SAMPLE_CHARS = 1_000;
const TEXTS_BETWEEN_YIELDS = 20;
/** How long a sample serves; an older one still serves while the next is read. */
export const SAMPLE_FRESH_MS = 10 * 60 * 1000;

// Module state, like the Prisma client: one per server process.
let sample: { frequencies: TrigramFrequencies; readAt: number } | null = null;
let reading: Promise<TrigramFrequencies> | null = null;

/**
 * How often each trigram occurs in the newest envelopes' search texts. Read at the first search (tens of milliseconds)
 * and again in the background once the sample is ten minutes old, so a search waits for it at most once. Null when
 * it cannot be read: the search then goes without (see chooseIndexedPart), and the next one tries again.
 */
export async function getTrigramFrequencies(): Promise<TrigramFrequencies | null> {
  if (sample && Date.now() - sample.readAt < SAMPLE_FRESH_MS) return sample.frequencies;
  const next = (reading ??= readSample().finally(() => {
    reading = null;
  }));
  const frequencies = next.catch(() => null);
  return sample ? sample.frequencies : frequencies;
}

async function readSample(): Promise<TrigramFrequencies> {
  const rows = await prisma.$queryRaw<{ text: string }[]>`
    SELECT substr("searchText", 1, ${Prisma.raw(String(SAMPLE_CHARS))}) AS "text" FROM "Envelope"
    ORDER BY "lastEventAt" DESC, "id" DESC LIMIT ${SAMPLE_ENVELOPES}`;
  // Notifications wait behind this thread's work: a few milliseconds at a time, not the whole sample at once.
  const counter = new TrigramCounter();
  for (const [index, row] of rows.entries()) {
    counter.add(row.text);
    if (index % TEXTS_BETWEEN_YIELDS === TEXTS_BETWEEN_YIELDS - 1) await yieldToEventLoop();
  }
  const frequencies = counter.result();
  sample = { frequencies, readAt: Date.now() };
  return frequencies;
}

/** For tests: the next search reads a new sample. */
export function forgetTrigramFrequencies(): void {
  sample = null;
}
