import type { Role } from '@/app/lib/auth/roles';

/** The server's minimum (app/lib/auth/passwords/password-rules.ts), checked here too to say so before sending. */
export const MIN_PASSWORD_LENGTH = 12;

/** How long a new token lasts unless the reader chooses otherwise: long enough for a script, short enough to rot. */
export const DEFAULT_TOKEN_DAYS = 90;
export const MAX_TOKEN_DAYS = 3650;

/** Why a new password cannot be sent as typed, or null. */
export function newPasswordProblem(newPassword: string, repeated: string): string | null {
  if (newPassword.length < MIN_PASSWORD_LENGTH)
    return `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters (a few words will do).`;
  if (newPassword !== repeated) return 'The two new passwords differ: type the same one twice.';
  return null;
}

export type TokenFormValues = { name: string; role: Role; days: string; neverExpires: boolean };

/** The body of `POST /api/tokens` for the form as filled in, or what to fix first. */
export function tokenRequestBody(
  values: TokenFormValues,
): { ok: true; body: { name: string; role: Role; expiresInDays?: number } } | { ok: false; message: string } {
  const name = values.name.trim();
  if (!name) return { ok: false, message: 'Give the token a name, e.g. the script that will use it.' };
  if (values.neverExpires) return { ok: true, body: { name, role: values.role } };
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS)
    return { ok: false, message: `Let it expire after 1 to ${MAX_TOKEN_DAYS} days, or choose "Never expires".` };
  return { ok: true, body: { name, role: values.role, expiresInDays: days } };
}
