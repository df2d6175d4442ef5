// How account facts read on the Account and Users pages: the API's terse values in words.

/** `signIn` of a user summary ("password", "sso", "password and sso", "none yet") in words. */
export function signInWays(signIn: string): string {
  const words = signIn
    .split(' and ')
    .map((way) => (way === 'password' ? 'Password' : way === 'sso' ? 'Company SSO' : way))
    .join(' and ');
  return words === 'none yet' ? 'Not yet: no password, never signed in through SSO' : words;
}

/** Whether the person has a password of their own to confirm a change with. */
export function hasPassword(signIn: string): boolean {
  return signIn.split(' and ').includes('password');
}

/** A session's sign-in method ("password", "oidc"). */
export function sessionMethod(method: string): string {
  return method === 'oidc' ? 'Company SSO' : method === 'password' ? 'Password' : method;
}

/**
 * A browser's User-Agent as people know it, "Firefox on Windows"; enough to tell one's laptop from one's phone.
 * Order matters: Edge and Opera say Chrome too, Chrome says Safari, Android says Linux.
 */
export function describeUserAgent(userAgent: string | null): string {
  if (!userAgent) return 'Unknown browser';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /OPR\//.test(userAgent)
      ? 'Opera'
      : /Firefox\//.test(userAgent)
        ? 'Firefox'
        : /Chrom(e|ium)\//.test(userAgent)
          ? 'Chrome'
          : /Safari\//.test(userAgent)
            ? 'Safari'
            : /^curl\//.test(userAgent)
              ? 'curl'
              : null;
  const system = /iPhone|iPad|iPod/.test(userAgent)
    ? 'iOS'
    : /Android/.test(userAgent)
      ? 'Android'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(userAgent)
          ? 'macOS'
          : /CrOS/.test(userAgent)
            ? 'ChromeOS'
            : /Linux/.test(userAgent)
              ? 'Linux'
              : null;
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? userAgent.slice(0, 60);
}

export type TokenState = { kind: 'active' | 'expired' | 'revoked'; label: string };

/** Whether a token still works. */
export function tokenState(token: { expiresAt: string | null; revokedAt: string | null }, now: Date): TokenState {
  if (token.revokedAt) return { kind: 'revoked', label: 'Revoked' };
  if (token.expiresAt && Date.parse(token.expiresAt) <= now.getTime()) return { kind: 'expired', label: 'Expired' };
  return { kind: 'active', label: 'Active' };
}
