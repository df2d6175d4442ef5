import { describe, expect, it } from 'vitest';
import { toggleDisabledQuestion, userState } from './user-state';

describe('userState', () => {
  it('puts disabled before a password still to change', () => {
    expect(userState({ disabled: true, mustChangePassword: true }).label).toBe('Disabled');
    expect(userState({ disabled: false, mustChangePassword: true }).label).toBe('Must change password');
    expect(userState({ disabled: false, mustChangePassword: false }).label).toBe('Active');
  });
});

describe('toggleDisabledQuestion', () => {
  it('warns that disabling signs them out, and differently when it is yourself', () => {
    expect(toggleDisabledQuestion({ email: 'ana@example.com', disabled: false }, false)).toMatch(
      /^Disable ana@example.com\? They are signed out everywhere/,
    );
    expect(toggleDisabledQuestion({ email: 'me@example.com', disabled: false }, true)).toMatch(/your own account/);
    expect(toggleDisabledQuestion({ email: 'ana@example.com', disabled: true }, false)).toMatch(/^Enable/);
  });
});
