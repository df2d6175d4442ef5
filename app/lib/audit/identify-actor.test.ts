import { describe, expect, it, vi } from 'vitest';
import type { Environment } from '@/app/lib/env';

const environment = vi.hoisted(() => ({ current: {} as Partial<Environment> }));
vi.mock('@/app/lib/env', () => ({ getEnvironment: () => environment.current }));

const { identifyActor } = await import('./identify-actor');

const open = { DASHBOARD_AUTH: 'off', TRUSTED_PROXY_HOPS: 1, TRUSTED_USER_HEADER: 'X-Forwarded-Email' } as const;

describe('identifyActor', () => {
  it('names the person an SSO proxy vouches for, behind trusted proxies only, whatever bearer header comes along', () => {
    environment.current = { ...open, API_TOKEN: 'api-token-0123456789' };
    expect(
      identifyActor(new Headers({ 'x-forwarded-email': 'ana@example.com', authorization: 'Bearer made-up' })),
    ).toEqual({ kind: 'proxy', name: 'ana@example.com' });
    environment.current = open;
    expect(identifyActor(new Headers({ 'x-forwarded-email': 'ana@example.com' }))).toEqual({
      kind: 'proxy',
      name: 'ana@example.com',
    });
    // Without a trusted proxy in front, anyone could send the header: it names nobody.
    environment.current = { ...open, TRUSTED_PROXY_HOPS: 0 };
    expect(identifyActor(new Headers({ 'x-forwarded-email': 'ana@example.com' }))).toEqual({
      kind: 'anonymous',
      name: 'anonymous',
    });
  });

  it('names a bearer token before anything else, and a session of the shared password', () => {
    environment.current = {
      DASHBOARD_AUTH: 'on',
      DASHBOARD_PASSWORD: 'secret-password',
      API_TOKEN: 'api-token-0123456789',
      TRUSTED_PROXY_HOPS: 0,
    };
    expect(identifyActor(new Headers({ authorization: 'Bearer api-token-0123456789' }))).toEqual({
      kind: 'token',
      name: 'API_TOKEN',
    });
    expect(identifyActor(new Headers())).toEqual({ kind: 'session', name: 'dashboard password' });
  });
});
