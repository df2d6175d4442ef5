import { randomUUID } from 'node:crypto';
import os from 'node:os';

// One id per process, so a lease names the instance holding it; a counter makes each claim unique,
// so two tasks of the same process never mistake each other's lease for their own.
const processOwner = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/**
 * What every lease this process takes starts with, whichever Next.js bundle took it (each bundle has its own copy of
 * this module, and so its own random part): a shutdown releases them all by it.
 */
export const PROCESS_LEASE_PREFIX = `${os.hostname()}:${process.pid}:`;
let claims = 0;

export function newClaimToken(): string {
  claims += 1;
  return `${processOwner}:${claims}`;
}
