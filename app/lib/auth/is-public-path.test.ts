import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server';
import { describe, expect, it } from 'vitest';
import { config as proxyConfig } from '@/proxy';
import { isPublicPath, isSessionEndpoint } from './is-public-path';

const publicFiles = new Set(['/screenshots/envelopes.png']);

describe('isPublicPath', () => {
  it.each([
    '/api/webhooks/abc?envelopeId=1',
    '/api/webhooks/abc/',
    '/api/health',
    '/api/health/',
    '/api/health/live',
    '/sign-in',
    '/api/auth/sign-in',
    '/api/auth/sign-out',
    '/api/sandbox/esignanywhere/v6/envelope/x',
    '/_next/static/chunks/app.js',
    '/favicon.ico',
    '/icon.png',
    '/screenshots/envelopes.png',
  ])('%s is open', (path) => {
    expect(isPublicPath(path.split('?')[0]!, publicFiles)).toBe(true);
  });

  it.each([
    '/',
    '/deliveries',
    '/setup',
    '/envelopes/abc',
    '/api/envelopes',
    '/api/hooks',
    '/api/healthz',
    '/api/health/live/extra',
    '/api/webhooksx/abc',
    '/api/sandbox/other',
    '/sandbox',
    '/sign-in-elsewhere',
    '/sign-in/extra',
    '/screenshots/other.png',
    '/api/envelopes/x.pdf',
    '/iconography',
  ])('%s needs a session', (path) => {
    expect(isPublicPath(path, publicFiles)).toBe(false);
  });

  it('knows the session endpoints', () => {
    expect(isSessionEndpoint('/api/auth/sign-in')).toBe(true);
    expect(isSessionEndpoint('/api/auth/sign-out/')).toBe(true);
    expect(isSessionEndpoint('/sign-in')).toBe(false);
  });
});

describe("proxy.ts's matcher", () => {
  const matches = (url: string) => unstable_doesMiddlewareMatch({ config: proxyConfig, url });

  it('runs for pages and every API but webhooks, the health checks and the metrics (guarded by their own token)', () => {
    for (const url of [
      '/',
      '/deliveries',
      '/api/envelopes',
      '/api/hooks/x',
      '/api/healthz',
      '/api/health/live/extra',
      '/api/health-report',
      '/api/metrics/extra',
      '/sign-in',
      '/screenshots/a.png',
    ])
      expect(matches(url), url).toBe(true);
    for (const url of [
      '/api/webhooks/abc',
      '/api/health',
      '/api/health/live',
      '/api/metrics',
      '/_next/static/chunks/x.js',
      '/_next/image',
      '/favicon.ico',
    ])
      expect(matches(url), url).toBe(false);
  });

  it('is public only if the decoded path is public too', () => {
    expect(isPublicPath('/api/webhooks%2F..%2F..%2Fapi%2Fusers')).toBe(false);
    expect(isPublicPath('/api/health%2F..%2Faudit')).toBe(false);
    expect(isPublicPath('/api/webhooks/hook%20id')).toBe(true);
    expect(isPublicPath('/api/webhooks/%E0%A4%A')).toBe(false);
  });
});
