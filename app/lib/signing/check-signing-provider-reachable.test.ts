import { afterAll, describe, expect, it } from 'vitest';
import { startFakeEsignAnyWhereServer } from '@/app/testing/fake-esignanywhere-server';
import { checkSigningProviderReachable } from './check-signing-provider-reachable';

const fake = await startFakeEsignAnyWhereServer();
afterAll(() => fake.close());

const esignanywhere = (apiToken: string, baseUrl = fake.baseUrl) =>
  ({ provider: 'esignanywhere', problem: null, baseUrl, apiToken }) as const;

describe('the setup page connection check', () => {
  it('reports a reachable service that accepts the token', async () => {
    expect(await checkSigningProviderReachable(esignanywhere(fake.apiToken))).toEqual({
      reachable: true,
      detail: 'The signing service answered and accepted the API token.',
    });
  });

  it('reports a refused token, with what to check', async () => {
    const result = await checkSigningProviderReachable(esignanywhere('wrong'));
    expect(result.reachable).toBe(false);
    expect(result.detail).toMatch(/HTTP 401: ERR0003 The apiToken is invalid\.\). Check ESAW_API_TOKEN/);
  });

  it('reports a service that cannot be reached, and a configuration that cannot work', async () => {
    const closed = await checkSigningProviderReachable(esignanywhere(fake.apiToken, 'http://127.0.0.1:9'));
    expect(closed).toEqual({ reachable: false, detail: '127.0.0.1:9 refused the connection.' });
    expect(
      await checkSigningProviderReachable({
        provider: 'http',
        problem: 'Set it.',
        urlTemplate: null,
        authHeader: null,
      }),
    ).toEqual({ reachable: false, detail: 'Set it.' });
    expect(await checkSigningProviderReachable({ provider: 'none', problem: null, reason: 'Off.' })).toEqual({
      reachable: false,
      detail: 'Off.',
    });
  });
});
