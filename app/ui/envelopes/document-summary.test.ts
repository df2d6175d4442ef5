import { describe, expect, it } from 'vitest';
import type { DocumentStatusDetail } from '@/app/lib/envelopes/envelope-detail-schema';
import { ENVELOPE_STATUSES, statusOutcome } from '@/app/lib/envelopes/lifecycle/envelope-statuses';
import { documentNotice } from './document-summary';

const none: DocumentStatusDetail = {
  status: 'none',
  attempts: 0,
  lastError: null,
  lastAttemptAt: null,
  nextAttemptAt: null,
  unavailableReason: null,
};
const next = '2025-03-01T10:35:00.000Z';

describe('documentNotice', () => {
  it('stays quiet when stored documents are there to show', () => {
    expect(
      documentNotice({ envelopeStatus: 'completed', documentStatus: { ...none, status: 'stored' }, documentCount: 2 }),
    ).toBeNull();
  });

  it('explains, before anything was fetched, when documents will come', () => {
    const notice = (envelopeStatus: 'opened' | 'completed' | 'rejected') =>
      documentNotice({ envelopeStatus, documentStatus: none, documentCount: 0 })?.title;
    expect(notice('opened')).toMatch(/fetched once the envelope is completed/);
    expect(notice('completed')).toMatch(/Waiting for the document fetch/);
    expect(notice('rejected')).toMatch(/ended without being completed/);
  });

  it('says in one quiet line, linked to setup, that no provider fetches documents, and offers no retry', () => {
    const reason = 'No signing service is configured: set SIGNING_PROVIDER.';
    const notice = documentNotice({
      envelopeStatus: 'completed',
      documentStatus: { ...none, status: 'failed', attempts: 2, unavailableReason: reason },
      documentCount: 0,
    });
    expect(notice).toMatchObject({ tone: 'quiet', detail: null, linksToSetup: true, canRetry: false });
    expect(notice?.title).not.toMatch(/cannot be fetched/);
    const open = documentNotice({
      envelopeStatus: 'sent',
      documentStatus: { ...none, unavailableReason: reason },
      documentCount: 0,
    });
    expect(open?.tone).toBe('quiet');
  });

  it.each(ENVELOPE_STATUSES.filter((status) => statusOutcome(status) !== null && statusOutcome(status) !== 'signed'))(
    'says nothing of the missing provider on a %s envelope: it has no signed document anyway',
    (envelopeStatus) => {
      const notice = documentNotice({
        envelopeStatus,
        documentStatus: { ...none, unavailableReason: 'No signing service is configured.' },
        documentCount: 0,
      });
      expect(notice).toMatchObject({ tone: 'muted', linksToSetup: false });
      expect(notice?.title).toMatch(/ended without being completed/);
    },
  );

  it('shows a failure with its reason, attempts, next attempt and a retry', () => {
    const notice = documentNotice({
      envelopeStatus: 'completed',
      documentStatus: { ...none, status: 'failed', attempts: 3, lastError: 'HTTP 503', nextAttemptAt: next },
      documentCount: 0,
    });
    expect(notice).toEqual({
      tone: 'problem',
      title: 'Fetching failed after 3 attempts.',
      detail: 'HTTP 503',
      time: { prefix: 'Next attempt', iso: next },
      canRetry: true,
      linksToSetup: false,
    });
    const givenUp = documentNotice({
      envelopeStatus: 'completed',
      documentStatus: { ...none, status: 'failed', attempts: 1, lastError: 'HTTP 404' },
      documentCount: 0,
    });
    expect(givenUp?.title).toBe('Fetching failed after 1 attempt; no more automatic attempts.');
  });

  it('tells a queued fetch from one waiting after a failed attempt', () => {
    const queued = documentNotice({
      envelopeStatus: 'completed',
      documentStatus: { ...none, status: 'pending' },
      documentCount: 0,
    });
    expect(queued).toMatchObject({ tone: 'busy', canRetry: false });
    const waiting = documentNotice({
      envelopeStatus: 'completed',
      documentStatus: { ...none, status: 'pending', attempts: 1, lastError: 'timeout', nextAttemptAt: next },
      documentCount: 0,
    });
    expect(waiting).toMatchObject({ tone: 'problem', title: 'Attempt 1 failed; trying again.', canRetry: true });
  });
});
