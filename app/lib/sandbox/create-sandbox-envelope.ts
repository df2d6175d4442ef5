import 'server-only';
import { randomUUID } from 'node:crypto';
import { prisma } from '@/app/lib/db/prisma';
import type { InventedRecipient } from './invent-sandbox-envelope';

/**
 * A sent envelope at the sandbox signing service: every recipient Pending, signing in the order
 * given. The id is a GUID, like eSignAnyWhere's.
 */
export async function createSandboxEnvelope(options: {
  id?: string;
  name: string;
  recipients: InventedRecipient[];
  sentAt?: Date;
}): Promise<{ id: string; sentAt: Date }> {
  if (options.recipients.length === 0) throw new RangeError('An envelope needs a recipient.');
  const id = options.id ?? randomUUID();
  const sentAt = options.sentAt ?? new Date();
  await prisma.sandboxEnvelope.create({
    data: {
      id,
      name: options.name,
      status: 'Active',
      sentAt,
      recipients: {
        create: options.recipients.map((recipient, index) => ({ ...recipient, recipientOrder: index + 1 })),
      },
      events: { create: { type: 'EnvelopeSent', createdAt: sentAt } },
    },
  });
  return { id, sentAt };
}
