import { NextResponse } from 'next/server';
import { errorResponse } from '@/app/lib/api/error-response';
import { readPrincipal, type Principal } from './principal';

export type SignedInUser = Principal & { userId: string };

/**
 * For routes about the caller's own account (tokens, password, sessions): the person proxy.ts let through, or the
 * answer to give when the request acts for nobody in particular (the deprecated API_TOKEN, or sign-in turned off), or,
 * with `sessionOnly`, through a token.
 */
export function readSignedInUser(
  request: Request,
  { sessionOnly = false }: { sessionOnly?: boolean } = {},
): { ok: true; user: SignedInUser } | { ok: false; response: NextResponse } {
  const principal = readPrincipal(request.headers);
  // A token may act within its role, never make itself more: no new tokens, no password (which would sign in with
  // the owner's whole role, and outlive the token).
  if (principal?.userId && sessionOnly && principal.kind !== 'session')
    return {
      ok: false,
      response: errorResponse(
        403,
        'session_required',
        'Sign in to the dashboard to do this: an API token cannot make tokens or change the password.',
      ),
    };
  if (principal?.userId) return { ok: true, user: principal as SignedInUser };
  return {
    ok: false,
    response: errorResponse(
      409,
      'no_user',
      principal?.kind === 'legacy-token'
        ? 'API_TOKEN belongs to no user: sign in as a person, or use a personal token, to manage an account.'
        : 'Sign-in is off here, so there is no account: set ADMIN_EMAIL and ADMIN_PASSWORD (or OIDC_ISSUER) to have users.',
    ),
  };
}
