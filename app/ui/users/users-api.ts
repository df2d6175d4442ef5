import { z } from 'zod';
import { ROLES } from '@/app/lib/auth/roles';

// What the users API answers, checked in the browser: a proxy or a server updated under an open tab may answer
// something else, and requestJson then says so instead of the page breaking.

export const USERS_API_URL = '/api/users';

export function userApiUrl(id: string): string {
  return `${USERS_API_URL}/${encodeURIComponent(id)}`;
}

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  disabled: z.boolean(),
  /** "password", "sso", "password and sso" or "none yet". */
  signIn: z.string(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;

export const userListSchema = z.object({ items: z.array(userSchema) });

/** The answer to an add: the user, and the one-time password when none was chosen (shown once). */
export const createdUserSchema = userSchema.extend({ oneTimePassword: z.string().optional() });

export const passwordResetSchema = z.object({ ok: z.literal(true), oneTimePassword: z.string().optional() });

export const sessionsEndedSchema = z.object({ ok: z.literal(true), sessionsEnded: z.number() });
