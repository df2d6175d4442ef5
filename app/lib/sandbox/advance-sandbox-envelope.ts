import 'server-only';
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
 */
export async function advanceSandboxEnvelope(options: {
  envelopeId: string;
  step: SandboxStep;
  at?: Date;
}): Promise<{ status: SandboxEnvelopeStatus }> {
  const { envelopeId, step } = options;
  const at = options.at ?? new Date();
  return prisma.$transaction(async (tx) => {
    const envelope = await tx.sandboxEnvelope.findUnique({
      where: { id: envelopeId },
      include: { recipients: { orderBy: { recipientOrder: 'asc' } } },
    });
    if (!envelope) throw new Error(`The sandbox has no envelope ${envelopeId}.`);
    if (envelope.status !== 'Active') {
      throw new Error(`The sandbox envelope ${envelopeId} is ${envelope.status}; only Active envelopes change.`);
    }
    const events: { type: SandboxEventType; recipientOrder: number | null }[] = [];
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
      const where = { id: recipient.id };
      switch (step.kind) {
        case 'invite':
          events.push({ type: 'SignNotificationSent', recipientOrder: recipient.recipientOrder });
          break;
        case 'open':
          if (!recipient.openedAt) await tx.sandboxRecipient.update({ where, data: { openedAt: at } });
          events.push({ type: 'WorkstepOpened', recipientOrder: recipient.recipientOrder });
          break;
        case 'sign': {
          await tx.sandboxRecipient.update({
            where,
            data: { status: 'Completed', finishedAt: at, openedAt: recipient.openedAt ?? at },
          });
          events.push({ type: 'WorkstepFinished', recipientOrder: recipient.recipientOrder });
          const isLast = recipient.recipientOrder === envelope.recipients.at(-1)!.recipientOrder;
          if (isLast) {
            status = 'Completed';
            events.push({ type: 'EnvelopeCompleted', recipientOrder: null });
          }
          break;
        }
        case 'reject':
          await tx.sandboxRecipient.update({
            where,
            data: {
              status: 'Rejected',
              finishedAt: at,
              openedAt: recipient.openedAt ?? at,
              statusReason: step.reason ?? DEFAULT_REJECTION_REASON,
            },
          });
          status = 'Rejected';
          events.push(
            { type: 'WorkstepRejected', recipientOrder: recipient.recipientOrder },
            { type: 'EnvelopeRejected', recipientOrder: null },
          );
          break;
      }
    }

    if (status !== 'Active') {
      await tx.sandboxEnvelope.update({ where: { id: envelopeId }, data: { status, finishedAt: at } });
    }
    await tx.sandboxEvent.createMany({
      data: events.map((event) => ({ envelopeId, createdAt: at, ...event })),
    });
    return { status };
  });
}
