/**
 * What a person may do, each role including the one before it:
 * - `viewer`: browse, search, open envelopes, download documents, export CSV;
 * - `operator`: also replay deliveries, retry document fetches, send reminders and test notifications;
 * - `admin`: also hooks and their secrets, subscriptions, alert channels and rules, users, the audit log.
 */
export const ROLES = ['viewer', 'operator', 'admin'] as const;

export type Role = (typeof ROLES)[number];

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
