import 'server-only';
import { randomUUID } from 'node:crypto';
import { getDatabaseProvider, prisma } from '@/app/lib/db/prisma';
import { getSigningProvider } from '@/app/lib/signing/get-signing-provider';
import { getSigningProviderState } from '@/app/lib/signing/get-signing-provider-state';
import {
  describeProviderError,
  ProviderError,
  type ProviderReminderResult,
  type SigningProvider,
} from '@/app/lib/signing/signing-provider';
import { envelopeNotFound } from './envelope-not-found';
import { REMINDER_SENT_ACTION } from './lifecycle/envelope-actions';
import { isFinalStatus, statusLabel } from './lifecycle/envelope-statuses';

/** How a reminder is stored on the timeline: the app's own step, neither a notification nor the service's status. */
export const REMINDER_EVENT_SOURCE = 'app';

export type SendEnvelopeReminderResult =
  | ({ ok: true; eventId: number | null; sentAt: Date } & ProviderReminderResult)
  | { ok: false; status: 404 | 409 | 502; code: string; message: string };

/**
 * "Send reminder": asks the signing service to remind the recipients an open envelope waits on, and puts the reminder
 * on the envelope's timeline with the time it was sent (when it reached anyone). Refused for an unknown or finished envelope, and where the
 * configured signing service cannot send reminders.
 */
export async function sendEnvelopeReminder(options: {
  envelopeId: string;
  provider?: SigningProvider | null;
  now?: () => Date;
}): Promise<SendEnvelopeReminderResult> {
  const { envelopeId } = options;
  const now = options.now ?? (() => new Date());
  const provider = options.provider === undefined ? getSigningProvider() : options.provider;
  const envelope = await prisma.envelope.findUnique({ where: { id: envelopeId }, select: { status: true } });
  if (!envelope) return envelopeNotFound(envelopeId);
  if (isFinalStatus(envelope.status)) {
    return {
      ok: false,
      status: 409,
      code: 'envelope_finished',
      message: `This envelope is ${statusLabel(envelope.status).toLowerCase()}: there is nobody left to remind.`,
    };
  }
  if (!provider?.remind) {
    return { ok: false, status: 409, code: 'reminders_not_supported', message: remindersNotSupportedMessage(provider) };
  }

  let result: ProviderReminderResult;
  try {
    result = await provider.remind(envelopeId);
  } catch (error) {
    if (!(error instanceof ProviderError)) console.error(`Reminding envelope ${envelopeId} failed:`, error);
    return {
      ok: false,
      status: 502,
      code: 'reminder_failed',
      message: `The signing service did not send the reminder. ${describeProviderError(error)}`,
    };
  }

  // A request the service held back for everyone (its rate limit) reminded nobody: nothing to put on the timeline.
  const sentAt = now();
  const eventId = result.reminded > 0 ? await recordReminder(envelopeId, sentAt) : null;
  return { ok: true, eventId, sentAt, ...result };
}

/** Why reminders cannot be sent here, and what to do instead. */
export function remindersNotSupportedMessage(provider: SigningProvider | null): string {
  if (provider) {
    return `The configured signing service (SIGNING_PROVIDER=${provider.name}) cannot send reminders. Remind the recipients from the system that sent the envelope, or use SIGNING_PROVIDER=esignanywhere.`;
  }
  const state = getSigningProviderState();
  const why = state.problem ?? state.description;
  return `Reminders are sent through the signing service, and none is configured: ${why} Set SIGNING_PROVIDER=esignanywhere with ESAW_BASE_URL and ESAW_API_TOKEN (see the Setup page), or remind the recipients from the system that sent the envelope.`;
}

/**
 * The reminder's step on the timeline. It counts among the envelope's events but is no news from the envelope, so
 * the last activity (and with it the idle check with the signing service) stays as it was. Written under the
 * envelope's lock on PostgreSQL, as the webhook ingest writes the event count.
 */
async function recordReminder(envelopeId: string, sentAt: Date): Promise<number> {
  return prisma.$transaction(async (tx) => {
    if (getDatabaseProvider() === 'postgresql') {
      await tx.$queryRaw`
        SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtextextended(CAST(${envelopeId} AS text), 0))) AS l`;
    }
    const event = await tx.event.create({
      data: {
        envelopeId,
        action: REMINDER_SENT_ACTION,
        occurredAt: sentAt,
        source: REMINDER_EVENT_SOURCE,
        customValues: {},
        // Every reminder is its own step, however close to the previous one.
        dedupeKey: `${REMINDER_SENT_ACTION}|${sentAt.toISOString()}|${randomUUID()}`,
      },
      select: { id: true },
    });
    await tx.envelope.update({ where: { id: envelopeId }, data: { eventCount: { increment: 1 } } });
    return event.id;
  });
}
