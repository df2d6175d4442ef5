// A token bucket per hook, in memory, checked before a notification is read or stored: a flood through one hook URL
// is answered 429 without reaching the database. Per app instance, so N instances take N times the rate. The default
// sits far above any real bulk send (and above what one instance can store), so it only ever stops abuse; a hook can
// be given a lower limit of its own.

/** A burst of this many seconds' worth is taken at once before the rate applies. */
const BURST_SECONDS = 10;
// Buckets exist for known hooks only, but revoked ones stay until evicted: bounded all the same.
const MAX_BUCKETS = 10_000;

type Bucket = { tokens: number; updatedAt: number };
const buckets = new Map<string, Bucket>();

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function takeHookRateLimitToken(options: { hookId: string; perSecond: number; now?: number }): RateLimitVerdict {
  const { hookId, perSecond } = options;
  const now = options.now ?? performance.now();
  const capacity = perSecond * BURST_SECONDS;
  let bucket = buckets.get(hookId);
  if (!bucket) {
    if (buckets.size >= MAX_BUCKETS) buckets.delete(buckets.keys().next().value!);
    bucket = { tokens: capacity, updatedAt: now };
    buckets.set(hookId, bucket);
  }
  bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.updatedAt) / 1000) * perSecond);
  bucket.updatedAt = now;
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return { allowed: true };
  }
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond)) };
}
