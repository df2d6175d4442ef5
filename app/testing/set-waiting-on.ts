import { prisma } from '@/app/lib/db/prisma';

/**
 * Makes an envelope wait on someone, as deriving it from a recipient would: the columns, and the person's e-mail and
 * name in the search text (through which the "waiting on" filter finds them).
 */
export async function setWaitingOn(
  envelopeId: string,
  who: { email?: string | null; name?: string | null; since?: Date | null },
) {
  const { searchText } = await prisma.envelope.findUniqueOrThrow({
    where: { id: envelopeId },
    select: { searchText: true },
  });
  const lines = [who.email, who.name].flatMap((value) => (value ? [value.toLowerCase()] : []));
  await prisma.envelope.update({
    where: { id: envelopeId },
    data: {
      waitingOnEmail: who.email ?? null,
      waitingOnName: who.name ?? null,
      waitingSince: who.since ?? null,
      searchText: [searchText, ...lines].join('\n'),
    },
  });
}
