import { z } from 'zod';

export const signInInputSchema = z.object({
  password: z
    .string({ error: 'Enter the password.' })
    .min(1, 'Enter the password.')
    .max(1024, 'That password is too long.'),
  /** Where to go afterwards; sanitized, so only a path of this app. */
  next: z.string().max(2048).optional(),
});

/** Messages of the sign-in page, also used when a form without JavaScript comes back with `?error=`. */
export const SIGN_IN_ERROR_MESSAGES = {
  invalid_input: 'Enter the password.',
  wrong_password: 'Wrong password. Try again.',
  too_many_attempts: 'Too many failed attempts from your address. Wait a moment, then try again.',
} as const;

export type SignInErrorCode = keyof typeof SIGN_IN_ERROR_MESSAGES;
