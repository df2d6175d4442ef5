// Requests to unknown or revoked hooks are only counted, in memory: storing them would let anyone
// fill the database from outside.
let count = 0;
let lastAt: Date | null = null;

export function countUnknownHookRequest(): void {
  count += 1;
  lastAt = new Date();
}

export function getUnknownHookRequests(): { count: number; lastAt: Date | null } {
  return { count, lastAt };
}
