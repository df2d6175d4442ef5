import { describe, expect, it } from 'vitest';
import { MAX_FETCH_ATTEMPTS, nextFetchDelayMs } from './fetch-backoff';

describe('document fetch retries', () => {
  it('wait 30 seconds, doubling up to 6 hours, and stop after 12 attempts', () => {
    const delays = Array.from({ length: MAX_FETCH_ATTEMPTS }, (_, index) => nextFetchDelayMs(index + 1));
    expect(delays.slice(0, 4)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(Math.max(...delays.filter((delay) => delay !== null))).toBe(6 * 3_600_000);
    expect(delays.at(-1)).toBeNull();
    expect(delays.filter((delay) => delay === null)).toHaveLength(1);
  });
});
