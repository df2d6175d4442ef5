import { afterEach, describe, expect, it, vi } from 'vitest';
import { PEER_ADDRESS_HEADER } from '@/app/lib/server/http-server-patches';
import { MISSING_PROXY_HOPS_WARNING, warnIfProxyHopsMissing } from './warn-missing-proxy-hops';

const PROXY = '10.0.0.5';

function request(forwardedFor?: string, peer: string | null = PROXY) {
  const headers = new Headers();
  if (forwardedFor !== undefined) headers.set('x-forwarded-for', forwardedFor);
  if (peer) headers.set(PEER_ADDRESS_HEADER, peer);
  return headers;
}

describe('warnIfProxyHopsMissing', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('envelope-tracker.missing-proxy-hops-warning')];
  });

  it('warns once, naming the setting, when requests come through a proxy while TRUSTED_PROXY_HOPS=0', () => {
    const warn = vi.fn();
    const state = { warned: false };
    expect(warnIfProxyHopsMissing({ headers: request('198.51.100.7'), trustedProxyHops: 0, warn, state })).toBe(true);
    for (let more = 0; more < 5; more++)
      expect(warnIfProxyHopsMissing({ headers: request('198.51.100.8'), trustedProxyHops: 0, warn, state })).toBe(
        false,
      );
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(MISSING_PROXY_HOPS_WARNING);
    expect(MISSING_PROXY_HOPS_WARNING).toMatch(
      /looks like it runs behind a proxy: set TRUSTED_PROXY_HOPS to the number of proxies/,
    );
  });

  it('warns once per process by default, whichever module copy calls (the proxy and route handlers)', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    warnIfProxyHopsMissing({ headers: request('198.51.100.7, 10.0.0.4'), trustedProxyHops: 0 });
    warnIfProxyHopsMissing({ headers: request('198.51.100.7'), trustedProxyHops: 0 });
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('stays quiet when TRUSTED_PROXY_HOPS is set', () => {
    const warn = vi.fn();
    for (const hops of [1, 2])
      expect(
        warnIfProxyHopsMissing({
          headers: request('198.51.100.7'),
          trustedProxyHops: hops,
          warn,
          state: { warned: false },
        }),
      ).toBe(false);
    expect(warn).not.toHaveBeenCalled();
  });

  it('stays quiet without X-Forwarded-For, or with only the peer in it (as Next.js fills it in)', () => {
    const warn = vi.fn();
    const state = { warned: false };
    for (const headers of [request(), request(''), request(PROXY), request(` ${PROXY} `), request('::1', '::1')])
      expect(warnIfProxyHopsMissing({ headers, trustedProxyHops: 0, warn, state })).toBe(false);
    expect(warn).not.toHaveBeenCalled();
    // Without the stamped peer address (the development server's internal hop) nothing can be told apart.
    expect(warnIfProxyHopsMissing({ headers: request(PROXY, null), trustedProxyHops: 0, warn, state })).toBe(false);
    expect(warn).not.toHaveBeenCalled();
  });
});
