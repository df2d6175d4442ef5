import 'server-only';
import type { Prisma } from '@/app/generated/prisma/sqlite/client';
import { prisma } from '@/app/lib/db/prisma';
import type { SandboxEnvelopeStatus, SandboxEventType } from './sandbox-vocabulary';

export type SandboxStep =
  | { kind: 'invite' | 'open' | 'sign'; recipientOrder: number }
  | { kind: 'reject'; recipientOrder: number; reason?: string }
  | { kind: 'expire' };

export const DEFAULT_REJECTION_REASON = 'I would like to discuss the repayment schedule before signing.';

/**
 * Moves a sandbox envelope one step on, as the signing service would: recipients act in order, the
 * last signature completes the envelope, a rejection or an expiry ends it. A step the service would
 * not allow throws, so a simulation can never build a state the real service could not have.
 *
 * The check reads first and the changes are written in one batch transaction that starts with a
 * write: on SQLite the simulator (a separate process) and the app share the file, and a transaction
 * that reads before it writes could not take the write lock once the app had committed meanwhile.
 */
export async function advanceSandboxEnvelope(options: {
  envelopeId: string;
  step: SandboxStep;
  at?: Date;
}): Promise<{ status: SandboxEnvelopeStatus }> {
  const { envelopeId, step } = options;
  const at = options.at ?? new Date();
  const envelope = await prisma.sandboxEnvelope.findUnique({
    where: { id: envelopeId },
    include: { recipients: { orderBy: { recipientOrder: 'asc' } } },
  });
  if (!envelope) throw new Error(`The sandbox has no envelope ${envelopeId}.`);
  if (envelope.status !== 'Active') {
    throw new Error(`The sandbox envelope ${envelopeId} is ${envelope.status}; only Active envelopes change.`);
  }

  const events: { type: SandboxEventType; recipientOrder: number | null }[] = [];
  let recipientUpdate: Prisma.SandboxRecipientUpdateManyArgs | null = null;
  let status: SandboxEnvelopeStatus = 'Active';

  if (step.kind === 'expire') {
    status = 'Expired';
    events.push({ type: 'EnvelopeExpired', recipientOrder: null });
  } else {
    const recipient = envelope.recipients.find((candidate) => candidate.recipientOrder === step.recipientOrder);
    if (!recipient) throw new Error(`The sandbox envelope ${envelopeId} has no recipient ${step.recipientOrder}.`);
    const waitingBefore = envelope.recipients.find(
      (candidate) => candidate.recipientOrder < recipient.recipientOrder && candidate.status !== 'Completed',
    );
    if (waitingBefore || recipient.status !== 'Pending') {
      throw new Error(
        `Recipient ${recipient.recipientOrder} of sandbox envelope ${envelopeId} cannot ${step.kind} now: ` +
          'recipients act in order, once.',
      );
    }
    // Guarded by the status read above, so two simulators acting at once cannot both move one recipient.
    const where = { id: recipient.id, status: 'Pending' };
    const openedAt = recipient.openedAt ?? at;
    switch (step.kind) {
      case 'invite':
        events.push({ type: 'SignNotificationSent', recipientOrder: recipient.recipientOrder });
        break;
      case 'open':
        recipientUpdate = { where, data: { openedAt } };
        events.push({ type: 'WorkstepOpened', recipientOrder: recipient.recipientOrder });
        break;
      case 'sign':
        recipientUpdate = { where, data: { status: 'Completed', finishedAt: at, openedAt } };
        events.push({ type: 'WorkstepFinished', recipientOrder: recipient.recipientOrder });
        if (recipient.recipientOrder === envelope.recipients.at(-1)!.recipientOrder) {
          status = 'Completed';
          events.push({ type: 'EnvelopeCompleted', recipientOrder: null });
        }
        break;
      case 'reject':
        recipientUpdate = {
          where,
          data: { status: 'Rejected', finishedAt: at, openedAt, statusReason: step.reason ?? DEFAULT_REJECTION_REASON },
        };
        status = 'Rejected';
        events.push(
          { type: 'WorkstepRejected', recipientOrder: recipient.recipientOrder },
          { type: 'EnvelopeRejected', recipientOrder: null },
        );
        break;
    }
  }

  await prisma.$transaction([
    prisma.sandboxEvent.createMany({ data: events.map((event) => ({ envelopeId, createdAt: at, ...event })) }),
    ...(recipientUpdate ? [prisma.sandboxRecipient.updateMany(recipientUpdate)] : []),
    ...(status === 'Active'
      ? []
      : [
          prisma.sandboxEnvelope.updateMany({
            where: { id: envelopeId, status: 'Active' },
            data: { status, finishedAt: at },
          }),
        ]),
  ]);
  return { status };
}
