import dns from 'node:dns';
import type { LookupFunction } from 'node:net';

/** Resolves a host name to every address it has; DNS unless a test gives its own. */
export type ResolveHost = (hostname: string, options: dns.LookupOptions) => Promise<dns.LookupAddress[]>;

const resolveWithDns: ResolveHost = (hostname, options) =>
  new Promise((resolve, reject) =>
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );

/**
 * A `lookup` for http.request and https.request that checks every address a host name resolves to before the
 * connection is made: `refuse` answers the error to fail with, or null. Checking the URL's host alone would let a
 * name that resolves to a forbidden address through.
 */
export function guardedLookup(
  refuse: (address: string) => Error | null,
  resolveHost: ResolveHost = resolveWithDns,
): LookupFunction {
  return (hostname, options, callback) => {
    resolveHost(hostname, options).then(
      (addresses) => {
        for (const entry of addresses) {
          const refusal = refuse(entry.address);
          if (refusal) return callback(refusal, '', 0);
        }
        if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
        const first = addresses[0];
        if (!first) {
          return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
        }
        callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}
