import { SIGN_IN_PATH } from './is-public-path';

const BASE = 'http://sanitize.invalid';

/**
 * Where to go after signing in: a path of this app only (`/deliveries?hook=x`), never another site.
 * `//evil.example`, `/\evil.example`, absolute URLs, control characters and API paths give `/`.
 */
export function sanitizeNextPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2048) return '/';
  // Browsers read a backslash as a slash and drop tabs and newlines, so `/\evil` would leave the site.
  if (!value.startsWith('/') || value.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(value)) return '/';
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE) return '/';
  if (url.pathname === SIGN_IN_PATH || url.pathname.startsWith('/api/') || url.pathname.startsWith('//')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
