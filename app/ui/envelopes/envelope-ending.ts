import type { EnvelopeDetail, EnvelopeRecipient } from '@/app/lib/envelopes/envelope-detail-schema';
import { statusLabel, statusOutcome } from '@/app/lib/envelopes/lifecycle/envelope-statuses';

type Recipient = Pick<EnvelopeRecipient, 'name' | 'email' | 'rejectedAt'>;

/** How the envelope page's tiles name the end of an envelope, in the lifecycle's own words. */
export type EnvelopeEnding = {
  /** The third tile's term: "Finished" while open, else the final status' label ("Completed", "Rejected", …). */
  term: string;
  /** The fourth tile's term when it shows the time from the first open to the end; null when it shows the last activity. */
  durationTerm: string | null;
  /** "Rejected by Oliver Smith": who ended it, for a rejection whose recipient is known. */
  summary: string | null;
  /** When it ended: finishedAt, else the rejecting recipient's time. */
  at: string | null;
};

/**
 * The ending of an envelope: a completed one "finished", a rejected one was rejected by someone, an expired or
 * canceled one ended without anybody finishing it. Only a completed envelope is ever called finished.
 */
export function envelopeEnding(
  envelope: Pick<EnvelopeDetail, 'status' | 'finishedAt'> & { recipients?: readonly Recipient[] },
): EnvelopeEnding {
  const outcome = statusOutcome(envelope.status);
  if (outcome === null) return { term: 'Finished', durationTerm: 'First open to finished', summary: null, at: null };
  const label = statusLabel(envelope.status);
  if (outcome === 'signed')
    return { term: label, durationTerm: 'First open to finished', summary: null, at: envelope.finishedAt };
  if (outcome === 'declined') {
    const rejecter = firstRejecter(envelope.recipients ?? []);
    const who = rejecter ? rejecter.name?.trim() || rejecter.email : null;
    return {
      term: label,
      durationTerm: 'First open to rejection',
      summary: who ? `${label} by ${who}` : null,
      at: envelope.finishedAt ?? rejecter?.rejectedAt ?? null,
    };
  }
  // Expired or canceled: nobody acted last, so the time from the first open says nothing; the last activity does.
  return { term: label, durationTerm: null, summary: null, at: envelope.finishedAt };
}

/** The recipient who rejected first (the one who ended the envelope). */
function firstRejecter(recipients: readonly Recipient[]): Recipient | null {
  let first: Recipient | null = null;
  for (const recipient of recipients) {
    if (!recipient.rejectedAt) continue;
    if (!first?.rejectedAt || Date.parse(recipient.rejectedAt) < Date.parse(first.rejectedAt)) first = recipient;
  }
  return first;
}
