import { describe, expect, it } from 'vitest';
import { lastEventLabel } from './last-event-label';
import { FINAL_STATUSES, OPEN_STATUSES, statusLabel } from './lifecycle/envelope-statuses';

describe('lastEventLabel', () => {
  it('names how an ended envelope ended when its last event is a finish, never "Finished"', () => {
    for (const status of FINAL_STATUSES) {
      expect(lastEventLabel(status, 'envelopeFinished')).toBe(statusLabel(status));
      expect(lastEventLabel(status, 'finishCallback')).toBe(statusLabel(status));
    }
    expect(lastEventLabel('rejected', 'envelopeFinished')).toBe('Rejected');
  });

  it('calls an unconfirmed finish on an open envelope a finish callback', () => {
    for (const status of OPEN_STATUSES) expect(lastEventLabel(status, 'envelopeFinished')).toBe('Finish callback');
  });

  it('keeps every other action as it is labelled', () => {
    expect(lastEventLabel('partially_signed', 'workstepFinished')).toBe('Signed');
    expect(lastEventLabel('rejected', 'workstepRejected')).toBe('Rejected');
    expect(lastEventLabel('opened', 'PageViewed')).toBe('PageViewed');
  });
});
