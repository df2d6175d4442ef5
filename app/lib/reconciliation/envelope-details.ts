import type { ProviderEnvelopeDetails } from '@/app/lib/signing/signing-provider';

// The envelope's name, sender and dates as the signing service describes them, turned into the Envelope row's columns.
// Pure: reconciliation and the first-sight read in the sweeper both write what this returns.

const NAME_CHARS = 500;
const SENDER_CHARS = 320;

export type EnvelopeDetailsColumns = {
  name: string | null;
  sentAt: Date | null;
  senderName: string | null;
  senderEmail: string | null;
  /** Left out when the expiry could not be read: the stored one stays. */
  expiresAt?: Date | null;
  detailsReadAt: Date;
};

/**
 * The columns to write after reading the envelope: every detail as the service said it now (a field it left out
 * becomes null, so a name removed at the service is removed here), the expiry only if its configuration was read
 * (`undefined`: the call failed, the stored expiry is kept). Null when the service described nothing.
 */
export function envelopeDetailsColumns(
  details: ProviderEnvelopeDetails | undefined,
  expiresAt: Date | null | undefined,
  now: Date,
): EnvelopeDetailsColumns | null {
  if (!details) return null;
  return {
    name: cut(details.name, NAME_CHARS),
    sentAt: details.sentAt,
    senderName: cut(details.senderName, SENDER_CHARS),
    senderEmail: cut(details.senderEmail, SENDER_CHARS),
    ...(expiresAt === undefined ? {} : { expiresAt }),
    detailsReadAt: now,
  };
}

function cut(value: string | null, max: number): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, max) : null;
}

/** First-sight reads that failed wait this long, doubling per failure, before the sweeper tries again. */
export const DETAILS_RETRY_BASE_MS = 30_000;
export const DETAILS_RETRY_MAX_MS = 6 * 3_600_000;

export function nextDetailsAttemptAt(failures: number, now: Date): Date {
  const wait = Math.min(DETAILS_RETRY_MAX_MS, DETAILS_RETRY_BASE_MS * 2 ** Math.max(0, failures - 1));
  return new Date(now.getTime() + wait);
}
