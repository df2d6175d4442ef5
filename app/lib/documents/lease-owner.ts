import { randomUUID } from 'node:crypto';
import os from 'node:os';

// One id per process, so a lease names the instance holding it; a counter makes each claim unique,
// so two tasks of the same process never mistake each other's lease for their own.
const processOwner = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
let claims = 0;

export function newClaimToken(): string {
  claims += 1;
  return `${processOwner}:${claims}`;
}
