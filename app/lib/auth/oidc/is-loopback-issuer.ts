const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether plain http may reach this issuer: only a provider on this machine (a test's, a developer's), where nothing
 * on the network can read or change the traffic. Anywhere else, tokens over http could be stolen or forged.
 */
export function isLoopbackIssuer(issuer: URL): boolean {
  return LOOPBACK_HOSTS.has(issuer.hostname);
}
