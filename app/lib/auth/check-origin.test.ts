import { describe, expect, it } from 'vitest';
import { isSameOriginRequest } from './check-origin';

function check(
  headers: Record<string, string>,
  options: { publicUrl?: string; hops?: number; allowMissing?: boolean } = {},
) {
  return isSameOriginRequest({
    headers: new Headers(headers),
    publicUrl: options.publicUrl ?? null,
    trustedProxyHops: options.hops ?? 0,
    allowMissing: options.allowMissing,
  });
}

describe('isSameOriginRequest', () => {
  it('accepts an Origin naming the host the request was sent to', () => {
    expect(check({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' })).toBe(true);
    expect(check({ host: 'esign.example.com', origin: 'https://esign.example.com' })).toBe(true);
    expect(check({ host: 'esign.example.com:443', origin: 'https://esign.example.com' })).toBe(true);
    expect(check({ host: 'ESIGN.example.com', origin: 'https://esign.example.com' })).toBe(true);
  });

  it('refuses another site, another port, and opaque origins', () => {
    expect(check({ host: '127.0.0.1:3000', origin: 'http://evil.example' })).toBe(false);
    expect(check({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:4000' })).toBe(false);
    expect(check({ host: 'esign.example.com', origin: 'https://esign.example.com.evil.example' })).toBe(false);
    expect(check({ host: '127.0.0.1:3000', origin: 'null' })).toBe(false);
    expect(check({ host: '127.0.0.1:3000', origin: 'not a url' })).toBe(false);
  });

  it('accepts PUBLIC_URL when a proxy in front changes the host', () => {
    const headers = { host: 'localhost:3000', origin: 'https://esign.example.com' };
    expect(check(headers)).toBe(false);
    expect(check(headers, { publicUrl: 'https://esign.example.com/' })).toBe(true);
    expect(check(headers, { publicUrl: 'http://esign.example.com' })).toBe(false);
  });

  it('believes X-Forwarded-Host only behind trusted proxies', () => {
    const headers = { host: 'localhost:3000', 'x-forwarded-host': 'evil.example', origin: 'http://evil.example' };
    expect(check(headers)).toBe(false);
    expect(check(headers, { hops: 1 })).toBe(true);
  });

  it('without Origin, lets Sec-Fetch-Site decide, else refuses unless told to allow it', () => {
    expect(check({ host: 'a', 'sec-fetch-site': 'same-origin' })).toBe(true);
    expect(check({ host: 'a', 'sec-fetch-site': 'cross-site' })).toBe(false);
    expect(check({ host: 'a', 'sec-fetch-site': 'cross-site' }, { allowMissing: true })).toBe(false);
    expect(check({ host: 'a' })).toBe(false);
    expect(check({ host: 'a' }, { allowMissing: true })).toBe(true);
  });
});
