import type { EnvelopeDetail, EnvelopeEvent, EnvelopeRecipient } from '@/app/lib/envelopes/envelope-detail-schema';
import {
  actionLabel,
  actionTone,
  FINISH_CALLBACK_ACTION,
  isRepeatable,
  isSigningServiceAction,
  statusImpliedBy,
  type ActionTone,
} from '@/app/lib/envelopes/lifecycle/envelope-actions';
import { countLabel } from '@/app/lib/format/count-label';
import { formatStepDelta } from '@/app/ui/format/duration';
import { recipientLabel } from '@/app/ui/format/recipient-label';

type TimelineEvent = Pick<
  EnvelopeDetail['events'][number],
  'id' | 'action' | 'occurredAt' | 'recipientEmail' | 'recipientOrder' | 'isFinishCallback' | 'duplicateCount'
> &
  Partial<Pick<EnvelopeDetail['events'][number], 'lastDuplicateAt' | 'source' | 'notification' | 'details'>>;

type NamedRecipient = Pick<EnvelopeRecipient, 'order' | 'email' | 'name'>;

export type StepTone = ActionTone;

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
  /** Shown as a badge beside the label, unless the label already says so. */
  isFinishCallback: boolean;
  /** A workstep event's own words: its description and the sender's time, when it sent them. */
  senderNote: string | null;
  /** The signing service reported this status when asked; no notification said so. */
  fromSigningService: boolean;
  /** The request behind the step as indented JSON, query and JSON body decoded; null for reconciliation steps. */
  rawNotification: string | null;
  /** The raw notification was cut; the deliveries page has all of it. */
  rawNotificationCut: boolean;
  tone: StepTone;
};

/**
 * The envelope's events, oldest first, as the timeline shows them; recipients lend their names when known. When the
 * envelope ended without completing (`endedUnsigned`), a finish callback that says nothing more is "Finish callback",
 * never "Finished": eSignAnyWhere sends it for a rejection too.
 */
export function toTimelineSteps(
  events: readonly TimelineEvent[],
  recipients: readonly NamedRecipient[] = [],
  options: { endedUnsigned?: boolean } = {},
): TimelineStep[] {
  const seen = new Set<string>();
  return events.map((event, index) => {
    const previous = events[index - 1];
    const key = `${event.action}|${event.recipientOrder ?? event.recipientEmail?.toLowerCase() ?? '-'}`;
    // Repeats more than a minute apart are real events (a reminder, a second look), so the timeline says "again".
    const again = isSigningServiceAction(event.action) && isRepeatable(event.action) && seen.has(key);
    seen.add(key);
    const bareFinishCallback =
      options.endedUnsigned === true && event.isFinishCallback && statusImpliedBy(event.action, false) === null;
    return {
      id: event.id,
      label: bareFinishCallback
        ? 'Finish callback'
        : again
          ? `${actionLabel(event.action)} again`
          : actionLabel(event.action),
      recipient: namedRecipientLabel(event, recipients),
      occurredAt: event.occurredAt,
      sincePrevious: previous ? formatStepDelta(Date.parse(event.occurredAt) - Date.parse(previous.occurredAt)) : null,
      repeatNote: event.duplicateCount > 0 ? `received ${countLabel(event.duplicateCount, 'more time')}` : null,
      lastRepeatAt: event.duplicateCount > 0 ? (event.lastDuplicateAt ?? null) : null,
      isFinishCallback: event.isFinishCallback && event.action !== FINISH_CALLBACK_ACTION && !bareFinishCallback,
      senderNote: senderNote(event.details ?? null),
      fromSigningService: event.source === 'reconciliation',
      rawNotification: event.notification ? rawNotificationJson(event.notification) : null,
      rawNotificationCut: event.notification?.truncated ?? false,
      tone: stepTone(event.action, event.isFinishCallback),
    };
  });
}

/** How the timeline draws a step: the lifecycle's tone for the action. */
export function stepTone(action: string, isFinishCallback: boolean): StepTone {
  return actionTone(action, isFinishCallback);
}

function senderNote(details: EnvelopeEvent['details']): string | null {
  if (!details) return null;
  const parts = [details.description, details.time ? `sender's time ${details.time}` : null, details.source];
  const note = parts.filter((part): part is string => Boolean(part)).join(' · ');
  return note || null;
}

function namedRecipientLabel(event: TimelineEvent, recipients: readonly NamedRecipient[]): string | null {
  const label = recipientLabel({ email: event.recipientEmail, order: event.recipientOrder });
  if (!label) return null;
  const email = event.recipientEmail?.toLowerCase();
  const match = recipients.find((recipient) =>
    event.recipientOrder !== null ? recipient.order === event.recipientOrder : recipient.email?.toLowerCase() === email,
  );
  return match?.name ? `${match.name} (${label})` : label;
}

/**
 * A notification as readable JSON: the query string as an object (a repeated name gives a list) and a JSON body
 * parsed, so nested values are indented rather than one escaped line.
 */
export function rawNotificationJson(notification: NonNullable<EnvelopeEvent['notification']>): string {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(notification.query)) {
    const earlier = query[name];
    query[name] = earlier === undefined ? value : [...(Array.isArray(earlier) ? earlier : [earlier]), value];
  }
  let body: unknown = notification.body;
  if (notification.body !== null && !notification.truncated) {
    try {
      body = JSON.parse(notification.body);
    } catch {
      // Not JSON (a form post, or plain text): shown as it came.
    }
  }
  return JSON.stringify(
    {
      method: notification.method,
      receivedAt: notification.receivedAt,
      contentType: notification.contentType,
      ...(notification.query ? { query } : {}),
      ...(notification.body !== null ? { body } : {}),
    },
    null,
    2,
  );
}
