import type http from 'node:http';

// The HTTP servers this process answers on (Next.js does not hand out its own), noted by the request patch on their
// first request, so a shutdown can stop them taking new connections and wait for the requests in flight.

const GLOBAL_KEY = '__envelopeTrackerHttpServers';

export function trackedServers(): Set<http.Server> {
  const holder = globalThis as { [GLOBAL_KEY]?: Set<http.Server> };
  return (holder[GLOBAL_KEY] ??= new Set());
}
