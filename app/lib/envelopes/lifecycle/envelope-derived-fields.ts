import { ENVELOPE_LIMITS } from '@/app/lib/envelopes/envelope-limits';
import { isFinalStatus, type EnvelopeStatus } from './envelope-statuses';

/** The envelope columns that follow from its recipients and custom values, for the list and its search. */
export type EnvelopeDerivedFields = {
  recipientCount: number;
  signedCount: number;
  /**
   * The id, recipients' e-mails and names and the custom values, lower case, one per line: what the list's search
   * and its "waiting on" filter look up through the search index.
   */
  searchText: string;
  /** Who an open envelope waits on: the first recipient, in signing order, who has neither signed nor rejected. */
  waitingOnEmail: string | null;
  waitingOnName: string | null;
  /** Since their invitation (or the previous signature, when no invitation was notified). */
  waitingSince: Date | null;
};

/** What the derived columns are computed from, per recipient. */
export type DerivingRecipient = {
  email: string | null;
  name: string | null;
  recipientOrder: number | null;
  invitedAt: Date | null;
  finishedAt: Date | null;
  rejectedAt: Date | null;
};

/**
 * The derived columns, computed from what the envelope holds: ingest and reconciliation both write them from here, so
 * they agree whichever wrote last.
 */
export function deriveEnvelopeFields(options: {
  envelopeId: string;
  status: EnvelopeStatus;
  recipients: readonly DerivingRecipient[];
  customValues: Record<string, string>;
}): EnvelopeDerivedFields {
  const { envelopeId, recipients, customValues } = options;
  const emails = recipients.flatMap((recipient) => (recipient.email ? [recipient.email] : []));
  const names = recipients.flatMap((recipient) => (recipient.name ? [recipient.name] : []));
  const waiting = isFinalStatus(options.status) ? null : waitingOn(recipients);
  return {
    recipientCount: recipients.length,
    signedCount: recipients.filter((recipient) => recipient.finishedAt !== null).length,
    searchText: buildSearchText({ envelopeId, emails, names, customValues }),
    waitingOnEmail: waiting?.recipient.email ?? null,
    waitingOnName: waiting?.recipient.name ?? null,
    waitingSince: waiting?.since ?? null,
  };
}

const byOrder = (a: DerivingRecipient, b: DerivingRecipient) =>
  (a.recipientOrder ?? Number.MAX_SAFE_INTEGER) - (b.recipientOrder ?? Number.MAX_SAFE_INTEGER) ||
  (a.invitedAt?.getTime() ?? Infinity) - (b.invitedAt?.getTime() ?? Infinity);

function waitingOn(recipients: readonly DerivingRecipient[]) {
  const ordered = [...recipients].sort(byOrder);
  const index = ordered.findIndex((recipient) => recipient.finishedAt === null && recipient.rejectedAt === null);
  const recipient = ordered[index];
  if (!recipient) return null;
  const previousSignature = ordered
    .slice(0, index)
    .reduce<Date | null>(
      (latest, earlier) =>
        earlier.finishedAt && (!latest || earlier.finishedAt > latest) ? earlier.finishedAt : latest,
      null,
    );
  return { recipient, since: recipient.invitedAt ?? previousSignature };
}

export function buildSearchText(options: {
  envelopeId: string;
  emails: readonly string[];
  names: readonly string[];
  customValues: Record<string, string>;
}): string {
  const values = Object.entries(options.customValues).map(([key, value]) => `${key}=${value}`);
  const text = [options.envelopeId, ...new Set(options.emails), ...new Set(options.names), ...values]
    .join('\n')
    .toLowerCase();
  // Cut rather than refused: the id, e-mails and names come first, so what search is mostly asked for stays in.
  return text.length > ENVELOPE_LIMITS.searchTextLength ? text.slice(0, ENVELOPE_LIMITS.searchTextLength) : text;
}
