import { describe, expect, it } from 'vitest';
import { SignInThrottle, signInThrottleKey, throttleKey } from './sign-in-throttle';

describe('SignInThrottle', () => {
  it('lets a few typos pass, then doubles the wait with each further failure, up to the limit', () => {
    const throttle = new SignInThrottle({ freeFailures: 3, baseDelayMs: 1000, maxDelayMs: 8000 });
    let now = 0;
    const waits: number[] = [];
    for (let attempt = 0; attempt < 8; attempt++) {
      expect(throttle.retryAfterSeconds('192.0.2.1', now)).toBe(0);
      const wait = throttle.recordFailure('192.0.2.1', now);
      waits.push(wait);
      expect(throttle.retryAfterSeconds('192.0.2.1', now)).toBe(wait);
      now += wait * 1000;
    }
    expect(waits).toEqual([0, 0, 0, 1, 2, 4, 8, 8]);
  });

  it('keeps sources apart, and a correct password clears the record', () => {
    const throttle = new SignInThrottle({ freeFailures: 0 });
    throttle.recordFailure('192.0.2.1', 0);
    expect(throttle.retryAfterSeconds('192.0.2.1', 0)).toBe(1);
    expect(throttle.retryAfterSeconds('192.0.2.2', 0)).toBe(0);
    throttle.recordSuccess('192.0.2.1');
    expect(throttle.retryAfterSeconds('192.0.2.1', 0)).toBe(0);
  });

  it('forgets a source that stayed quiet long enough', () => {
    const throttle = new SignInThrottle({ freeFailures: 1, forgetAfterMs: 60_000 });
    throttle.recordFailure('192.0.2.1', 0);
    expect(throttle.recordFailure('192.0.2.1', 1000)).toBe(1);
    expect(throttle.recordFailure('192.0.2.1', 1000 + 60_001)).toBe(0);
  });

  it('holds a bounded number of sources, forgetting the longest-quiet first', () => {
    const throttle = new SignInThrottle({ freeFailures: 0, maxSources: 2 });
    throttle.recordFailure('192.0.2.1', 0);
    throttle.recordFailure('192.0.2.2', 0);
    throttle.recordFailure('192.0.2.1', 0);
    throttle.recordFailure('192.0.2.3', 0);
    expect(throttle.retryAfterSeconds('192.0.2.2', 0)).toBe(0);
    expect(throttle.retryAfterSeconds('192.0.2.1', 0)).toBe(2);
    expect(throttle.retryAfterSeconds('192.0.2.3', 0)).toBe(1);
  });
});

describe('throttleKey', () => {
  it('counts IPv4 per address, IPv4-mapped IPv6 as IPv4, and IPv6 per /64', () => {
    expect(throttleKey('192.0.2.1')).toBe('192.0.2.1');
    expect(throttleKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(throttleKey('2001:db8:1:2::1')).toBe(throttleKey('2001:db8:1:2:ffff::9'));
    expect(throttleKey('2001:db8:1:2::1')).not.toBe(throttleKey('2001:db8:1:3::1'));
    expect(throttleKey(null)).toBe('unknown');
  });
});

describe('signInThrottleKey', () => {
  it('counts an attempt with a verified device toward that device, else toward its address', () => {
    expect(signInThrottleKey({ sourceAddress: '192.0.2.1', deviceId: null })).toBe('192.0.2.1');
    expect(signInThrottleKey({ sourceAddress: '2001:db8:1:2::1', deviceId: null })).toBe(
      throttleKey('2001:db8:1:2::9'),
    );
    const device = signInThrottleKey({ sourceAddress: '192.0.2.1', deviceId: 'AAAAAAAAAAAAAAAAAAAAAA' });
    expect(device).toBe('device:AAAAAAAAAAAAAAAAAAAAAA');
    // The address no longer matters to a device, and two devices behind one address are apart.
    expect(signInThrottleKey({ sourceAddress: '198.51.100.7', deviceId: 'AAAAAAAAAAAAAAAAAAAAAA' })).toBe(device);
    expect(signInThrottleKey({ sourceAddress: '192.0.2.1', deviceId: 'BBBBBBBBBBBBBBBBBBBBBB' })).not.toBe(device);
    // No address string can pose as a device.
    expect(throttleKey('device:AAAAAAAAAAAAAAAAAAAAAA')).not.toBe(device);
  });

  it('keeps a device signing in while failures lock its shared address', () => {
    const throttle = new SignInThrottle({ freeFailures: 2 });
    const address = signInThrottleKey({ sourceAddress: '203.0.113.5', deviceId: null });
    const device = signInThrottleKey({ sourceAddress: '203.0.113.5', deviceId: 'CCCCCCCCCCCCCCCCCCCCCC' });
    for (let attempt = 0; attempt < 10; attempt++) throttle.recordFailure(address, 0);
    expect(throttle.retryAfterSeconds(address, 0)).toBeGreaterThan(0);
    expect(throttle.retryAfterSeconds(device, 0)).toBe(0);
  });
});
