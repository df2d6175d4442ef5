import { describe, expect, it } from 'vitest';
import type { DocumentStatusDetail } from '@/app/lib/envelopes/envelope-detail-schema';
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

  it('gives the reason and sends to setup when no provider can fetch, and offers no retry', () => {
    const reason = 'No signing service is configured: set SIGNING_PROVIDER.';
    const notice = documentNotice({
      envelopeStatus: 'completed',
      documentStatus: { ...none, status: 'failed', attempts: 2, unavailableReason: reason },
      documentCount: 0,
    });
    expect(notice).toMatchObject({ tone: 'warning', detail: reason, linksToSetup: true, canRetry: false });
  });

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
