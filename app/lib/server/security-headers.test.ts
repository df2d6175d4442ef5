import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PEER_ADDRESS_HEADER } from '@/app/lib/server/http-server-patches';
import { contentSecurityPolicy, createNonce } from './content-security-policy';
import { securityHeaders } from './security-headers';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('contentSecurityPolicy', () => {
  it('lets only scripts with the nonce run in production, and locks down framing, plugins, base and forms', () => {
    const policy = directives(contentSecurityPolicy({ nonce: 'abc123==', development: false, https: false }));
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.has('upgrade-insecure-requests')).toBe(false);
  });

  it('allows what next dev needs (eval, the hot-reload websocket) only in development', () => {
    const policy = directives(contentSecurityPolicy({ nonce: 'n', development: true, https: false }));
    expect(policy.get('script-src')).toContain("'unsafe-eval'");
    expect(policy.get('connect-src')).toEqual(["'self'", 'ws:', 'wss:']);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('uses a fresh, unguessable nonce each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, () => createNonce()));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe('securityHeaders', () => {
  it('adds Strict-Transport-Security only when PUBLIC_URL is https', () => {
    expect(securityHeaders({ nonce: 'n', development: false, publicUrl: undefined })).not.toHaveProperty(
      'Strict-Transport-Security',
    );
    expect(
      securityHeaders({ nonce: 'n', development: false, publicUrl: 'http://esign.example.com' }),
    ).not.toHaveProperty('Strict-Transport-Security');
    const https = securityHeaders({ nonce: 'n', development: false, publicUrl: 'https://esign.example.com' });
    expect(https['Strict-Transport-Security']).toMatch(/^max-age=31536000/);
    expect(https['Content-Security-Policy']).toMatch(/upgrade-insecure-requests/);
  });
});

describe('proxy', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    vi.restoreAllMocks();
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('envelope-tracker.missing-proxy-hops-warning')];
  });

  async function loadProxy(env: Record<string, string | undefined>) {
    vi.resetModules();
    process.env = { ...saved, ...env };
    for (const [name, value] of Object.entries(env)) if (value === undefined) delete process.env[name];
    return (await import('@/proxy')).proxy;
  }

  const protectedEnv = {
    NODE_ENV: 'production',
    DASHBOARD_AUTH: 'on',
    DASHBOARD_PASSWORD: 'correct horse battery',
    SESSION_SECRET: 'x'.repeat(40),
    PUBLIC_URL: undefined,
    TRUSTED_PROXY_HOPS: undefined,
  };

  function get(path: string, init: ConstructorParameters<typeof NextRequest>[1] = {}) {
    return new NextRequest(`http://127.0.0.1:3000${path}`, init);
  }

  it('puts a per-request policy on pages it lets through, and hands it to Next.js for the nonce', async () => {
    const proxy = await loadProxy({ ...protectedEnv, DASHBOARD_AUTH: 'off', DASHBOARD_PASSWORD: undefined });
    const first = await proxy(get('/'));
    const second = await proxy(get('/'));
    const policy = first.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'(;|$)/);
    expect(policy).toMatch(/frame-ancestors 'none'/);
    expect(policy).not.toMatch(/unsafe-eval/);
    expect(second.headers.get('content-security-policy')).not.toBe(policy);
    // What the page renders with: the same policy as a request header.
    expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(policy);
    expect(first.headers.get('strict-transport-security')).toBeNull();
  });

  it('puts the headers on its redirects and refusals too, and HSTS when PUBLIC_URL is https', async () => {
    const proxy = await loadProxy({ ...protectedEnv, PUBLIC_URL: 'https://esign.example.com' });
    const redirect = await proxy(get('/deliveries'));
    expect(redirect.status).toBe(307);
    const refused = await proxy(get('/api/envelopes'));
    expect(refused.status).toBe(401);
    const foreign = await proxy(
      get('/api/auth/sign-in', { method: 'POST', headers: { origin: 'https://evil.example' } }),
    );
    expect(foreign.status).toBe(403);
    for (const response of [redirect, refused, foreign]) {
      expect(response.headers.get('content-security-policy')).toMatch(/object-src 'none'/);
      expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    }
  });

  it('warns in the log when requests carry X-Forwarded-For while TRUSTED_PROXY_HOPS=0', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const proxy = await loadProxy({ ...protectedEnv, DASHBOARD_AUTH: 'off', DASHBOARD_PASSWORD: undefined });
    const headers = { 'x-forwarded-for': '198.51.100.7', [PEER_ADDRESS_HEADER]: '10.0.0.5' };
    await proxy(get('/', { headers }));
    await proxy(get('/', { headers }));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/set TRUSTED_PROXY_HOPS/);
  });
});
