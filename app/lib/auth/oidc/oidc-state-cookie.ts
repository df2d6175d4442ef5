/**
 * The state of a company sign-in, also kept in the browser that started it: a callback carrying a state this
 * browser never asked for (a link someone else started, to sign a victim into the attacker's account) is refused.
 */
export const OIDC_STATE_COOKIE = 'envelope_tracker_oidc_state';

export function oidcStateCookie({ state, secure }: { state: string; secure: boolean }) {
  return {
    name: OIDC_STATE_COOKIE,
    value: state,
    httpOnly: true,
    // Lax: the provider's redirect back is a top-level GET, which carries it.
    sameSite: 'lax' as const,
    secure,
    path: '/api/auth/oidc',
    maxAge: 10 * 60,
  };
}

export function clearedOidcStateCookie({ secure }: { secure: boolean }) {
  return { ...oidcStateCookie({ state: '', secure }), maxAge: 0 };
}
