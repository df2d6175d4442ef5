import 'server-only';
import { randomUUID } from 'node:crypto';
import { prisma } from '@/app/lib/db/prisma';
import type { OidcIdentity } from '../oidc/complete-oidc-sign-in';
import { createUserSession, type NewSession } from '../sessions/create-user-session';

export type OidcUserResult =
  | {
      ok: true;
      session: NewSession;
      user: { id: string; email: string; role: string };
      created: boolean;
      /** The role before a sign-in changed it (the provider's groups changed). */
      roleBefore: string | null;
    }
  | { ok: false; code: 'account_disabled' | 'oidc_account_conflict'; email: string };

/**
 * The user a company sign-in stands for: the one already linked to this issuer and subject; else the one with the
 * same e-mail, linked now, but only when it was never linked to another company account (a new hire who inherits a
 * former colleague's address must not inherit their account) and the provider vouches for the e-mail (verified, or
 * within OIDC_ALLOWED_DOMAINS for providers that never say); else a new user with the role the claims map to. With a
 * role claim configured the provider's groups stay the source of truth, so the role follows them at every sign-in,
 * except that the last active admin is not moved down (someone must still manage the app); without one, an admin
 * sets roles on the Users page. A disabled user stays out.
 */
export async function signInWithOidcIdentity({
  identity,
  rolesFromClaims,
  emailDomainAllowed,
  sourceAddress,
  userAgent,
  now = new Date(),
}: {
  identity: OidcIdentity;
  rolesFromClaims: boolean;
  /** OIDC_ALLOWED_DOMAINS lists the e-mail's domain. */
  emailDomainAllowed: boolean;
  sourceAddress: string | null;
  userAgent: string | null;
  now?: Date;
}): Promise<OidcUserResult> {
  const key = { oidcIssuer_oidcSubject: { oidcIssuer: identity.issuer, oidcSubject: identity.subject } };
  let user = await prisma.user.findUnique({ where: key });
  if (!user) {
    const byEmail = await prisma.user.findUnique({ where: { email: identity.email } });
    if (byEmail) {
      const vouched = identity.emailVerified === true || (identity.emailVerified === null && emailDomainAllowed);
      if (byEmail.oidcSubject !== null || !vouched)
        return { ok: false, code: 'oidc_account_conflict', email: byEmail.email };
      user = byEmail;
    }
  }
  if (user?.disabled) return { ok: false, code: 'account_disabled', email: user.email };

  let created = false;
  let roleBefore: string | null = null;
  if (user) {
    const existing = user;
    const role =
      rolesFromClaims && identity.role !== existing.role ? await roleToApply(existing, identity.role) : existing.role;
    if (role !== existing.role) roleBefore = existing.role;
    user = await prisma.user.update({
      where: { id: existing.id },
      data: { oidcIssuer: identity.issuer, oidcSubject: identity.subject, role },
    });
  } else {
    try {
      user = await prisma.user.create({
        data: {
          id: randomUUID(),
          email: identity.email,
          name: identity.name,
          role: identity.role,
          oidcIssuer: identity.issuer,
          oidcSubject: identity.subject,
          createdAt: now,
        },
      });
      created = true;
    } catch (error) {
      // The same person's first sign-in in two tabs at once: the other one made the user.
      user = await prisma.user.findUnique({ where: key });
      if (!user) throw error;
    }
  }
  const session = await createUserSession({ userId: user.id, method: 'oidc', sourceAddress, userAgent, now });
  return { ok: true, session, user: { id: user.id, email: user.email, role: user.role }, created, roleBefore };
}

/** The claims' role, unless it would move the last active admin down. */
async function roleToApply(user: { id: string; role: string; disabled: boolean }, claimed: string): Promise<string> {
  if (user.role !== 'admin' || claimed === 'admin') return claimed;
  const admins = await prisma.user.count({ where: { role: 'admin', disabled: false } });
  return admins <= 1 ? user.role : claimed;
}
