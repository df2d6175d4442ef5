import 'server-only';
import { randomUUID } from 'node:crypto';
import { prisma } from '@/app/lib/db/prisma';
import type { OidcIdentity } from '../oidc/complete-oidc-sign-in';
import { createUserSession, type NewSession } from '../sessions/create-user-session';

export type OidcUserResult =
  | { ok: true; session: NewSession; user: { id: string; email: string; role: string }; created: boolean }
  | { ok: false; code: 'account_disabled'; email: string };

/**
 * The user a company sign-in stands for: the one already linked to this issuer and subject, else the one with the
 * same (verified, allowed) e-mail, which gets linked, else a new user with the role the claims map to. With a role
 * claim configured the provider's groups stay the source of truth, so the role follows them at every sign-in;
 * without one, an admin sets roles on the Users page. A disabled user stays out.
 */
export async function signInWithOidcIdentity({
  identity,
  rolesFromClaims,
  sourceAddress,
  userAgent,
  now = new Date(),
}: {
  identity: OidcIdentity;
  rolesFromClaims: boolean;
  sourceAddress: string | null;
  userAgent: string | null;
  now?: Date;
}): Promise<OidcUserResult> {
  const linked =
    (await prisma.user.findUnique({
      where: { oidcIssuer_oidcSubject: { oidcIssuer: identity.issuer, oidcSubject: identity.subject } },
    })) ?? (await prisma.user.findUnique({ where: { email: identity.email } }));
  let created = false;
  let user;
  if (linked) {
    if (linked.disabled) return { ok: false, code: 'account_disabled', email: linked.email };
    user = await prisma.user.update({
      where: { id: linked.id },
      data: {
        oidcIssuer: identity.issuer,
        oidcSubject: identity.subject,
        ...(rolesFromClaims ? { role: identity.role } : {}),
      },
    });
  } else {
    created = true;
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
  }
  const session = await createUserSession({ userId: user.id, method: 'oidc', sourceAddress, userAgent, now });
  return { ok: true, session, user: { id: user.id, email: user.email, role: user.role }, created };
}
