import { describe, expect, it } from 'vitest';
import { actionLabel, actionTone, classifyAction, isRepeatable, statusImpliedBy } from './envelope-actions';

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

describe('what an action means', () => {
  it("tells eSignAnyWhere's actions, the app's own and unknown ones apart", () => {
    expect(classifyAction('workstepFinished')).toBe('workstepFinished');
    expect(classifyAction('finishCallback')).toBe('finishCallback');
    expect(classifyAction('envelopeCanceled')).toBe('envelopeCanceled');
    expect(classifyAction('documentDownloaded')).toBe('unknown');
    expect(classifyAction('__proto__')).toBe('unknown');
  });

  it('names the status a notification reports, a finish callback reporting completion', () => {
    expect(statusImpliedBy('workstepOpened', false)).toBe('opened');
    expect(statusImpliedBy('workstepFinished', false)).toBe('partially_signed');
    expect(statusImpliedBy('envelopeFinished', false)).toBeNull();
    expect(statusImpliedBy('workstepFinished', true)).toBe('completed');
    // The app's own words are not trusted from a sender.
    expect(statusImpliedBy('envelopeCompleted', false)).toBeNull();
    expect(statusImpliedBy('somethingElse', false)).toBeNull();
  });

  it('lets invitations, opens and unknown actions repeat, and stores milestones once', () => {
    expect(['sendSignNotification', 'workstepOpened', 'mystery'].map(isRepeatable)).toEqual([true, true, true]);
    expect(['workstepFinished', 'workstepRejected', 'envelopeExpired'].map(isRepeatable)).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('draws signing-service and reconciled endings alike', () => {
    expect(actionTone('envelopeCompleted', false)).toBe('finished');
    expect(actionTone('envelopeCanceled', false)).toBe('problem');
    expect(actionTone('workstepFinished', true)).toBe('finished');
    expect(actionTone('mystery', false)).toBe('other');
  });
});
