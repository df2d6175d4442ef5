import { z } from 'zod';

export const signInInputSchema = z.object({
  /** Absent: the admin made from DASHBOARD_PASSWORD (the single-password sign-in of earlier versions). */
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(320, 'That e-mail address is too long.')
    .optional()
    .transform((value) => value || undefined),
  password: z
    .string({ error: 'Enter your password.' })
    .min(1, 'Enter your password.')
    .max(1024, 'That password is too long.'),
  /** Where to go afterwards; sanitized, so only a path of this app. */
  next: z.string().max(2048).optional(),
});

/** Messages of the sign-in page, also used when a form without JavaScript comes back with `?error=`. */
export const SIGN_IN_ERROR_MESSAGES = {
  invalid_input: 'Enter your e-mail address and password.',
  wrong_password: 'Wrong e-mail address or password. Try again.',
  too_many_attempts: 'Too many failed attempts. Wait a moment, then try again.',
  account_disabled: 'This account is disabled. Ask an administrator to enable it.',
  password_sign_in_off: 'Sign in with your company account: password sign-in is turned off here.',
  oidc_failed:
    'The sign-in with your company account did not complete. Try again; if it keeps failing, tell your administrator.',
  oidc_email_missing: 'Your company account did not share a verified e-mail address. Ask your administrator.',
  oidc_domain_not_allowed: 'Your company account is not from a domain allowed here. Ask your administrator.',
  oidc_account_conflict:
    'An account with your e-mail address exists here already and belongs to another company sign-in. Ask an administrator.',
  oidc_role_not_granted: 'Your company account has no role in this app yet. Ask your administrator for access.',
} as const;

export type SignInErrorCode = keyof typeof SIGN_IN_ERROR_MESSAGES;
