import type { EnvelopeDetail } from '@/app/lib/envelopes/envelope-detail-schema';
import { actionLabel } from '@/app/ui/format/action-label';
import { countLabel } from '@/app/ui/format/count-label';
import { formatStepDelta } from '@/app/ui/format/duration';
import { recipientLabel } from '@/app/ui/format/recipient-label';

type TimelineEvent = Pick<
  EnvelopeDetail['events'][number],
  'id' | 'action' | 'occurredAt' | 'recipientEmail' | 'recipientOrder' | 'isFinishCallback' | 'duplicateCount'
> &
  Partial<Pick<EnvelopeDetail['events'][number], 'lastDuplicateAt'>>;

export type StepTone = 'invited' | 'opened' | 'signed' | 'problem' | 'finished' | 'other';

export type TimelineStep = {
  id: number;
  label: string;
  recipient: string | null;
  occurredAt: string;
  /** "+3 min" after the previous step; null for the first one. */
  sincePrevious: string | null;
  /** "received 2 more times" when copies of this notification arrived. */
  repeatNote: string | null;
  lastRepeatAt: string | null;
  isFinishCallback: boolean;
  tone: StepTone;
};

// Repeats more than a minute apart are real events (a reminder, a second look), so the timeline says "again".
const REPEATABLE_ACTIONS = new Set(['sendSignNotification', 'workstepOpened']);

/** The envelope's events, oldest first, as the timeline shows them. */
export function toTimelineSteps(events: readonly TimelineEvent[]): TimelineStep[] {
  const seen = new Set<string>();
  return events.map((event, index) => {
    const previous = events[index - 1];
    const key = `${event.action}|${event.recipientOrder ?? event.recipientEmail?.toLowerCase() ?? '-'}`;
    const again = REPEATABLE_ACTIONS.has(event.action) && seen.has(key);
    seen.add(key);
    return {
      id: event.id,
      label: again ? `${actionLabel(event.action)} again` : actionLabel(event.action),
      recipient: recipientLabel({ email: event.recipientEmail, order: event.recipientOrder }),
      occurredAt: event.occurredAt,
      sincePrevious: previous ? formatStepDelta(Date.parse(event.occurredAt) - Date.parse(previous.occurredAt)) : null,
      repeatNote: event.duplicateCount > 0 ? `received ${countLabel(event.duplicateCount, 'more time')}` : null,
      lastRepeatAt: event.duplicateCount > 0 ? (event.lastDuplicateAt ?? null) : null,
      isFinishCallback: event.isFinishCallback,
      tone: stepTone(event.action, event.isFinishCallback),
    };
  });
}

export function stepTone(action: string, isFinishCallback: boolean): StepTone {
  if (isFinishCallback || action === 'envelopeFinished') return 'finished';
  switch (action) {
    case 'sendSignNotification':
      return 'invited';
    case 'workstepOpened':
      return 'opened';
    case 'workstepFinished':
      return 'signed';
    case 'workstepRejected':
    case 'envelopeExpired':
    case 'workstepDelegatedSenderActionRequired':
      return 'problem';
    default:
      return 'other';
  }
}
