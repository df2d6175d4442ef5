import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import type { SandboxEnvelopeState } from './get-sandbox-envelope';

/** The sandbox reminds a recipient at most once within this time, as eSignAnyWhere rate-limits its reminders. */
export const SANDBOX_REMINDER_INTERVAL_MS = 3_600_000;

export type SandboxReminderAnswer =
  | { ok: true; Count: number; AvoidedDueToRateLimitCount: number; AvoidedDueToDisabledEmailCount: number }
  | { ok: false; message: string };

/**
 * GET /Api/v4/envelope/{id}/remind: reminds the recipients an active envelope waits on (in the sandbox, who sign in
 * order, the first who has not signed), each at most once an hour, and records a ReminderSent event per reminder.
 */
export async function remindSandboxEnvelope(
  envelope: SandboxEnvelopeState,
  now: Date = new Date(),
): Promise<SandboxReminderAnswer> {
  if (envelope.status !== 'Active') {
    return { ok: false, message: `The envelope is ${envelope.status}; only active envelopes can be reminded.` };
  }
  const waitingOn = envelope.recipients.filter((recipient) => recipient.status === 'Pending').slice(0, 1);
  const since = now.getTime() - SANDBOX_REMINDER_INTERVAL_MS;
  const recentlyReminded = new Set(
    envelope.events
      .filter((event) => event.type === 'ReminderSent' && event.createdAt.getTime() > since)
      .map((event) => event.recipientOrder),
  );
  const due = waitingOn.filter((recipient) => !recentlyReminded.has(recipient.recipientOrder));
  if (due.length > 0) {
    await prisma.sandboxEvent.createMany({
      data: due.map((recipient) => ({
        envelopeId: envelope.id,
        type: 'ReminderSent',
        createdAt: now,
        recipientOrder: recipient.recipientOrder,
      })),
    });
  }
  return {
    ok: true,
    Count: due.length,
    AvoidedDueToRateLimitCount: waitingOn.length - due.length,
    AvoidedDueToDisabledEmailCount: 0,
  };
}
