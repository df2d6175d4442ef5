import { describe, expect, it } from 'vitest';
import {
  ENVELOPE_STATUSES,
  finalStatusFromProvider,
  FINAL_STATUSES,
  laterStatus,
  OPEN_STATUSES,
  statusesWithOutcome,
  statusLabel,
} from './envelope-statuses';

describe('statusLabel', () => {
  it('names every status in sentence case', () => {
    expect(statusLabel('sent')).toBe('Sent');
    expect(statusLabel('opened')).toBe('Opened');
    expect(statusLabel('partially_signed')).toBe('Partially signed');
    expect(statusLabel('completed')).toBe('Completed');
    expect(statusLabel('rejected')).toBe('Rejected');
    expect(statusLabel('expired')).toBe('Expired');
  });
});

describe('the order of statuses', () => {
  it('splits the statuses into open and final ones', () => {
    expect([...OPEN_STATUSES, ...FINAL_STATUSES].sort()).toEqual([...ENVELOPE_STATUSES].sort());
    expect(OPEN_STATUSES).toEqual(['sent', 'opened', 'partially_signed']);
    expect(FINAL_STATUSES).toEqual(expect.arrayContaining(['completed', 'rejected', 'expired', 'canceled']));
    expect(statusesWithOutcome('signed')).toEqual(['completed']);
    expect(statusesWithOutcome('lapsed')).toEqual(expect.arrayContaining(['expired', 'canceled']));
  });

  it('only moves up, a rejection outranking completion and neither of two equal ranks replacing the other', () => {
    expect(laterStatus('opened', 'sent')).toBe('opened');
    expect(laterStatus('opened', 'partially_signed')).toBe('partially_signed');
    expect(laterStatus('completed', 'rejected')).toBe('rejected');
    expect(laterStatus('rejected', 'completed')).toBe('rejected');
    expect(laterStatus('expired', 'canceled')).toBe('expired');
    expect(laterStatus('sent', null)).toBe('sent');
  });

  it("reads eSignAnyWhere's words for final statuses, any other meaning still open", () => {
    expect(['Completed', 'REJECTED', 'Expired', 'Canceled', 'Cancelled'].map(finalStatusFromProvider)).toEqual([
      'completed',
      'rejected',
      'expired',
      'canceled',
      'canceled',
    ]);
    expect(finalStatusFromProvider('Active')).toBeNull();
    expect(finalStatusFromProvider('SomethingNew')).toBeNull();
  });
});
