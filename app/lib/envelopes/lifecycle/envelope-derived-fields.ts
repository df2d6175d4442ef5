import { ENVELOPE_LIMITS } from '@/app/lib/envelopes/envelope-limits';

/** The envelope columns that follow from its recipients and custom values, for the list and its search. */
export type EnvelopeDerivedFields = {
  recipientCount: number;
  signedCount: number;
  /** The id, e-mails and custom values, lower case, one per line: what the list's search matches. */
  searchText: string;
};

/**
 * The derived columns, computed from what the envelope holds: ingest and reconciliation both write them from here, so
 * they agree whichever wrote last.
 */
export function deriveEnvelopeFields(options: {
  envelopeId: string;
  recipients: readonly { email: string | null; finishedAt: Date | null }[];
  customValues: Record<string, string>;
}): EnvelopeDerivedFields {
  const { envelopeId, recipients, customValues } = options;
  const emails = recipients.flatMap((recipient) => (recipient.email ? [recipient.email] : []));
  return {
    recipientCount: recipients.length,
    signedCount: recipients.filter((recipient) => recipient.finishedAt !== null).length,
    searchText: buildSearchText(envelopeId, emails, customValues),
  };
}

export function buildSearchText(envelopeId: string, emails: string[], customValues: Record<string, string>): string {
  const values = Object.entries(customValues).map(([key, value]) => `${key}=${value}`);
  const text = [envelopeId, ...new Set(emails), ...values].join('\n').toLowerCase();
  // Cut rather than refused: the id and e-mails come first, so what search is mostly asked for stays in.
  return text.length > ENVELOPE_LIMITS.searchTextLength ? text.slice(0, ENVELOPE_LIMITS.searchTextLength) : text;
}
