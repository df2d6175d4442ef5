import { describe, expect, it } from 'vitest';
import type { Environment } from '@/app/lib/env';
import { createDeviceToken } from './device-token';
import { resolveAuthConfig, type AuthConfig } from './resolve-auth-config';
import { signIn } from './sign-in';
import { SignInThrottle } from './sign-in-throttle';

const PASSWORD = 'correct horse battery';
const config = resolveAuthConfig({
  environment: {
    NODE_ENV: 'production',
    DASHBOARD_AUTH: 'on',
    TRUSTED_PROXY_HOPS: 0,
    DASHBOARD_PASSWORD: PASSWORD,
    SESSION_SECRET: 's'.repeat(32),
  } as Environment,
  production: true,
}) as Extract<AuthConfig, { mode: 'password' }>;
const SHARED_ADDRESS = '203.0.113.5';
const now = new Date('2026-03-01T10:00:00Z');

function attempt(throttle: SignInThrottle, password: string, deviceToken?: string) {
  return signIn({ config, password, sourceAddress: SHARED_ADDRESS, deviceToken, now, throttle });
}

describe('signIn', () => {
  it('hands out a device token on success, and keeps the one a browser already has', () => {
    const throttle = new SignInThrottle();
    const first = attempt(throttle, PASSWORD);
    expect(first).toMatchObject({ ok: true, deviceToken: expect.stringMatching(/^d1\./) });
    const deviceToken = first.ok ? first.deviceToken : '';
    expect(attempt(throttle, PASSWORD, deviceToken)).toMatchObject({ ok: true, deviceToken });
    // A forged one is replaced by a real one.
    const forged = attempt(throttle, PASSWORD, `d1.${'A'.repeat(22)}.${'B'.repeat(43)}`);
    expect(forged.ok && forged.deviceToken).not.toBe(`d1.${'A'.repeat(22)}.${'B'.repeat(43)}`);
  });

  it('lets a device that signed in before through while a guesser locks the shared address', () => {
    const throttle = new SignInThrottle();
    const signedInBefore = attempt(throttle, PASSWORD);
    const deviceToken = signedInBefore.ok ? signedInBefore.deviceToken : '';

    for (let guess = 0; guess < 20; guess++) attempt(throttle, `guess ${guess}`);
    expect(attempt(throttle, PASSWORD)).toMatchObject({
      ok: false,
      reason: 'too_many_attempts',
      throttledBy: 'address',
    });

    expect(attempt(throttle, PASSWORD, deviceToken)).toMatchObject({ ok: true });
    // A device's own failures count toward it alone, and say so.
    expect(attempt(throttle, 'typo', deviceToken)).toMatchObject({ reason: 'wrong_password', throttledBy: 'device' });
  });

  it('gives no exemption to a device token it did not sign, or one signed with another secret', () => {
    const throttle = new SignInThrottle();
    for (let guess = 0; guess < 20; guess++) attempt(throttle, `guess ${guess}`);
    const otherSecret = resolveAuthConfig({
      environment: {
        NODE_ENV: 'production',
        DASHBOARD_AUTH: 'on',
        TRUSTED_PROXY_HOPS: 0,
        DASHBOARD_PASSWORD: PASSWORD,
        SESSION_SECRET: 't'.repeat(32),
      } as Environment,
      production: true,
    }) as Extract<AuthConfig, { mode: 'password' }>;
    const genuine = createDeviceToken(config.deviceKey).token;
    for (const token of [
      createDeviceToken(otherSecret.deviceKey).token,
      `d1.${'A'.repeat(22)}.${'B'.repeat(43)}`,
      // A genuine id with the signature cut short, or the id changed under the signature.
      genuine.slice(0, -1),
      genuine.replace(/^d1\.(.)/, (_, first: string) => `d1.${first === 'A' ? 'B' : 'A'}`),
      'unsigned-device-id',
    ])
      expect(attempt(throttle, PASSWORD, token), token).toMatchObject({
        ok: false,
        reason: 'too_many_attempts',
        throttledBy: 'address',
      });
  });
});
