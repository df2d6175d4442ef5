import { z } from 'zod';
import { ROLES } from './roles';

/**
 * Who a request acts as, once proxy.ts let it through:
 * - `session`: a person signed in (password or SSO);
 * - `token`: a person's API token (its role is the lower of the token's and its owner's);
 * - `legacy-token`: the deprecated API_TOKEN, an admin;
 * - `open`: sign-in is off (DASHBOARD_AUTH=off or an unconfigured development server): everyone is an admin,
 *   named by TRUSTED_USER_HEADER when a trusted proxy sets it.
 */
export const principalSchema = z.object({
  kind: z.enum(['session', 'token', 'legacy-token', 'open']),
  role: z.enum(ROLES),
  userId: z.string().nullable(),
  /** An e-mail, "API_TOKEN", the proxy's name for the person, or "anonymous". */
  name: z.string(),
  sessionId: z.string().nullable(),
  tokenId: z.string().nullable(),
  tokenName: z.string().nullable(),
  /** A session whose password someone else chose: until it is changed, only the Account page is open. */
  mustChangePassword: z.boolean().default(false),
});

export type Principal = z.input<typeof principalSchema>;

/**
 * The request header by which proxy.ts hands the principal to pages and route handlers. proxy.ts removes whatever a
 * client sent under this name and sets its own, on every request it lets through.
 */
export const PRINCIPAL_HEADER = 'x-envelope-tracker-principal';

export function encodePrincipal(principal: Principal): string {
  return Buffer.from(JSON.stringify(principal)).toString('base64url');
}

/** The principal proxy.ts set, or null (a path the proxy does not run for, e.g. webhooks). */
export function readPrincipal(headers: Headers): Principal | null {
  const value = headers.get(PRINCIPAL_HEADER);
  if (!value) return null;
  try {
    const parsed = principalSchema.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
