import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { generatePassword } from '../passwords/generate-password';
import { hashPassword, verifyPassword } from '../passwords/password-hash';

/**
 * An admin's reset: a new password (chosen, or one-time and shown once), to be changed at the next sign-in; every
 * session of the user ends. Null when there is no such user.
 */
export async function resetUserPassword({
  id,
  password,
}: {
  id: string;
  password?: string;
}): Promise<{ email: string; oneTimePassword: string | null } | null> {
  const user = await prisma.user.findUnique({ where: { id }, select: { email: true } });
  if (!user) return null;
  const oneTimePassword = password ? null : generatePassword();
  await prisma.$transaction([
    prisma.user.update({
      where: { id },
      data: { passwordHash: await hashPassword(password ?? oneTimePassword!), mustChangePassword: true },
    }),
    prisma.userSession.deleteMany({ where: { userId: id } }),
  ]);
  return { email: user.email, oneTimePassword };
}

export type ChangePasswordResult =
  { ok: true; otherSessionsEnded: number } | { ok: false; code: 'wrong_password'; message: string };

/**
 * A person changes their own password: the current one is asked for (unless they have none yet, e.g. SSO only),
 * and every other session of theirs ends.
 */
export async function changeOwnPassword({
  userId,
  currentPassword,
  newPassword,
  currentSessionId,
}: {
  userId: string;
  currentPassword?: string;
  newPassword: string;
  currentSessionId: string | null;
}): Promise<ChangePasswordResult> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (user.passwordHash && !(await verifyPassword({ password: currentPassword ?? '', hash: user.passwordHash })))
    return { ok: false, code: 'wrong_password', message: 'The current password is not right: type it again.' };
  const hash = await hashPassword(newPassword);
  const [, ended] = await prisma.$transaction([
    prisma.user.update({ where: { id: userId }, data: { passwordHash: hash, mustChangePassword: false } }),
    prisma.userSession.deleteMany({
      where: { userId, ...(currentSessionId ? { id: { not: currentSessionId } } : {}) },
    }),
  ]);
  return { ok: true, otherSessionsEnded: ended.count };
}
