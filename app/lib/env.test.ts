import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('the configuration', () => {
  it('treats empty values as unset, as a copied .env.example has them', async () => {
    vi.stubEnv('PUBLIC_URL', '');
    vi.stubEnv('DELIVERY_RETENTION_DAYS', '');
    const { getEnvironment } = await import('./env');
    const environment = getEnvironment();
    expect(environment.PUBLIC_URL).toBeUndefined();
    expect(environment.DELIVERY_RETENTION_DAYS).toBe(90);
  });

  it('refuses a malformed value and says where every variable is listed', async () => {
    vi.stubEnv('PUBLIC_URL', 'not a url');
    const { getEnvironment } = await import('./env');
    expect(() => getEnvironment()).toThrow(/PUBLIC_URL.*\.env\.example/);
  });
});
