import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { toUserSummary, type UserSummary } from './user-summary';

export async function listUsers(): Promise<UserSummary[]> {
  const users = await prisma.user.findMany({ orderBy: [{ disabled: 'asc' }, { email: 'asc' }], take: 5000 });
  return users.map(toUserSummary);
}

export async function getUserById({ id }: { id: string }): Promise<UserSummary | null> {
  const user = await prisma.user.findUnique({ where: { id } });
  return user ? toUserSummary(user) : null;
}
