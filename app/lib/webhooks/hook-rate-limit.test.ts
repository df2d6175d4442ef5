import { describe, expect, it } from 'vitest';
import { takeHookRateLimitToken } from './hook-rate-limit';

describe('the rate limit of one hook', () => {
  it('takes a burst of ten seconds worth, then the rate, and says how long to wait', () => {
    const hookId = `rate-${crypto.randomUUID()}`;
    const take = (now: number) => takeHookRateLimitToken({ hookId, perSecond: 3, now });
    const burst = Array.from({ length: 30 }, () => take(0));
    expect(burst.every((verdict) => verdict.allowed)).toBe(true);
    expect(take(0)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    // One second later, three more.
    expect([take(1000), take(1000), take(1000), take(1000)].map((verdict) => verdict.allowed)).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('keeps each hook to its own bucket', () => {
    const busy = `rate-${crypto.randomUUID()}`;
    for (let index = 0; index < 10; index++) takeHookRateLimitToken({ hookId: busy, perSecond: 1, now: 0 });
    expect(takeHookRateLimitToken({ hookId: busy, perSecond: 1, now: 0 }).allowed).toBe(false);
    expect(takeHookRateLimitToken({ hookId: `rate-${crypto.randomUUID()}`, perSecond: 1, now: 0 }).allowed).toBe(true);
  });
});
