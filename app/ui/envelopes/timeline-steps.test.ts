import { describe, expect, it } from 'vitest';
import { rawNotificationJson, stepTone, toTimelineSteps } from './timeline-steps';

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

  it('calls the finish callback of an envelope that did not complete "Finish callback", never "Finished"', () => {
    const events = [
      event(1, 'workstepRejected', '2025-01-01T10:00:00.000Z'),
      event(2, 'envelopeFinished', '2025-01-01T10:00:01.000Z', { isFinishCallback: true, recipientEmail: null }),
    ];
    const steps = toTimelineSteps(events, [], { endedUnsigned: true });
    expect(steps.map((step) => [step.label, step.isFinishCallback])).toEqual([
      ['Rejected', false],
      ['Finish callback', false],
    ]);
    expect(toTimelineSteps(events).at(-1)).toMatchObject({ label: 'Finished', isFinishCallback: true });
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

describe('toTimelineSteps: sources, names and raw notifications', () => {
  const notification = {
    deliveryId: 'd-1',
    receivedAt: '2025-01-01T10:00:00.100Z',
    method: 'GET',
    contentType: null,
    query: 'envelopeId=e-1&action=workstepOpened&tag=a&tag=b',
    body: null,
    truncated: false,
  };

  it('marks steps the signing service reported and gives the others their request', () => {
    const [notified, reconciled] = toTimelineSteps([
      event(1, 'workstepOpened', '2025-01-01T10:00:00.000Z', { source: 'notification', notification }),
      event(2, 'envelopeCanceled', '2025-01-02T10:00:00.000Z', {
        source: 'reconciliation',
        notification: null,
        recipientEmail: null,
        recipientOrder: null,
      }),
    ]);
    expect(notified?.fromSigningService).toBe(false);
    expect(JSON.parse(notified?.rawNotification ?? 'null')).toEqual({
      method: 'GET',
      receivedAt: '2025-01-01T10:00:00.100Z',
      contentType: null,
      query: { envelopeId: 'e-1', action: 'workstepOpened', tag: ['a', 'b'] },
    });
    expect(reconciled?.fromSigningService).toBe(true);
    expect([reconciled?.label, reconciled?.tone]).toEqual(['Canceled', 'problem']);
    expect(reconciled?.rawNotification).toBeNull();
  });

  it('adds the name the signing service gave, matched by order, else by e-mail', () => {
    const steps = toTimelineSteps(
      [
        event(1, 'workstepOpened', '2025-01-01T10:00:00.000Z'),
        event(2, 'workstepOpened', '2025-01-01T10:01:00.000Z', {
          recipientOrder: null,
          recipientEmail: 'BO@example.com',
        }),
        event(3, 'workstepOpened', '2025-01-01T10:02:00.000Z', { recipientOrder: 3, recipientEmail: null }),
      ],
      [
        { order: 1, email: 'ana@example.com', name: 'Ana Pop' },
        { order: null, email: 'bo@example.com', name: 'Bo Ene' },
        { order: 3, email: null, name: null },
      ],
    );
    expect(steps.map((step) => step.recipient)).toEqual([
      'Ana Pop (ana@example.com)',
      'Bo Ene (BO@example.com)',
      'Recipient 3',
    ]);
  });
});

describe('rawNotificationJson', () => {
  it('indents a JSON body and keeps anything else as it came', () => {
    const post = {
      deliveryId: 'd',
      receivedAt: '2025-01-01T10:00:00.000Z',
      method: 'POST',
      query: '',
      truncated: false,
    };
    const json = rawNotificationJson({ ...post, contentType: 'application/json', body: '{"Data":{"action":"x"}}' });
    expect(JSON.parse(json)).toEqual({
      method: 'POST',
      receivedAt: '2025-01-01T10:00:00.000Z',
      contentType: 'application/json',
      body: { Data: { action: 'x' } },
    });
    expect(json).toContain('\n    "Data": {');
    const form = rawNotificationJson({ ...post, contentType: 'text/plain', body: 'action=x' });
    expect(JSON.parse(form).body).toBe('action=x');
    const cut = rawNotificationJson({ ...post, contentType: 'application/json', body: '{"Data":', truncated: true });
    expect(JSON.parse(cut).body).toBe('{"Data":');
  });
});

describe('stepTone', () => {
  it('treats any finish callback as the finish', () => {
    expect(stepTone('workstepFinished', true)).toBe('finished');
  });

  it('treats a completion the signing service reported as the finish', () => {
    expect(stepTone('envelopeCompleted', false)).toBe('finished');
  });

  it('flags rejections, expiries and delegations waiting for the sender', () => {
    expect(stepTone('workstepRejected', false)).toBe('problem');
    expect(stepTone('envelopeExpired', false)).toBe('problem');
    expect(stepTone('workstepDelegatedSenderActionRequired', false)).toBe('problem');
  });
});
