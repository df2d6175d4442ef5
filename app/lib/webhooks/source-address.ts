import ipaddr from 'ipaddr.js';
import { readPeerAddress } from '@/app/lib/server/http-server-patches';

/**
 * The address a request came from. Behind TRUSTED_PROXY_HOPS reverse proxies it is the entry
 * they appended to X-Forwarded-For; otherwise the socket's own address, which an HTTP-server patch
 * stamps on every request (Next.js does not expose it to route handlers; see http-server-patches.ts).
 */
export function getSourceAddress(headers: Headers, trustedProxyHops: number): string | null {
  if (trustedProxyHops > 0) {
    const chain = (headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    return chain[chain.length - trustedProxyHops] ?? chain[0] ?? null;
  }
  return readPeerAddress(headers);
}

/** An address as people read it: "127.0.0.1" rather than "::ffff:127.0.0.1" (an IPv4 client on a dual-stack socket). */
export function readableAddress(address: string | null): string | null {
  if (address === null) return null;
  return ipaddr.isValid(address) ? ipaddr.process(address).toString() : address.slice(0, 100);
}
