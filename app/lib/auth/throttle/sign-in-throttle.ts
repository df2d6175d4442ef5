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

export type ThrottleKeys = { address: string; account: string | null };

/** The buckets an attempt counts toward. */
export function signInThrottleKeys({
  sourceAddress,
  email,
}: {
  sourceAddress: string | null;
  email: string | null;
}): ThrottleKeys {
  return {
    address: `address:${addressBucket(sourceAddress)}`,
    account: email ? `account:${email.toLowerCase()}` : null,
  };
}

/** Seconds before the attempt may be made (the longer of the two buckets' waits); 0 = now. */
export async function readSignInWait({ keys, now = new Date() }: { keys: ThrottleKeys; now?: Date }): Promise<number> {
  const rows = await prisma.signInThrottle.findMany({
    where: { key: { in: [keys.address, ...(keys.account ? [keys.account] : [])] } },
  });
  const until = Math.max(0, ...rows.map((row) => row.blockedUntil.getTime()));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/** Counts a wrong password toward both buckets; answers the seconds to wait before the next attempt. */
export async function recordSignInFailure({
  keys,
  now = new Date(),
}: {
  keys: ThrottleKeys;
  now?: Date;
}): Promise<number> {
  const waits = await Promise.all([
    countFailure(keys.address, ADDRESS_THROTTLE, now),
    ...(keys.account ? [countFailure(keys.account, ACCOUNT_THROTTLE, now)] : []),
  ]);
  return Math.max(...waits);
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

async function countFailure(key: string, options: ThrottleOptions, now: Date): Promise<number> {
  // An increment in the database, so that failures from several instances at once all count.
  const forgotten = new Date(now.getTime() - options.forgetAfterMs);
  await prisma.signInThrottle.deleteMany({ where: { key, lastFailureAt: { lt: forgotten } } });
  const row = await prisma.signInThrottle.upsert({
    where: { key },
    create: { key, failures: 1, lastFailureAt: now, blockedUntil: now },
    update: { failures: { increment: 1 }, lastFailureAt: now },
  });
  const delay = throttleDelayMs(row.failures, options);
  if (delay === 0) return 0;
  const blockedUntil = new Date(now.getTime() + delay);
  await prisma.signInThrottle.update({ where: { key }, data: { blockedUntil } });
  return Math.ceil(delay / 1000);
}

export function throttleDelayMs(failures: number, options: ThrottleOptions): number {
  const over = failures - options.freeFailures;
  return over > 0 ? Math.min(options.baseDelayMs * 2 ** Math.min(over - 1, 30), options.maxDelayMs) : 0;
}

/**
 * One bucket per IPv4 address and per IPv6 /64 (one machine usually holds a whole /64, so counting single IPv6
 * addresses would let it pick a fresh one per guess). Unknown sources share a bucket.
 */
export function addressBucket(source: string | null): string {
  if (!source) return 'unknown';
  try {
    const address = ipaddr.process(source.trim());
    if (address.kind() === 'ipv4') return address.toString();
    const parts = (address as ipaddr.IPv6).parts.slice(0, 4);
    return `${parts.map((part) => part.toString(16)).join(':')}::/64`;
  } catch {
    return `other:${source.slice(0, 100)}`;
  }
}
