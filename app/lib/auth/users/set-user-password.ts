import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { generatePassword } from '../passwords/generate-password';
import { hashPassword, verifyPassword } from '../passwords/password-hash';
import { readSignInWait, recordSignInFailure, signInThrottleKeys } from '../throttle/sign-in-throttle';

/**
 * An admin's reset, e.g. of an account that may be in the wrong hands: a new password (chosen, or one-time and shown
 * once), to be changed at the next sign-in; every session of the user ends and every token of theirs is revoked.
 * Null when there is no such user.
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
    prisma.apiToken.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date() } }),
  ]);
  return { email: user.email, oneTimePassword };
}

export type ChangePasswordResult =
  | { ok: true; otherSessionsEnded: number }
  | { ok: false; code: 'wrong_password' | 'no_password'; message: string }
  | { ok: false; code: 'too_many_attempts'; message: string; retryAfterSeconds: number };

/**
 * A person changes their own password: the current one is asked for, and every other session of theirs ends. Wrong
 * current passwords count toward the sign-in throttle like wrong sign-ins (or this would be a way to guess without
 * limit). Someone who signs in only through company SSO gets no password this way: an admin can give them one.
 */
export async function changeOwnPassword({
  userId,
  currentPassword,
  newPassword,
  currentSessionId,
  sourceAddress,
}: {
  userId: string;
  currentPassword?: string;
  newPassword: string;
  currentSessionId: string | null;
  sourceAddress: string | null;
}): Promise<ChangePasswordResult> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, passwordHash: true },
  });
  if (!user.passwordHash)
    return {
      ok: false,
      code: 'no_password',
      message:
        'You sign in with your company account, so you have no password here to change. An admin can give you one if you need it.',
    };
  const keys = signInThrottleKeys({ sourceAddress, email: user.email });
  const waiting = await readSignInWait({ keys });
  if (waiting > 0)
    return {
      ok: false,
      code: 'too_many_attempts',
      message: `Too many wrong passwords. Try again in ${waiting} seconds.`,
      retryAfterSeconds: waiting,
    };
  if (!(await verifyPassword({ password: currentPassword ?? '', hash: user.passwordHash }))) {
    await recordSignInFailure({ keys });
    return { ok: false, code: 'wrong_password', message: 'The current password is not right: type it again.' };
  }
  const hash = await hashPassword(newPassword);
  const [, ended] = await prisma.$transaction([
    prisma.user.update({ where: { id: userId }, data: { passwordHash: hash, mustChangePassword: false } }),
    prisma.userSession.deleteMany({
      where: { userId, ...(currentSessionId ? { id: { not: currentSessionId } } : {}) },
    }),
  ]);
  return { ok: true, otherSessionsEnded: ended.count };
}
