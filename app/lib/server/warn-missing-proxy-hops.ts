import { PEER_ADDRESS_HEADER } from '@/app/lib/server/http-server-patches';

export const MISSING_PROXY_HOPS_WARNING = [
  'Requests arrive with an X-Forwarded-For header while TRUSTED_PROXY_HOPS=0, so this app looks like it runs behind a proxy:',
  'set TRUSTED_PROXY_HOPS to the number of proxies in front of it (usually 1).',
  "Until then every request seems to come from the proxy: per-hook network allow-lists check the proxy's address, and one",
  "person's failed sign-ins slow down everyone else who has not signed in from their browser before.",
  'If nothing stands in front of the app, a client sends the header itself and this can be ignored.',
].join(' ');

type WarningState = { warned: boolean };

const GLOBAL_KEY = Symbol.for('envelope-tracker.missing-proxy-hops-warning');

/** Once per process, not per module copy: proxy.ts and route handlers are bundled apart, and development reloads. */
function processState(): WarningState {
  const holder = globalThis as { [GLOBAL_KEY]?: WarningState };
  holder[GLOBAL_KEY] ??= { warned: false };
  return holder[GLOBAL_KEY];
}

/**
 * Warns in the server log, once per process, when a request carries X-Forwarded-For although
 * TRUSTED_PROXY_HOPS is 0 (then the TCP peer, i.e. the proxy, counts as every request's source).
 * Next.js fills X-Forwarded-For with the peer's own address when a request has none, so only an
 * entry other than the peer (stamped by instrumentation.ts) is a sign of a proxy. Answers whether
 * this call warned.
 */
export function warnIfProxyHopsMissing({
  headers,
  trustedProxyHops,
  warn = console.warn,
  state = processState(),
}: {
  headers: Headers;
  trustedProxyHops: number;
  warn?: (message: string) => void;
  state?: WarningState;
}): boolean {
  if (state.warned || trustedProxyHops > 0) return false;
  const forwardedFor = headers.get('x-forwarded-for');
  if (!forwardedFor) return false;
  const peer = headers.get(PEER_ADDRESS_HEADER);
  // Without the stamped peer (e.g. the development server's own internal hop) nothing can be told apart.
  if (!peer) return false;
  const entries = forwardedFor
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (!entries.some((entry) => entry !== peer)) return false;
  state.warned = true;
  warn(MISSING_PROXY_HOPS_WARNING);
  return true;
}
