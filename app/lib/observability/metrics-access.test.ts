import { describe, expect, it, vi } from 'vitest';
import type { Environment } from '@/app/lib/env';

const environment = vi.hoisted(() => ({ current: {} as Partial<Environment> }));
vi.mock('@/app/lib/env', () => ({ getEnvironment: () => ({ TRUSTED_PROXY_HOPS: 0, ...environment.current }) }));

const { checkMetricsAccess } = await import('./metrics-access');

const from = (address: string, headers: Record<string, string> = {}) => ({
  headers: new Headers(headers),
  sourceAddress: address,
});
const TOKEN = 'metrics-token-0123456789';

describe('checkMetricsAccess', () => {
  it('is off, saying what to set, until METRICS_TOKEN or METRICS_ALLOWED_NETWORKS is set', () => {
    environment.current = {};
    expect(checkMetricsAccess(from('10.0.0.5'))).toMatchObject({ ok: false, status: 404, code: 'metrics_off' });
  });

  it('lets in the bearer of METRICS_TOKEN, and no other token', () => {
    environment.current = { METRICS_TOKEN: TOKEN };
    expect(checkMetricsAccess(from('203.0.113.9', { authorization: `Bearer ${TOKEN}` }))).toEqual({ ok: true });
    expect(checkMetricsAccess(from('203.0.113.9', { authorization: 'Bearer guess-guess-guess' }))).toMatchObject({
      status: 401,
    });
    expect(checkMetricsAccess(from('203.0.113.9'))).toMatchObject({ status: 401 });
  });

  it('lets in a scraper from METRICS_ALLOWED_NETWORKS without a token, and nobody when the list is empty', () => {
    environment.current = { METRICS_ALLOWED_NETWORKS: '10.0.0.0/8, 192.168.1.5' };
    expect(checkMetricsAccess(from('10.1.2.3'))).toEqual({ ok: true });
    expect(checkMetricsAccess(from('::ffff:192.168.1.5'))).toEqual({ ok: true });
    expect(checkMetricsAccess(from('203.0.113.9'))).toMatchObject({ ok: false, status: 403 });
    environment.current = { METRICS_ALLOWED_NETWORKS: ' , ' };
    expect(checkMetricsAccess(from('10.1.2.3')).ok).toBe(false);
  });
});
