import type { AlertNotice } from '@/app/lib/alerts/alert-notice';

/** The public address the channel tests' links are built on. */
export const TEST_PUBLIC_URL = 'https://tracker.example.com';

/** A rejection as a channel's message tells it; each test changes what it is about. */
export function testAlertNotice(overrides: Partial<AlertNotice> = {}): AlertNotice {
  return {
    deliveryId: 7,
    alertId: 3,
    ruleId: 'alr_0123456789abcdef01234567',
    ruleDescription: 'A recipient rejects an envelope',
    kind: 'rejected',
    title: 'Rejected',
    summary: 'Rejected: Loan agreement 42 (env-123), Jane Doe declined',
    details: ['Declined by jane@example.com on 1 Dec 2026, 09:12 UTC'],
    envelope: {
      id: 'env-123',
      name: 'Loan agreement 42',
      status: 'rejected',
      url: `${TEST_PUBLIC_URL}/envelopes/env-123`,
    },
    hookName: 'Production',
    raisedAt: new Date('2026-12-01T09:12:00Z'),
    test: false,
    ...overrides,
  };
}
