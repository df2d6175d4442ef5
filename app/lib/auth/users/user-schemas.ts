import { z } from 'zod';
import { newPasswordSchema } from '../passwords/password-rules';
import { ROLES } from '../roles';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(320)
  .email('Give an e-mail address, such as ana@example.com.');

const nameSchema = z.string().trim().min(1, 'Give a name.').max(200);

/** `POST /api/users`: without a password the answer carries a one-time one (or the user signs in through SSO). */
export const createUserInputSchema = z.object({
  email: emailSchema,
  name: nameSchema.optional(),
  role: z.enum(ROLES),
  password: newPasswordSchema.optional(),
});

export const updateUserInputSchema = z
  .object({ role: z.enum(ROLES).optional(), disabled: z.boolean().optional(), name: nameSchema.optional() })
  .refine((value) => Object.keys(value).length > 0, 'Send at least one of "role", "disabled" or "name".');

/** `POST /api/users/<id>/password`: an admin's reset; without a password a one-time one is made. */
export const resetPasswordInputSchema = z.object({ password: newPasswordSchema.optional() });

export const changePasswordInputSchema = z.object({
  currentPassword: z.string().max(1024).optional(),
  newPassword: newPasswordSchema,
});

export const createTokenInputSchema = z.object({
  name: z.string().trim().min(1, 'Give the token a name, e.g. the script that will use it.').max(100),
  role: z.enum(ROLES).optional(),
  expiresInDays: z.coerce.number().int().min(1).max(3650).optional(),
});
