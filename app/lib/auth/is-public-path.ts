import { SANDBOX_ESIGNANYWHERE_BASE_PATH } from '@/app/lib/signing/sandbox-address';

export const SIGN_IN_PATH = '/sign-in';
export const SIGN_IN_API_PATH = '/api/auth/sign-in';
export const SIGN_OUT_API_PATH = '/api/auth/sign-out';

const PUBLIC_EXACT = new Set([
  '/api/health',
  '/api/health/live',
  SIGN_IN_PATH,
  SIGN_IN_API_PATH,
  SIGN_OUT_API_PATH,
  '/favicon.ico',
  '/robots.txt',
]);

const PUBLIC_PREFIXES = [
  // Signing services cannot sign in; hooks carry their own secret id (and optional signatures).
  '/api/webhooks/',
  // The sandbox signing service checks its own apiToken, like the real eSignAnyWhere API.
  `${SANDBOX_ESIGNANYWHERE_BASE_PATH}/`,
  // Next.js' compiled scripts, styles and optimised images.
  '/_next/',
];

/** Next.js' generated icons (app/icon.png, app/apple-icon.png ...). */
const METADATA_ICON = /^\/(?:apple-)?icon\d*(?:\.[a-z]+)?$/;

/**
 * Paths anyone may reach without a session: webhooks, health, the sign-in page and its API, the
 * sandbox API, static assets and the files in public/ (`publicFiles`, paths like /screenshots/a.png).
 * Everything else needs a session. Compared exactly (a trailing slash aside) or by whole-segment prefix.
 */
export function isPublicPath(pathname: string, publicFiles: ReadonlySet<string> = new Set()): boolean {
  // Public only if the decoded path is public too: Next.js may serve a route by its decoded path.
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  return isPublicAsWritten(pathname, publicFiles) && (decoded === pathname || isPublicAsWritten(decoded, publicFiles));
}

function isPublicAsWritten(pathname: string, publicFiles: ReadonlySet<string>): boolean {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (PUBLIC_EXACT.has(path) || publicFiles.has(path) || METADATA_ICON.test(path)) return true;
  return PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix) || path === prefix.slice(0, -1));
}

/** The sign-in and sign-out endpoints: public, but a cross-site post to them is still refused. */
export function isSessionEndpoint(pathname: string): boolean {
  const path = pathname.replace(/\/+$/, '');
  return path === SIGN_IN_API_PATH || path === SIGN_OUT_API_PATH;
}
