import { readPrincipal } from '@/app/lib/auth/principal';

/** Who made a request, as proxy.ts established it. */
export type AuditActor = {
  kind: 'session' | 'token' | 'proxy' | 'anonymous' | 'system';
  /** An e-mail, "API_TOKEN", the name an SSO proxy gave, or "anonymous". */
  name: string;
  /** The personal token used, by its name. */
  tokenName?: string;
};

/**
 * The actor of a request that proxy.ts allowed: a signed-in person, a personal token (by its owner, and its name),
 * the deprecated API_TOKEN, the person an SSO proxy names in TRUSTED_USER_HEADER (with sign-in off), or nobody known.
 */
export function identifyActor(headers: Headers): AuditActor {
  const principal = readPrincipal(headers);
  if (!principal) return { kind: 'anonymous', name: 'anonymous' };
  switch (principal.kind) {
    case 'session':
      return { kind: 'session', name: principal.name };
    case 'token':
      return { kind: 'token', name: principal.name, tokenName: principal.tokenName ?? undefined };
    case 'legacy-token':
      return { kind: 'token', name: 'API_TOKEN' };
    case 'open':
      return principal.name === 'anonymous'
        ? { kind: 'anonymous', name: 'anonymous' }
        : { kind: 'proxy', name: principal.name };
  }
}
