import { describe, expect, it } from 'vitest';
import { newPasswordProblem, tokenRequestBody } from './account-form-input';

describe('newPasswordProblem', () => {
  it('asks for 12 characters, typed the same twice', () => {
    expect(newPasswordProblem('short', 'short')).toMatch(/at least 12 characters/);
    expect(newPasswordProblem('a long passphrase', 'a long passphrose')).toMatch(/differ/);
    expect(newPasswordProblem('a long passphrase', 'a long passphrase')).toBeNull();
  });
});

describe('tokenRequestBody', () => {
  const filled = { name: ' nightly export ', role: 'viewer' as const, days: '90', neverExpires: false };

  it('sends the trimmed name, the role and the days', () => {
    expect(tokenRequestBody(filled)).toEqual({
      ok: true,
      body: { name: 'nightly export', role: 'viewer', expiresInDays: 90 },
    });
  });

  it('leaves the expiry out for a token that never expires, whatever the days field holds', () => {
    expect(tokenRequestBody({ ...filled, days: '', neverExpires: true })).toEqual({
      ok: true,
      body: { name: 'nightly export', role: 'viewer' },
    });
  });

  it('says what to fix: a name, a whole number of days in range', () => {
    expect(tokenRequestBody({ ...filled, name: '  ' })).toMatchObject({ ok: false, message: /name/ });
    for (const days of ['0', '1.5', '', 'x', '3651'])
      expect(tokenRequestBody({ ...filled, days })).toMatchObject({ ok: false, message: /1 to 3650 days/ });
  });
});
