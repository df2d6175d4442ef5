import type { User } from '@/app/generated/prisma/sqlite/client';

/** A user as the API and the pages show one: never the password hash. */
export type UserSummary = {
  id: string;
  email: string;
  name: string;
  role: string;
  disabled: boolean;
  /** "password", "sso" or "password and sso". */
  signIn: string;
  mustChangePassword: boolean;
  createdAt: string;
  lastSignInAt: string | null;
};

export function toUserSummary(user: User): UserSummary {
  const ways = [user.passwordHash ? 'password' : null, user.oidcSubject ? 'sso' : null].filter(Boolean);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    disabled: user.disabled,
    signIn: ways.join(' and ') || 'none yet',
    mustChangePassword: user.mustChangePassword,
    createdAt: user.createdAt.toISOString(),
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
  };
}
