import { SIGN_IN_ERROR_MESSAGES, type SignInErrorCode } from '@/app/lib/auth/sign-in-schema';

/** Where the company SSO sign-in starts: a plain GET, so it works without JavaScript; `next` survives the trip. */
export function oidcStartHref(next: string): string {
  return next === '/' ? '/api/auth/oidc/start' : `/api/auth/oidc/start?${new URLSearchParams({ next })}`;
}

/**
 * The message for `?error=<code>`, with which the form post (no JavaScript) and the SSO callback come back; an
 * unknown code (a hand-edited link) shows nothing rather than its text.
 */
export function signInErrorMessage(code: string | undefined): string | null {
  return code && Object.hasOwn(SIGN_IN_ERROR_MESSAGES, code) ? SIGN_IN_ERROR_MESSAGES[code as SignInErrorCode] : null;
}
