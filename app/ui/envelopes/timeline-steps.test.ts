import { describe, expect, it } from 'vitest';
import { stepTone, toTimelineSteps } from './timeline-steps';

const event = (
  id: number,
  action: string,
  occurredAt: string,
  extra: Partial<Parameters<typeof toTimelineSteps>[0][number]> = {},
) => ({
  id,
  action,
  occurredAt,
  recipientEmail: 'ana@example.com',
  recipientOrder: 1,
  isFinishCallback: false,
  duplicateCount: 0,
  lastDuplicateAt: null,
  ...extra,
});

describe('toTimelineSteps', () => {
  it('labels each step and measures the time since the previous one', () => {
    const steps = toTimelineSteps([
      event(1, 'sendSignNotification', '2025-01-01T10:00:00.000Z'),
      event(2, 'workstepOpened', '2025-01-01T10:03:00.000Z'),
      event(3, 'workstepFinished', '2025-01-01T12:08:30.000Z'),
      event(4, 'envelopeFinished', '2025-01-01T12:08:30.400Z', {
        recipientEmail: null,
        recipientOrder: null,
        isFinishCallback: true,
      }),
    ]);
    expect(steps.map((step) => [step.label, step.recipient, step.sincePrevious, step.tone])).toEqual([
      ['Invitation sent', 'ana@example.com', null, 'invited'],
      ['Opened', 'ana@example.com', '+3 min', 'opened'],
      ['Signed', 'ana@example.com', '+2 h 5 min', 'signed'],
      ['Finished', null, '+<1 s', 'finished'],
    ]);
    expect(steps[3]?.isFinishCallback).toBe(true);
  });

  it('notes copies that arrived again', () => {
    const [once, twice, thrice] = toTimelineSteps([
      event(1, 'workstepOpened', '2025-01-01T10:00:00.000Z'),
      event(2, 'workstepFinished', '2025-01-01T10:01:00.000Z', {
        duplicateCount: 1,
        lastDuplicateAt: '2025-01-01T10:01:10.000Z',
      }),
      event(3, 'envelopeFinished', '2025-01-01T10:02:00.000Z', { duplicateCount: 4 }),
    ]);
    expect(once?.repeatNote).toBeNull();
    expect(twice?.repeatNote).toBe('received 1 more time');
    expect(twice?.lastRepeatAt).toBe('2025-01-01T10:01:10.000Z');
    expect(thrice?.repeatNote).toBe('received 4 more times');
  });

  it('says "again" for a later invitation or open of the same recipient only', () => {
    const steps = toTimelineSteps([
      event(1, 'workstepOpened', '2025-01-01T10:00:00.000Z'),
      event(2, 'workstepOpened', '2025-01-01T10:00:30.000Z', { recipientOrder: 2, recipientEmail: 'bo@example.com' }),
      event(3, 'workstepOpened', '2025-01-01T11:00:00.000Z'),
      event(4, 'sendSignNotification', '2025-01-01T12:00:00.000Z'),
      event(5, 'sendSignNotification', '2025-01-02T12:00:00.000Z'),
    ]);
    expect(steps.map((step) => step.label)).toEqual([
      'Opened',
      'Opened',
      'Opened again',
      'Invitation sent',
      'Invitation sent again',
    ]);
  });

  it('names recipients without e-mail by their order and keeps unknown actions as they came', () => {
    const [step] = toTimelineSteps([
      event(1, 'documentDownloaded', '2025-01-01T10:00:00.000Z', { recipientEmail: null, recipientOrder: 3 }),
    ]);
    expect(step?.label).toBe('documentDownloaded');
    expect(step?.recipient).toBe('Recipient 3');
    expect(step?.tone).toBe('other');
  });
});

describe('stepTone', () => {
  it('treats any finish callback as the finish', () => {
    expect(stepTone('workstepFinished', true)).toBe('finished');
  });

  it('flags rejections, expiries and delegations waiting for the sender', () => {
    expect(stepTone('workstepRejected', false)).toBe('problem');
    expect(stepTone('envelopeExpired', false)).toBe('problem');
    expect(stepTone('workstepDelegatedSenderActionRequired', false)).toBe('problem');
  });
});
