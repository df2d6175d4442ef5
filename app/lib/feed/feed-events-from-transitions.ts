import type { EnvelopeStatus } from '@/app/lib/envelopes/lifecycle/envelope-statuses';
import type { EnvelopeTransition, TransitionRecipient } from '@/app/lib/envelopes/lifecycle/envelope-transitions';
import type { FeedEventDraft, StoredFeedEventData } from './feed-event-data';
import type { FeedEventType } from './feed-event-types';
import { newFeedEventId } from './new-feed-event-id';

/** The envelope as the transaction leaves it: what every event of it carries besides its own change. */
export type FeedEnvelopeSnapshot = {
  hookId: string | null;
  status: EnvelopeStatus;
  customValues: Record<string, string>;
  isTest: boolean;
};

/**
 * The feed's events for the lifecycle's transitions, in their order. A status change is `envelope.<status>`, a
 * recipient's first time at a stage `recipient.<stage>`, the sender's turn `envelope.action_required`, the signing
 * service contradicting the envelope `reconciliation.mismatch`. A final status a notification only claims is no event
 * until the signing service confirms it (then it is a status change).
 */
export function feedEventsFromTransitions(options: {
  transitions: readonly EnvelopeTransition[];
  envelopeOf: (envelopeId: string) => FeedEnvelopeSnapshot | undefined;
  recipientNameOf?: (envelopeId: string, recipient: TransitionRecipient) => string | null;
  recordedAt: Date;
  newId?: () => string;
}): FeedEventDraft[] {
  const { transitions, envelopeOf, recordedAt } = options;
  const newId = options.newId ?? newFeedEventId;
  const drafts: FeedEventDraft[] = [];
  for (const [index, transition] of transitions.entries()) {
    const envelope = envelopeOf(transition.envelopeId);
    if (!envelope) continue;
    const status = statusAt(transitions, index, envelope.status);
    const base: StoredFeedEventData = {
      envelopeId: transition.envelopeId,
      status,
      previousStatus: null,
      // A notification is a hint; what reconciliation stores, the signing service said.
      confirmed: transition.cause === 'reconciliation',
      customValues: envelope.customValues,
      ...(envelope.isTest ? { test: true as const } : {}),
      occurredAt: transition.at.toISOString(),
    };
    const draft = (type: FeedEventType, data: StoredFeedEventData): FeedEventDraft => ({
      id: newId(),
      type,
      envelopeId: transition.envelopeId,
      hookId: envelope.hookId,
      occurredAt: transition.at,
      recordedAt,
      data,
    });
    switch (transition.kind) {
      case 'status':
        drafts.push(
          draft(`envelope.${transition.to}`, {
            ...base,
            status: transition.to,
            previousStatus: transition.from,
            confirmed: transition.confirmed,
          }),
        );
        break;
      case 'recipient':
        drafts.push(
          draft(`recipient.${transition.to}`, {
            ...base,
            recipient: {
              order: transition.recipient.order,
              email: transition.recipient.email,
              name: options.recipientNameOf?.(transition.envelopeId, transition.recipient) ?? null,
            },
          }),
        );
        break;
      case 'sender_action':
        if (transition.to) drafts.push(draft('envelope.action_required', base));
        break;
      case 'reconciliation':
        if (transition.to === 'mismatch') {
          drafts.push(
            draft('reconciliation.mismatch', { ...base, confirmed: true, providerStatus: transition.providerStatus }),
          );
        }
        break;
      case 'status_claimed':
        break;
    }
  }
  return drafts;
}

/** The envelope's status when the transition at `index` happened: after the status changes before it. */
function statusAt(transitions: readonly EnvelopeTransition[], index: number, finalStatus: EnvelopeStatus) {
  const envelopeId = transitions[index]!.envelopeId;
  for (let earlier = index; earlier >= 0; earlier--) {
    const transition = transitions[earlier]!;
    if (transition.envelopeId === envelopeId && transition.kind === 'status') return transition.to;
  }
  for (const later of transitions.slice(index + 1)) {
    if (later.envelopeId === envelopeId && later.kind === 'status' && later.from) return later.from;
  }
  return finalStatus;
}
