import ipaddr from 'ipaddr.js';

export type ThrottleOptions = {
  /** Failed attempts from one source that are not slowed down (typos). */
  freeFailures: number;
  /** Wait after the first failure beyond the free ones; doubles with each further failure. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A source with no failure for this long starts afresh. */
  forgetAfterMs: number;
  /** Bounds memory when many sources fail; the longest-quiet ones are forgotten first. */
  maxSources: number;
};

export const DEFAULT_THROTTLE_OPTIONS: ThrottleOptions = {
  freeFailures: 5,
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60 * 1000,
  forgetAfterMs: 24 * 60 * 60 * 1000,
  maxSources: 10_000,
};

type Entry = { failures: number; lastFailureAt: number; blockedUntil: number };

/**
 * Slows down password guessing per key (see signInThrottleKey: a device that signed in before, else
 * the source address), in memory (per app instance): after `freeFailures` wrong passwords each
 * further one makes that key wait twice as long before its next attempt (1 s, 2 s, 4 s ... up to 15
 * minutes). A correct password clears the key's record.
 */
export class SignInThrottle {
  private readonly entries = new Map<string, Entry>();
  private readonly options: ThrottleOptions;

  constructor(options: Partial<ThrottleOptions> = {}) {
    this.options = { ...DEFAULT_THROTTLE_OPTIONS, ...options };
  }

  /** Seconds the key must still wait before it may try again; 0 when it may try now. */
  retryAfterSeconds(key: string, now: number): number {
    const entry = this.read(key, now);
    return entry && entry.blockedUntil > now ? Math.ceil((entry.blockedUntil - now) / 1000) : 0;
  }

  /** Records a wrong password; answers the seconds to wait before the next attempt (0 = none). */
  recordFailure(key: string, now: number): number {
    const previous = this.read(key, now);
    const failures = (previous?.failures ?? 0) + 1;
    const over = failures - this.options.freeFailures;
    const delay =
      over > 0 ? Math.min(this.options.baseDelayMs * 2 ** Math.min(over - 1, 30), this.options.maxDelayMs) : 0;
    // Re-inserting moves the key to the end, so the map stays ordered by last failure.
    this.entries.delete(key);
    this.entries.set(key, { failures, lastFailureAt: now, blockedUntil: now + delay });
    while (this.entries.size > this.options.maxSources) this.entries.delete(this.entries.keys().next().value!);
    return Math.ceil(delay / 1000);
  }

  recordSuccess(key: string): void {
    this.entries.delete(key);
  }

  private read(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && now - entry.lastFailureAt > this.options.forgetAfterMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}

/**
 * Whose failures an attempt counts toward. A browser with a valid device cookie (it signed in before)
 * has a bucket of its own, so failures from its shared address, however many, never slow it down;
 * its own failures still do. Every other attempt counts toward its source address (throttleKey).
 */
export function signInThrottleKey({
  sourceAddress,
  deviceId,
}: {
  sourceAddress: string | null;
  /** From a verified device cookie (device-token.ts), never straight from the request. */
  deviceId: string | null;
}): string {
  return deviceId ? `device:${deviceId}` : throttleKey(sourceAddress);
}

/**
 * One bucket per IPv4 address and per IPv6 /64 (one machine usually holds a whole /64, so counting
 * single IPv6 addresses would let it pick a fresh one per guess). Unknown sources share a bucket.
 */
export function throttleKey(source: string | null): string {
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

const GLOBAL_KEY = Symbol.for('envelope-tracker.sign-in-throttle');

/** The process's one throttle (kept on globalThis so development reloads do not reset it). */
export function getSignInThrottle(): SignInThrottle {
  const holder = globalThis as { [GLOBAL_KEY]?: SignInThrottle };
  holder[GLOBAL_KEY] ??= new SignInThrottle();
  return holder[GLOBAL_KEY];
}
