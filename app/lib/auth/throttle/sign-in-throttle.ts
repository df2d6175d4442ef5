import 'server-only';
import ipaddr from 'ipaddr.js';
import { prisma } from '@/app/lib/db/prisma';

export type ThrottleOptions = {
  /** Failed attempts that are not slowed down (typos). */
  freeFailures: number;
  /** Wait after the first failure beyond the free ones; doubles with each further failure. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A key with no failure for this long starts afresh. */
  forgetAfterMs: number;
};

/**
 * Two buckets count every failed sign-in, in the database so that all instances share them:
 * - per source address, so one address guessing cannot go on at speed, nor lock out anybody but itself;
 * - per account, so many addresses guessing one account are slowed together. It allows more failures before it
 *   waits, so that the account's owner, at an address of their own, is not the first one stopped.
 * After the free failures each further one doubles the wait (1 s, 2 s, 4 s ... up to 15 minutes); a correct
 * password clears both buckets.
 */
export const ADDRESS_THROTTLE: ThrottleOptions = {
  freeFailures: 5,
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60 * 1000,
  forgetAfterMs: 24 * 60 * 60 * 1000,
};
export const ACCOUNT_THROTTLE: ThrottleOptions = { ...ADDRESS_THROTTLE, freeFailures: 10 };
/**
 * An IPv6 source also counts toward its /48, the block a site is usually given: whoever holds one can pick any of
 * its 65,536 /64 address buckets, so together they allow a few dozen failures before waiting. A correct password
 * does not clear it (one good account must not reset the block's count); it forgets after a quiet day.
 */
export const NETWORK_THROTTLE: ThrottleOptions = { ...ADDRESS_THROTTLE, freeFailures: 50 };

export type ThrottleKeys = { address: string; account: string | null; network?: string | null };

/**
 * The buckets an attempt counts toward. A browser that signed in to this account before (`knownDeviceId`, from a
 * device cookie checked against the database, never straight from the request) has a bucket of its own instead of
 * both: failures from its shared address, or guesses at its account from elsewhere, never lock it out; its own
 * failures still slow it down.
 */
export function signInThrottleKeys({
  sourceAddress,
  email,
  knownDeviceId = null,
}: {
  sourceAddress: string | null;
  email: string | null;
  knownDeviceId?: string | null;
}): ThrottleKeys {
  if (knownDeviceId) return { address: `device:${knownDeviceId}`, account: null };
  const network = networkBucket(sourceAddress);
  return {
    address: `address:${addressBucket(sourceAddress)}`,
    account: email ? `account:${email.toLowerCase()}` : null,
    network: network ? `network:${network}` : null,
  };
}

function keysOf(keys: ThrottleKeys): string[] {
  return [keys.address, ...(keys.account ? [keys.account] : []), ...(keys.network ? [keys.network] : [])];
}

/** Seconds before the attempt may be made (the longer of the buckets' waits); 0 = now. */
export async function readSignInWait({ keys, now = new Date() }: { keys: ThrottleKeys; now?: Date }): Promise<number> {
  const rows = await prisma.signInThrottle.findMany({ where: { key: { in: keysOf(keys) } } });
  const until = Math.max(0, ...rows.map((row) => row.blockedUntil.getTime()));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

export type AttemptClaim = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Counts an attempt before its password is checked, so that attempts sent at once cannot all slip through between
 * a check and a count: each takes the next number of its buckets (an increment in the database), and one beyond the
 * free failures must also take the bucket's waiting window (a conditional update only one attempt wins). A correct
 * password then clears the buckets (clearSignInFailures); a wrong one stays counted.
 */
export async function claimSignInAttempt({
  keys,
  now = new Date(),
}: {
  keys: ThrottleKeys;
  now?: Date;
}): Promise<AttemptClaim> {
  const waiting = await readSignInWait({ keys, now });
  if (waiting > 0) return { ok: false, retryAfterSeconds: waiting };
  for (const [key, options] of [
    [keys.address, ADDRESS_THROTTLE],
    ...(keys.account ? [[keys.account, ACCOUNT_THROTTLE] as const] : []),
    ...(keys.network ? [[keys.network, NETWORK_THROTTLE] as const] : []),
  ] as const) {
    const claimed = await claimBucket(key, options, now);
    if (!claimed.ok) return claimed;
  }
  return { ok: true };
}

/** Counts a wrong password (e.g. the current one when changing it) toward the buckets, like a failed sign-in. */
export async function recordSignInFailure({
  keys,
  now = new Date(),
}: {
  keys: ThrottleKeys;
  now?: Date;
}): Promise<void> {
  await claimSignInAttempt({ keys, now });
}

export async function clearSignInFailures({ keys }: { keys: ThrottleKeys }): Promise<void> {
  await prisma.signInThrottle.deleteMany({
    where: { key: { in: [keys.address, ...(keys.account ? [keys.account] : [])] } },
  });
}

/** Forgets buckets quiet for a day (run with the other purges). */
export async function purgeSignInThrottle({ now = new Date() }: { now?: Date } = {}): Promise<number> {
  const { count } = await prisma.signInThrottle.deleteMany({
    where: { lastFailureAt: { lt: new Date(now.getTime() - ADDRESS_THROTTLE.forgetAfterMs) } },
  });
  return count;
}

async function claimBucket(key: string, options: ThrottleOptions, now: Date): Promise<AttemptClaim> {
  const forgotten = new Date(now.getTime() - options.forgetAfterMs);
  await prisma.signInThrottle.deleteMany({ where: { key, lastFailureAt: { lt: forgotten } } });
  const row = await prisma.signInThrottle.upsert({
    where: { key },
    create: { key, failures: 1, lastFailureAt: now, blockedUntil: now },
    update: { failures: { increment: 1 }, lastFailureAt: now },
  });
  const delay = throttleDelayMs(row.failures, options);
  if (delay === 0) return { ok: true };
  const { count } = await prisma.signInThrottle.updateMany({
    where: { key, blockedUntil: { lte: now } },
    data: { blockedUntil: new Date(now.getTime() + delay) },
  });
  if (count === 1) return { ok: true };
  const current = await prisma.signInThrottle.findUnique({ where: { key } });
  const wait = current ? current.blockedUntil.getTime() - now.getTime() : delay;
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
}

export function throttleDelayMs(failures: number, options: ThrottleOptions): number {
  const over = failures - options.freeFailures;
  return over > 0 ? Math.min(options.baseDelayMs * 2 ** Math.min(over - 1, 30), options.maxDelayMs) : 0;
}

/** The /48 of an IPv6 source, or null (IPv4, unknown, unreadable). */
function networkBucket(source: string | null): string | null {
  const bucket = addressBucket(source);
  if (!bucket.endsWith('::/64')) return null;
  return `${bucket.slice(0, -'::/64'.length).split(':').slice(0, 3).join(':')}::/48`;
}

/**
 * One bucket per IPv4 address and per IPv6 /64 (one machine usually holds a whole /64, so counting single IPv6
 * addresses would let it pick a fresh one per guess). Unknown sources share a bucket.
 */
export function addressBucket(source: string | null): string {
  if (!source) return 'unknown';
  // A proxy may write the client's port too ("192.0.2.1:51234", "[2001:db8::1]:51234"): one bucket per address.
  const trimmed = source.trim();
  const withoutPort =
    /^\[([^\]]+)\](?::\d+)?$/.exec(trimmed)?.[1] ?? /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(trimmed)?.[1] ?? trimmed;
  try {
    const address = ipaddr.process(withoutPort);
    if (address.kind() === 'ipv4') return address.toString();
    const parts = (address as ipaddr.IPv6).parts.slice(0, 4);
    return `${parts.map((part) => part.toString(16)).join(':')}::/64`;
  } catch {
    return `other:${source.slice(0, 100)}`;
  }
}
