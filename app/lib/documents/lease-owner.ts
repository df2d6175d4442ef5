import { randomUUID } from 'node:crypto';
import os from 'node:os';

// One id per process, so a lease names the instance holding it; a counter makes each claim unique, so two tasks of the
// same process never mistake each other's lease for their own. Kept on globalThis: Next.js bundles each have their
// own copy of this module, and a shutdown releases every lease of the process by its prefix. The random part keeps
// two replicas apart that share a host name and a pid (containers often run as pid 1 with a fixed host name).
const GLOBAL_KEY = '__envelopeTrackerLeasePrefix';
const holder = globalThis as { [GLOBAL_KEY]?: string };

/** What every lease this process takes starts with. */
export const PROCESS_LEASE_PREFIX = (holder[GLOBAL_KEY] ??=
  `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}:`);

let claims = 0;

export function newClaimToken(): string {
  claims += 1;
  return `${PROCESS_LEASE_PREFIX}${randomUUID().slice(0, 4)}${claims}`;
}
