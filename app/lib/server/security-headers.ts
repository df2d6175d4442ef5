import { contentSecurityPolicy } from './content-security-policy';

/**
 * The security headers that depend on the request or the settings, which proxy.ts adds to every
 * answer it handles; the fixed ones (nosniff, Referrer-Policy, X-Frame-Options) come from
 * next.config.js for every path. Strict-Transport-Security only when PUBLIC_URL is https: sent over
 * plain http it would be ignored, and a wrong one locks browsers out of a site without TLS for a year.
 */
export function securityHeaders({
  nonce,
  development,
  publicUrl,
}: {
  nonce: string;
  development: boolean;
  publicUrl: string | undefined | null;
}): Record<string, string> {
  const https = Boolean(publicUrl?.toLowerCase().startsWith('https:'));
  return {
    'Content-Security-Policy': contentSecurityPolicy({ nonce, development, https }),
    ...(https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
