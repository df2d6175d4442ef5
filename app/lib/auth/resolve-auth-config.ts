import { createHmac } from 'node:crypto';
import { getEnvironment, type Environment } from '@/app/lib/env';

/**
 * How the dashboard is guarded, resolved from the environment once.
 * - `password`: pages and APIs need a session cookie (or the API token).
 * - `open`: anyone who reaches the app may use it; `development` shows a warning banner, `disabled`
 *   (DASHBOARD_AUTH=off) is a deliberate choice, e.g. behind a company SSO proxy.
 * - `misconfigured`: the settings cannot work; `problem` says what to set. The server refuses to start
 *   (scripts/prepare-server.ts), and if started anyway only webhooks and health answer.
 */
export type AuthConfig =
  | {
      mode: 'password';
      password: string;
      /** Signs session cookies; derived from SESSION_SECRET and the password, so changing either ends every session. */
      sessionKey: Buffer;
      /** Signs device cookies (see device-token.ts); derived from SESSION_SECRET alone, so a new password keeps them. */
      deviceKey: Buffer;
      apiToken: string | null;
      publicUrl: string | null;
      trustedProxyHops: number;
      warnings: string[];
    }
  | {
      mode: 'open';
      reason: 'development' | 'disabled';
      /** Open still checks the Origin of state-changing requests, which needs the app's address. */
      publicUrl: string | null;
      trustedProxyHops: number;
      warnings: string[];
    }
  | { mode: 'misconfigured'; problem: string };

const GENERATE_SECRET = 'e.g. the output of `openssl rand -base64 32`';

export function resolveAuthConfig({
  environment = getEnvironment(),
  production = environment.NODE_ENV === 'production',
}: { environment?: Environment; production?: boolean } = {}): AuthConfig {
  const { DASHBOARD_PASSWORD: password, SESSION_SECRET: secret, API_TOKEN: apiToken, DASHBOARD_AUTH } = environment;
  const address = { publicUrl: environment.PUBLIC_URL ?? null, trustedProxyHops: environment.TRUSTED_PROXY_HOPS };

  if (DASHBOARD_AUTH === 'off') {
    if (password)
      return {
        mode: 'misconfigured',
        problem:
          'DASHBOARD_AUTH=off turns sign-in off, but DASHBOARD_PASSWORD is set too: remove DASHBOARD_AUTH=off to require the password, or unset DASHBOARD_PASSWORD to run without sign-in on purpose.',
      };
    const warnings = apiToken ? ['API_TOKEN has no effect while DASHBOARD_AUTH=off: the API is open.'] : [];
    return { mode: 'open', reason: 'disabled', ...address, warnings };
  }

  if (password) {
    if (!secret)
      return {
        mode: 'misconfigured',
        problem: `DASHBOARD_PASSWORD is set but SESSION_SECRET is not: set SESSION_SECRET to 32 or more random characters (${GENERATE_SECRET}); it signs the session cookies.`,
      };
    if (secret === password)
      return {
        mode: 'misconfigured',
        problem: `SESSION_SECRET must differ from DASHBOARD_PASSWORD: set it to 32 or more random characters (${GENERATE_SECRET}).`,
      };
    if (apiToken === password)
      return {
        mode: 'misconfigured',
        problem: 'API_TOKEN must differ from DASHBOARD_PASSWORD: give scripts a token of their own (16+ characters).',
      };
    const sessionKey = createHmac('sha256', secret).update(`envelope-tracker session key\0${password}`).digest();
    const deviceKey = createHmac('sha256', secret).update('envelope-tracker device key').digest();
    return {
      mode: 'password',
      password,
      sessionKey,
      deviceKey,
      apiToken: apiToken ?? null,
      ...address,
      warnings: [],
    };
  }

  if (production)
    return {
      mode: 'misconfigured',
      problem: `Production needs sign-in: set DASHBOARD_PASSWORD (8+ characters) and SESSION_SECRET (32+ random characters, ${GENERATE_SECRET}). If something in front of the app already guards it (e.g. a company SSO proxy), set DASHBOARD_AUTH=off instead.`,
    };

  const warnings = [
    ...(apiToken ? ['API_TOKEN has no effect without DASHBOARD_PASSWORD: the API is open.'] : []),
    ...(secret ? ['SESSION_SECRET has no effect without DASHBOARD_PASSWORD.'] : []),
  ];
  return { mode: 'open', reason: 'development', ...address, warnings };
}

let cached: AuthConfig | undefined;

/** The running server's configuration (production is whatever `next start` / `next dev` set NODE_ENV to). */
export function getAuthConfig(): AuthConfig {
  cached ??= resolveAuthConfig();
  return cached;
}

/** One line for start-up logs. */
export function describeAuthConfig(config: AuthConfig): string {
  switch (config.mode) {
    case 'password':
      return `Sign-in: password required${config.apiToken ? '; scripts may use the API_TOKEN bearer token' : ''}.`;
    case 'open':
      return config.reason === 'disabled'
        ? 'Sign-in: off (DASHBOARD_AUTH=off); whatever is in front of the app must guard it.'
        : 'Sign-in: not configured; the dashboard is open to anyone who reaches it (set DASHBOARD_PASSWORD and SESSION_SECRET to protect it).';
    case 'misconfigured':
      return `Sign-in: ${config.problem}`;
  }
}
