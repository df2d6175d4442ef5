import { z } from 'zod';
import { getEnvironment, type Environment } from '@/app/lib/env';
import { isRole, type Role } from '../roles';
import { isLoopbackIssuer } from './is-loopback-issuer';

/** Company SSO as the environment sets it, checked once so that a sign-in never meets half a configuration. */
export type OidcSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Lower-case e-mail domains whose people may enter; empty lets in everyone the provider vouches for. */
  allowedDomains: string[];
  /** The claim holding groups or roles; null when roles do not come from the provider. */
  roleClaim: string | null;
  /** Claim value → role; when several values match, the highest role wins (see mapOidcRole). */
  roleMap: Map<string, Role>;
  /** The role of someone no mapping names; `none` keeps them out. */
  defaultRole: Role | 'none';
  displayName: string;
  /** Registered at the provider exactly as written here; the provider refuses any other. */
  redirectUri: string;
};

export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

// A domain as people type it into an address: labels of letters, digits and hyphens.
const domainSchema = z.string().regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/);

/**
 * Reads OIDC_* from the environment: null when SSO is not set up (no OIDC_ISSUER), the settings when complete, or
 * `{ problem }` saying what to set, so that start-up can refuse a configuration that would fail at the first sign-in.
 */
export function resolveOidcSettings({ environment = getEnvironment() }: { environment?: Environment } = {}):
  OidcSettings | { problem: string } | null {
  const {
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: clientId,
    OIDC_CLIENT_SECRET: clientSecret,
    OIDC_ROLE_CLAIM: roleClaim,
    OIDC_ROLE_MAP: roleMapText,
    OIDC_DEFAULT_ROLE: defaultRole,
  } = environment;

  if (!issuer) {
    // A client id or secret without an issuer is a half-done setup (or a misspelt OIDC_ISSUER), not "SSO off".
    if (clientId || clientSecret)
      return {
        problem:
          "OIDC_CLIENT_ID or OIDC_CLIENT_SECRET is set but OIDC_ISSUER is not: set OIDC_ISSUER to the provider's issuer URL (e.g. https://login.example.com/realms/staff), or unset the other OIDC_ variables.",
      };
    return null;
  }

  if (!URL.canParse(issuer))
    return { problem: `OIDC_ISSUER must be a URL such as https://login.example.com/realms/staff: got ${issuer}.` };
  const issuerUrl = new URL(issuer);
  if (issuerUrl.protocol !== 'https:' && !(issuerUrl.protocol === 'http:' && isLoopbackIssuer(issuerUrl)))
    return {
      problem: `OIDC_ISSUER must start with https:// (plain http is allowed only for localhost): got ${issuer}.`,
    };
  if (issuerUrl.search || issuerUrl.hash)
    return { problem: `OIDC_ISSUER must be the issuer URL alone, without ?query or #fragment: got ${issuer}.` };
  if (!clientId)
    return {
      problem: 'OIDC_ISSUER is set but OIDC_CLIENT_ID is not: set it to the client id the provider gave this app.',
    };
  if (!clientSecret)
    return {
      problem:
        'OIDC_ISSUER is set but OIDC_CLIENT_SECRET is not: set it to the client secret the provider gave this app (a confidential "web" client).',
    };

  const allowedDomains = parseAllowedDomains(environment.OIDC_ALLOWED_DOMAINS ?? '');
  if ('problem' in allowedDomains) return allowedDomains;

  const roleMap = parseRoleMap(roleMapText ?? '');
  if ('problem' in roleMap) return roleMap;
  if (roleMap.map.size > 0 && !roleClaim)
    return {
      problem:
        'OIDC_ROLE_MAP is set but OIDC_ROLE_CLAIM is not: set it to the id token claim that holds the groups or roles, e.g. OIDC_ROLE_CLAIM=groups.',
    };
  if (roleClaim && roleMap.map.size === 0)
    return {
      problem: `OIDC_ROLE_CLAIM=${roleClaim} is set but OIDC_ROLE_MAP is not: map its values to roles, e.g. OIDC_ROLE_MAP=tracker-admins=admin,tracker-ops=operator,staff=viewer (or unset OIDC_ROLE_CLAIM).`,
    };
  if (defaultRole === 'none' && roleMap.map.size === 0)
    return {
      problem:
        'OIDC_DEFAULT_ROLE=none lets in only people OIDC_ROLE_MAP names, but no map is set, so nobody could sign in: set OIDC_ROLE_CLAIM and OIDC_ROLE_MAP, or choose a default role (viewer, operator or admin).',
    };

  // A provider such as Google or Entra ID's "common" tenant vouches for anyone with an account there: without a list
  // of domains, only a mapping of groups may decide who enters.
  if (allowedDomains.domains.length === 0 && defaultRole !== 'none')
    return {
      problem:
        'OIDC_ALLOWED_DOMAINS is not set, so anyone the provider knows would get in: list your e-mail domains (e.g. OIDC_ALLOWED_DOMAINS=example.com), or set OIDC_DEFAULT_ROLE=none with OIDC_ROLE_CLAIM and OIDC_ROLE_MAP so that only mapped groups enter.',
    };

  const publicUrl = environment.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  return {
    issuer,
    clientId,
    clientSecret,
    allowedDomains: allowedDomains.domains,
    roleClaim: roleClaim ?? null,
    roleMap: roleMap.map,
    defaultRole,
    displayName: environment.OIDC_DISPLAY_NAME,
    // Kept under a PUBLIC_URL path prefix (https://example.com/tracker), which new URL('/api/…', base) would drop.
    redirectUri: `${publicUrl.replace(/\/+$/, '')}${OIDC_CALLBACK_PATH}`,
  };
}

function parseAllowedDomains(text: string): { domains: string[] } | { problem: string } {
  const domains: string[] = [];
  for (const entry of splitList(text)) {
    // People often write the domain as it appears after the @.
    const domain = entry.toLowerCase().replace(/^@/, '');
    if (!domainSchema.safeParse(domain).success)
      return {
        problem: `OIDC_ALLOWED_DOMAINS: "${entry}" is not an e-mail domain; list domains separated by commas, e.g. example.com,example.ro.`,
      };
    domains.push(domain);
  }
  return { domains: [...new Set(domains)] };
}

function parseRoleMap(text: string): { map: Map<string, Role> } | { problem: string } {
  const map = new Map<string, Role>();
  const example = 'e.g. OIDC_ROLE_MAP=tracker-admins=admin,tracker-ops=operator,staff=viewer';
  for (const entry of splitList(text)) {
    // The last = splits, so that a claim value may itself hold one.
    const at = entry.lastIndexOf('=');
    const value = entry.slice(0, Math.max(at, 0)).trim();
    const role = entry.slice(at + 1).trim();
    if (at <= 0 || !value) return { problem: `OIDC_ROLE_MAP: "${entry}" is not claim-value=role; ${example}.` };
    if (!isRole(role))
      return {
        problem: `OIDC_ROLE_MAP: "${role}" in "${entry}" is not a role; use viewer, operator or admin (${example}).`,
      };
    const earlier = map.get(value);
    if (earlier && earlier !== role)
      return { problem: `OIDC_ROLE_MAP names "${value}" twice, as ${earlier} and as ${role}: keep one.` };
    map.set(value, role);
  }
  return { map };
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}
