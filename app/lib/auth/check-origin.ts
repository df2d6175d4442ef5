/**
 * Whether a state-changing request was sent by a page of this app: its Origin is the host the
 * request was addressed to (Host, or X-Forwarded-Host behind trusted proxies) or PUBLIC_URL.
 * Browsers send Origin with every POST, PUT, PATCH and DELETE; when it is missing, Sec-Fetch-Site
 * decides, and a request with neither is refused unless `allowMissing` (scripts use the API token).
 */
export function isSameOriginRequest({
  headers,
  publicUrl,
  trustedProxyHops,
  allowMissing = false,
}: {
  headers: Headers;
  publicUrl: string | null;
  trustedProxyHops: number;
  allowMissing?: boolean;
}): boolean {
  const origin = headers.get('origin');
  if (origin === null) {
    const site = headers.get('sec-fetch-site');
    if (site !== null) return site === 'same-origin';
    return allowMissing;
  }
  const originUrl = parseUrl(origin);
  if (!originUrl || (originUrl.protocol !== 'http:' && originUrl.protocol !== 'https:')) return false;
  if (publicUrl && parseUrl(publicUrl)?.origin === originUrl.origin) return true;

  const hosts = [headers.get('host')];
  if (trustedProxyHops > 0) hosts.push(headers.get('x-forwarded-host')?.split(',')[0]?.trim() ?? null);
  // Parsed with the origin's scheme, so an explicit default port (example.com:443) compares equal.
  return hosts.some((host) => host && parseUrl(`${originUrl.protocol}//${host}`)?.host === originUrl.host);
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
