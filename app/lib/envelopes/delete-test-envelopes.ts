import 'server-only';
import { prisma } from '@/app/lib/db/prisma';

/**
 * Removes the envelopes that Setup's test notifications made (Envelope.isTest), with their recipients, events and
 * the delivery log's entries for them. Real envelopes are never touched. Returns how many envelopes went.
 */
export async function deleteTestEnvelopes(): Promise<{ deleted: number }> {
  return prisma.$transaction(async (tx) => {
    const tests = await tx.envelope.findMany({ where: { isTest: true }, select: { id: true } });
    const ids = tests.map((envelope) => envelope.id);
    if (ids.length === 0) return { deleted: 0 };
    await tx.delivery.deleteMany({ where: { envelopeId: { in: ids } } });
    const { count } = await tx.envelope.deleteMany({ where: { id: { in: ids }, isTest: true } });
    return { deleted: count };
  });
}
