import 'server-only';
import type { Prisma } from '@/app/generated/prisma/sqlite/client';
import { prisma } from '@/app/lib/db/prisma';

const include = {
  recipients: { orderBy: { recipientOrder: 'asc' } },
  events: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
} satisfies Prisma.SandboxEnvelopeInclude;

export type SandboxEnvelopeState = Prisma.SandboxEnvelopeGetPayload<{ include: typeof include }>;

/** A sandbox envelope with its recipients in signing order and its history, oldest first; null if unknown. */
export async function getSandboxEnvelope(options: { envelopeId: string }): Promise<SandboxEnvelopeState | null> {
  return prisma.sandboxEnvelope.findUnique({ where: { id: options.envelopeId }, include });
}
