import 'server-only';
import { prisma } from '@/app/lib/db/prisma';

export async function listHooks(options: { includeRevoked?: boolean } = {}) {
  return prisma.hook.findMany({
    where: options.includeRevoked ? {} : { revokedAt: null },
    orderBy: { createdAt: 'asc' },
  });
}
