import 'server-only';
import { cookies } from 'next/headers';
import { getAuthConfig } from './resolve-auth-config';
import { SESSION_COOKIE_NAME } from './session-cookie';
import { verifySessionToken } from './session-token';

export type AuthState = {
  /** `password`: sign-in required; `open-development`: open, with a warning; `open-disabled`: DASHBOARD_AUTH=off. */
  protection: 'password' | 'open-development' | 'open-disabled' | 'misconfigured';
  signedIn: boolean;
};

/** For server components: how the dashboard is guarded and whether this visitor has a session. */
export async function getAuthState(): Promise<AuthState> {
  const config = getAuthConfig();
  if (config.mode === 'open')
    return { protection: config.reason === 'development' ? 'open-development' : 'open-disabled', signedIn: false };
  if (config.mode === 'misconfigured') return { protection: 'misconfigured', signedIn: false };
  const token = (await cookies()).get(SESSION_COOKIE_NAME)?.value;
  return { protection: 'password', signedIn: verifySessionToken({ key: config.sessionKey, token }) !== null };
}
