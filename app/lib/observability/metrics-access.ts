import { readBearerToken } from '@/app/lib/auth/read-bearer-token';
import { safeEqual } from '@/app/lib/auth/safe-equal';
import { getEnvironment } from '@/app/lib/env';
import { isAddressAllowed, parseNetworkList } from '@/app/lib/hooks/allowed-networks';

export type MetricsAccess = { ok: true } | { ok: false; status: 401 | 403 | 404; code: string; message: string };

/**
 * Who may read the metrics: a scraper with `Authorization: Bearer <METRICS_TOKEN>`, or one in
 * METRICS_ALLOWED_NETWORKS. With neither set the endpoint is off (404), so an installation never publishes its
 * numbers by accident.
 */
/** `sourceAddress`: the scraper's address as the route reads it (getSourceAddress, behind TRUSTED_PROXY_HOPS). */
export function checkMetricsAccess(options: { headers: Headers; sourceAddress: string | null }): MetricsAccess {
  const { headers, sourceAddress: address } = options;
  const environment = getEnvironment();
  const token = environment.METRICS_TOKEN;
  const networks = environment.METRICS_ALLOWED_NETWORKS?.trim();
  if (!token && !networks) {
    return {
      ok: false,
      status: 404,
      code: 'metrics_off',
      message:
        'Metrics are off: set METRICS_TOKEN (for a bearer token) or METRICS_ALLOWED_NETWORKS (for the scraper’s network).',
    };
  }
  const bearer = readBearerToken(headers);
  if (bearer !== null) {
    if (token && safeEqual(bearer, token)) return { ok: true };
    return { ok: false, status: 401, code: 'unauthorized', message: 'The bearer token does not match METRICS_TOKEN.' };
  }
  if (networks) {
    const parsed = parseNetworkList(networks);
    // An empty list would allow every address: it allows none here.
    if (parsed.ok && parsed.networks.length > 0 && isAddressAllowed(address, parsed.networks)) return { ok: true };
    if (!parsed.ok) {
      return { ok: false, status: 403, code: 'forbidden', message: `METRICS_ALLOWED_NETWORKS: ${parsed.message}` };
    }
  }
  return {
    ok: false,
    status: token ? 401 : 403,
    code: token ? 'unauthorized' : 'forbidden',
    message: token
      ? 'Send "Authorization: Bearer <METRICS_TOKEN>".'
      : 'This address is not in METRICS_ALLOWED_NETWORKS.',
  };
}
