import type { DocumentStatusDetail, EnvelopeDetail } from '@/app/lib/envelopes/envelope-detail-schema';
import { statusOutcome } from '@/app/lib/envelopes/lifecycle/envelope-statuses';
import { countLabel } from '@/app/lib/format/count-label';

/** quiet: one line of plain text, no box (a fact of the set-up, not a problem with this envelope). */
export type DocumentNoticeTone = 'quiet' | 'muted' | 'busy' | 'warning' | 'problem';

/** What the document panel says besides the files themselves; null when the files say it all. */
export type DocumentNotice = {
  tone: DocumentNoticeTone;
  title: string;
  detail: string | null;
  /** e.g. "Next attempt" + nextAttemptAt. */
  time: { prefix: string; iso: string } | null;
  canRetry: boolean;
  /** The fix is on the setup page (no provider, or an incomplete configuration). */
  linksToSetup: boolean;
};

export function documentNotice(options: {
  envelopeStatus: EnvelopeDetail['status'];
  documentStatus: DocumentStatusDetail;
  documentCount: number;
}): DocumentNotice | null {
  const { envelopeStatus, documentStatus: fetch, documentCount } = options;
  const notice = { detail: null, time: null, canRetry: false, linksToSetup: false };
  const nextAttempt = fetch.nextAttemptAt ? { prefix: 'Next attempt', iso: fetch.nextAttemptAt } : null;

  if (fetch.status === 'stored') {
    return documentCount > 0
      ? null
      : { ...notice, tone: 'muted', title: 'The signing service returned no documents for this envelope.' };
  }
  // Whatever the job's state, nothing moves until the configuration is fixed; saying so beats a retry that fails. It is
  // how this installation works, not something wrong with the envelope: one calm line, the explanation is on Setup.
  // An envelope that ended unsigned would have no document anyway, so it says that instead.
  const outcome = statusOutcome(envelopeStatus);
  if (fetch.unavailableReason && (outcome === null || outcome === 'signed')) {
    return {
      ...notice,
      tone: 'quiet',
      title: 'Signed documents are not fetched: the signing service is not set up.',
      linksToSetup: true,
    };
  }
  switch (fetch.status) {
    case 'none':
      if (outcome === 'signed') return { ...notice, tone: 'muted', title: 'Waiting for the document fetch to start.' };
      if (outcome !== null)
        return { ...notice, tone: 'muted', title: 'No signed document: the envelope ended without being completed.' };
      return {
        ...notice,
        tone: 'muted',
        title: 'The signed PDF and the audit trail are fetched once the envelope is completed.',
      };
    case 'pending':
      if (fetch.attempts === 0)
        return { ...notice, tone: 'busy', title: 'Queued: the documents will be fetched shortly.', time: nextAttempt };
      return {
        ...notice,
        tone: 'problem',
        title: `Attempt ${fetch.attempts} failed; trying again.`,
        detail: fetch.lastError,
        time: nextAttempt,
        canRetry: true,
      };
    case 'fetching':
      return { ...notice, tone: 'busy', title: 'Fetching the documents from the signing service…' };
    case 'failed':
      return {
        ...notice,
        tone: 'problem',
        title: nextAttempt
          ? `Fetching failed after ${countLabel(fetch.attempts, 'attempt')}.`
          : `Fetching failed after ${countLabel(fetch.attempts, 'attempt')}; no more automatic attempts.`,
        detail: fetch.lastError,
        time: nextAttempt,
        canRetry: true,
      };
  }
}
