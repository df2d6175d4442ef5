import { describe, expect, it } from 'vitest';
import { sanitizeNextPath } from './sanitize-next-path';

describe('sanitizeNextPath', () => {
  it.each([
    ['/deliveries', '/deliveries'],
    ['/deliveries?hook=a&outcome=rejected', '/deliveries?hook=a&outcome=rejected'],
    ['/envelopes/abc#timeline', '/envelopes/abc#timeline'],
    ['/a/../setup', '/setup'],
  ])('keeps the app path %s', (value, expected) => {
    expect(sanitizeNextPath(value)).toBe(expected);
  });

  it.each([
    undefined,
    null,
    42,
    '',
    'deliveries',
    'https://evil.example/',
    '//evil.example/path',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    'javascript:alert(1)',
    '/sign-in',
    '/sign-in?next=/x',
    '/api/envelopes',
    `/${'a'.repeat(3000)}`,
  ])('turns %j into /', (value) => {
    expect(sanitizeNextPath(value)).toBe('/');
  });
});
