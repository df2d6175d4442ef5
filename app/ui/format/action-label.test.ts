import { describe, expect, it } from 'vitest';
import { actionLabel } from './action-label';

describe('actionLabel', () => {
  it('names the documented actions in plain words', () => {
    expect(actionLabel('sendSignNotification')).toBe('Invitation sent');
    expect(actionLabel('workstepOpened')).toBe('Opened');
    expect(actionLabel('workstepFinished')).toBe('Signed');
    expect(actionLabel('workstepRejected')).toBe('Rejected');
    expect(actionLabel('workstepDelegated')).toBe('Delegated');
    expect(actionLabel('workstepDelegatedSenderActionRequired')).toBe('Delegated, sender must act');
    expect(actionLabel('envelopeExpired')).toBe('Expired');
    expect(actionLabel('envelopeFinished')).toBe('Finished');
  });

  it('shows unknown actions as they came, including names of object members', () => {
    expect(actionLabel('documentDownloaded')).toBe('documentDownloaded');
    expect(actionLabel('toString')).toBe('toString');
    expect(actionLabel('__proto__')).toBe('__proto__');
  });
});
