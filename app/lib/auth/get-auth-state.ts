import 'server-only';
import { headers } from 'next/headers';
import { readPrincipal, type Principal } from './principal';
import { getAuthConfig } from './resolve-auth-config';
import { roleAtLeast, type Role } from './roles';

export type AuthState = {
  /** `accounts`: sign-in required; `open-development`: open, with a warning; `open-disabled`: DASHBOARD_AUTH=off. */
  protection: 'accounts' | 'open-development' | 'open-disabled' | 'misconfigured';
  signedIn: boolean;
  /** Whom proxy.ts let this request through as (an admin for everyone while sign-in is off). */
  principal: Principal | null;
  /** Whether the visitor may do what needs `role` (pages hide or disable what they may not). */
  can: (role: Role) => boolean;
};

/** For server components: how the dashboard is guarded and who is looking. */
export async function getAuthState(): Promise<AuthState> {
  const config = getAuthConfig();
  const principal = readPrincipal(await headers());
  const can = (role: Role) => principal !== null && roleAtLeast(principal.role, role);
  if (config.mode === 'open')
    return {
      protection: config.reason === 'development' ? 'open-development' : 'open-disabled',
      signedIn: false,
      principal,
      can: () => true,
    };
  if (config.mode === 'misconfigured') return { protection: 'misconfigured', signedIn: false, principal: null, can };
  return { protection: 'accounts', signedIn: principal?.kind === 'session', principal, can };
}
