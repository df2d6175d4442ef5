import { z } from 'zod';
import { ROLES } from '@/app/lib/auth/roles';

// What the account and token APIs answer, checked in the browser: a proxy or a server updated under an open tab may
// answer something else, and requestJson then says so instead of the page breaking.

export const ACCOUNT_PASSWORD_API_URL = '/api/account/password';
export const ACCOUNT_SESSIONS_API_URL = '/api/account/sessions';
export const SIGN_OUT_EVERYWHERE_API_URL = '/api/account/sessions/revoke';
export const TOKENS_API_URL = '/api/tokens';

export function tokenApiUrl(id: string): string {
  return `${TOKENS_API_URL}/${encodeURIComponent(id)}`;
}

export const passwordChangedSchema = z.object({ ok: z.literal(true), otherSessionsEnded: z.number() });

export const sessionSchema = z.object({
  id: z.string(),
  current: z.boolean(),
  method: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string(),
  expiresAt: z.string(),
  sourceAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type AccountSession = z.infer<typeof sessionSchema>;

export const sessionListSchema = z.object({ items: z.array(sessionSchema) });

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const apiTokenListSchema = z.object({ items: z.array(apiTokenSchema) });

/** The answer to a create: the token itself, which is never shown again. */
export const createdTokenSchema = z.object({
  id: z.string(),
  token: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  expiresAt: z.string().nullable(),
});
