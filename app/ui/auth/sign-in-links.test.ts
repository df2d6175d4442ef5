import { describe, expect, it } from 'vitest';
import { oidcStartHref, signInErrorMessage } from './sign-in-links';

describe('oidcStartHref', () => {
  it('carries where to go afterwards, encoded, and leaves out the home page', () => {
    expect(oidcStartHref('/')).toBe('/api/auth/oidc/start');
    expect(oidcStartHref('/deliveries?outcome=rejected')).toBe(
      '/api/auth/oidc/start?next=%2Fdeliveries%3Foutcome%3Drejected',
    );
  });
});

describe('signInErrorMessage', () => {
  it('knows the codes the sign-in endpoints send back, and nothing else', () => {
    expect(signInErrorMessage('wrong_password')).toMatch(/^Wrong e-mail address or password/);
    expect(signInErrorMessage('oidc_domain_not_allowed')).toMatch(/not from a domain allowed here/);
    expect(signInErrorMessage('toString')).toBeNull();
    expect(signInErrorMessage('<script>')).toBeNull();
    expect(signInErrorMessage(undefined)).toBeNull();
  });
});
