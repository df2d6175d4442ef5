import { getEnvironment, type Environment } from '@/app/lib/env';
import { resolveOidcSettings } from './oidc/oidc-settings';

/**
 * How the dashboard is guarded, resolved from the environment once.
 * - `accounts`: pages and APIs need a signed-in person (password or company SSO) or an API token; people, sessions
 *   and tokens live in the database. Always so in production, unless DASHBOARD_AUTH=off.
 * - `open`: anyone who reaches the app may use it; `development` (nothing configured in development) shows a
 *   warning banner, `disabled` (DASHBOARD_AUTH=off) is a deliberate choice, e.g. behind a company SSO proxy.
 * - `misconfigured`: the settings cannot work; `problem` says what to set. The server refuses to start
 *   (scripts/prepare-server.ts), and if started anyway only webhooks and health answer.
 */
export type AuthConfig =
  | {
      mode: 'accounts';
      /** The deprecated shared API_TOKEN: still an admin token, with a notice. */
      apiToken: string | null;
      /** DASHBOARD_PASSWORD is set: a sign-in without an e-mail means the admin made from it. */
      legacyPassword: boolean;
      passwordSignIn: boolean;
      sso: boolean;
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

export function resolveAuthConfig({
  environment = getEnvironment(),
  production = environment.NODE_ENV === 'production',
}: { environment?: Environment; production?: boolean } = {}): AuthConfig {
  const { DASHBOARD_PASSWORD: password, API_TOKEN: apiToken, DASHBOARD_AUTH } = environment;
  const address = { publicUrl: environment.PUBLIC_URL ?? null, trustedProxyHops: environment.TRUSTED_PROXY_HOPS };
  const sso = Boolean(environment.OIDC_ISSUER);

  if (DASHBOARD_AUTH === 'off') {
    if (password || environment.ADMIN_PASSWORD || sso)
      return {
        mode: 'misconfigured',
        problem:
          'DASHBOARD_AUTH=off turns sign-in off, but a way to sign in is set too (DASHBOARD_PASSWORD, ADMIN_PASSWORD or OIDC_ISSUER): remove DASHBOARD_AUTH=off to require sign-in, or unset those to run without sign-in on purpose.',
      };
    const warnings = apiToken ? ['API_TOKEN has no effect while DASHBOARD_AUTH=off: the API is open.'] : [];
    return { mode: 'open', reason: 'disabled', ...address, warnings };
  }

  if (environment.ADMIN_EMAIL && !environment.ADMIN_PASSWORD && !password && !sso)
    return {
      mode: 'misconfigured',
      problem:
        'ADMIN_EMAIL is set without ADMIN_PASSWORD: set ADMIN_PASSWORD (12+ characters) to create the first admin, or create one with `npm run user:create -- --email you@example.com --role admin`.',
    };
  if (apiToken && password && apiToken === password)
    return {
      mode: 'misconfigured',
      problem: 'API_TOKEN must differ from DASHBOARD_PASSWORD: give scripts a token of their own (16+ characters).',
    };
  if (sso) {
    const oidc = resolveOidcSettings({ environment });
    if (oidc && 'problem' in oidc) return { mode: 'misconfigured', problem: oidc.problem };
  }
  if (environment.PASSWORD_SIGN_IN === 'off' && !sso)
    return {
      mode: 'misconfigured',
      problem:
        'PASSWORD_SIGN_IN=off leaves no way to sign in: set OIDC_ISSUER (company SSO) too, or remove PASSWORD_SIGN_IN.',
    };

  const passwordSignIn = environment.PASSWORD_SIGN_IN === 'on';
  const configured = Boolean(password || environment.ADMIN_PASSWORD || sso);
  if (production || configured) {
    const warnings = [
      ...(apiToken
        ? [
            'API_TOKEN is deprecated: it still acts as an admin, but people should make personal tokens on their Account page (POST /api/tokens) and API_TOKEN be removed.',
          ]
        : []),
      ...(password
        ? [
            "DASHBOARD_PASSWORD is deprecated: it became the password of the first admin. Sign in with that admin's e-mail, choose a new password on the Account page, then remove DASHBOARD_PASSWORD.",
          ]
        : []),
      ...(environment.SESSION_SECRET ? ['SESSION_SECRET is no longer needed: sessions live in the database.'] : []),
    ];
    return {
      mode: 'accounts',
      apiToken: apiToken ?? null,
      legacyPassword: Boolean(password),
      passwordSignIn,
      sso,
      ...address,
      warnings,
    };
  }

  const warnings = apiToken ? ['API_TOKEN has no effect while sign-in is not configured: the API is open.'] : [];
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
    case 'accounts': {
      const ways = [config.passwordSignIn ? 'password' : null, config.sso ? 'company SSO (OpenID Connect)' : null]
        .filter(Boolean)
        .join(' or ');
      return `Sign-in: required (${ways}); scripts use personal API tokens${config.apiToken ? ' or the deprecated API_TOKEN' : ''}.`;
    }
    case 'open':
      return config.reason === 'disabled'
        ? 'Sign-in: off (DASHBOARD_AUTH=off); whatever is in front of the app must guard it.'
        : 'Sign-in: not configured; the dashboard is open to anyone who reaches it (set ADMIN_EMAIL and ADMIN_PASSWORD, or OIDC_ISSUER, to protect it).';
    case 'misconfigured':
      return `Sign-in: ${config.problem}`;
  }
}
