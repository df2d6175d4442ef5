import { describe, expect, it } from 'vitest';
import type { EnvelopeTransition } from '@/app/lib/envelopes/lifecycle/envelope-transitions';
import { feedEventsFromTransitions, type FeedEnvelopeSnapshot } from './feed-events-from-transitions';

const at = new Date('2026-06-01T10:00:00.000Z');
const base = { envelopeId: 'env-1', recipient: null, at } as const;
const envelope: FeedEnvelopeSnapshot = {
  hookId: 'hook-1',
  status: 'partially_signed',
  customValues: { contract: 'K-1' },
  isTest: false,
};

const events = (transitions: EnvelopeTransition[], snapshot = envelope) =>
  feedEventsFromTransitions({
    transitions,
    envelopeOf: () => snapshot,
    recipientNameOf: () => 'Ana Popescu',
    recordedAt: at,
    newId: (() => {
      let n = 0;
      return () => `evt_${++n}`;
    })(),
  });

describe('feedEventsFromTransitions', () => {
  it('names each change by its type, with the status at that moment and the recipient it concerns', () => {
    const recipient = { order: 1, email: 'ana@example.com' };
    const drafts = events([
      { ...base, cause: 'notification', kind: 'recipient', recipient, from: 'opened', to: 'signed' },
      { ...base, cause: 'notification', kind: 'status', from: 'opened', to: 'partially_signed', confirmed: false },
      { ...base, cause: 'notification', kind: 'sender_action', from: false, to: true },
      { ...base, cause: 'notification', kind: 'sender_action', from: true, to: false },
      { ...base, cause: 'finish_callback', kind: 'status_claimed', from: 'partially_signed', to: 'completed' },
    ]);
    expect(drafts.map((draft) => [draft.type, draft.data.status, draft.data.previousStatus])).toEqual([
      ['recipient.signed', 'opened', null],
      ['envelope.partially_signed', 'partially_signed', 'opened'],
      ['envelope.action_required', 'partially_signed', null],
    ]);
    expect(drafts[0]).toMatchObject({
      id: 'evt_1',
      envelopeId: 'env-1',
      hookId: 'hook-1',
      data: {
        confirmed: false,
        customValues: { contract: 'K-1' },
        recipient: { order: 1, email: 'ana@example.com', name: 'Ana Popescu' },
        occurredAt: at.toISOString(),
      },
    });
    expect(drafts[0]!.data).not.toHaveProperty('test');
  });

  it('marks what the signing service said as confirmed, and a mismatch with its words', () => {
    const drafts = events(
      [
        {
          ...base,
          cause: 'reconciliation',
          kind: 'status',
          from: 'partially_signed',
          to: 'completed',
          confirmed: true,
        },
        {
          ...base,
          cause: 'reconciliation',
          kind: 'reconciliation',
          from: 'pending',
          to: 'mismatch',
          providerStatus: 'Active',
        },
        {
          ...base,
          cause: 'reconciliation',
          kind: 'reconciliation',
          from: 'pending',
          to: 'confirmed',
          providerStatus: null,
        },
      ],
      { ...envelope, status: 'completed', isTest: true },
    );
    expect(drafts.map((draft) => draft.type)).toEqual(['envelope.completed', 'reconciliation.mismatch']);
    expect(drafts[0]!.data).toMatchObject({ confirmed: true, previousStatus: 'partially_signed', test: true });
    expect(drafts[1]!.data).toMatchObject({ confirmed: true, providerStatus: 'Active', status: 'completed' });
  });
});
