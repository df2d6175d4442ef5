import 'server-only';
import { randomUUID } from 'node:crypto';
import { prisma } from '@/app/lib/db/prisma';
import { generatePassword } from '../passwords/generate-password';
import { hashPassword } from '../passwords/password-hash';
import type { Role } from '../roles';
import { toUserSummary, type UserSummary } from './user-summary';

export type CreateUserResult =
  { ok: true; user: UserSummary; oneTimePassword: string | null } | { ok: false; code: 'email_taken'; message: string };

/**
 * Adds a person. With `password: 'generate'` they get a one-time password, shown once, that they must change at
 * first sign-in; with none, they can only sign in through company SSO (by the same e-mail).
 */
export async function createUser({
  email,
  name,
  role,
  password,
  legacyAdmin = false,
  now = new Date(),
}: {
  email: string;
  name?: string;
  role: Role;
  password?: string | 'generate' | null;
  legacyAdmin?: boolean;
  now?: Date;
}): Promise<CreateUserResult> {
  const normalized = email.trim().toLowerCase();
  const existing = await prisma.user.findUnique({ where: { email: normalized }, select: { id: true } });
  if (existing) return taken(normalized);
  const oneTimePassword = password === 'generate' ? generatePassword() : null;
  const chosen = oneTimePassword ?? password ?? null;
  const passwordHash = chosen ? await hashPassword(chosen) : null;
  let user;
  try {
    user = await prisma.user.create({
      data: {
        id: randomUUID(),
        email: normalized,
        name: name?.trim() || normalized.split('@')[0]!,
        role,
        passwordHash,
        mustChangePassword: oneTimePassword !== null,
        legacyAdmin,
        createdAt: now,
      },
    });
  } catch (error) {
    // Made at the same moment by someone else (another admin, another instance's start-up).
    if (await prisma.user.findUnique({ where: { email: normalized }, select: { id: true } })) return taken(normalized);
    throw error;
  }
  return { ok: true, user: toUserSummary(user), oneTimePassword };
}

function taken(email: string): CreateUserResult {
  return {
    ok: false,
    code: 'email_taken',
    message: `There is a user with the e-mail ${email} already: change that one instead.`,
  };
}
