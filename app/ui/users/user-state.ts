import type { User } from './users-api';

export type UserState = { label: string; title: string; tone: 'active' | 'pending' | 'disabled' };

/** A user's state for the list, the most pressing first: disabled, then a password still to change. */
export function userState(user: Pick<User, 'disabled' | 'mustChangePassword'>): UserState {
  if (user.disabled)
    return { label: 'Disabled', title: 'Cannot sign in; their API tokens are refused', tone: 'disabled' };
  if (user.mustChangePassword)
    return {
      label: 'Must change password',
      title: 'Has a one-time password, to change at the next sign-in',
      tone: 'pending',
    };
  return { label: 'Active', title: 'May sign in', tone: 'active' };
}

/** What the confirmation before disabling or enabling says. */
export function toggleDisabledQuestion(user: Pick<User, 'email' | 'disabled'>, yourself: boolean): string {
  if (user.disabled) return `Enable ${user.email}? They can sign in again, and their API tokens work again.`;
  return yourself
    ? 'Disable your own account? You are signed out at once and cannot sign in again until another admin enables you.'
    : `Disable ${user.email}? They are signed out everywhere at once, cannot sign in, and their API tokens are refused until enabled again.`;
}
