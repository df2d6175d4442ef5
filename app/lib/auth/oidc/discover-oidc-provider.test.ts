import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenOnLoopback, type LoopbackListener } from '@/app/testing/listen-on-loopback';
import { discoverOidcProvider } from './discover-oidc-provider';

const client = { clientId: 'envelope-tracker', clientSecret: 'client-secret' };

// A discovery document served by hand: down for the first request, then up.
let requests = 0;
let listener: LoopbackListener;
beforeAll(async () => {
  const server = http.createServer((request, response) => {
    requests++;
    if (requests === 1) return void response.writeHead(503).end('starting');
    const issuer = listener.baseUrl;
    response.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        issuer,
        authorization_endpoint: `${issuer}/auth`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
      }),
    );
  });
  listener = await listenOnLoopback(server);
});

afterAll(() => listener.close());

describe('discoverOidcProvider', () => {
  it('refuses plain http to anything but this machine', async () => {
    await expect(discoverOidcProvider({ settings: { issuer: 'http://login.example.com', ...client } })).rejects.toThrow(
      /plain http .*https:\/\//,
    );
  });

  it('forgets a failed discovery and keeps a successful one', async () => {
    const settings = { issuer: listener.baseUrl, ...client };
    await expect(discoverOidcProvider({ settings })).rejects.toThrow();
    const config = await discoverOidcProvider({ settings });
    expect(config.serverMetadata().issuer).toBe(listener.baseUrl);
    expect(await discoverOidcProvider({ settings })).toBe(config);
    expect(requests).toBe(2);
    expect(config.timeout).toBe(10);
  });

  it('builds a separate configuration for a moved clock', async () => {
    const settings = { issuer: listener.baseUrl, ...client };
    const config = await discoverOidcProvider({ settings });
    const skewed = await discoverOidcProvider({ settings, clockSkewSeconds: 120 });
    expect(skewed).not.toBe(config);
    expect(skewed.serverMetadata().token_endpoint).toBe(config.serverMetadata().token_endpoint);
    expect(requests).toBe(2);
  });
});
