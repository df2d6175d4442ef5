import { ROLES, roleAtLeast, type Role } from '@/app/lib/auth/roles';

/** What each role may do, in a line, beside role choices: picking one should not need the documentation. */
export const ROLE_SUMMARIES: Record<Role, string> = {
  viewer: 'browses envelopes and deliveries, downloads documents, exports',
  operator: 'also replays deliveries, retries document fetches, sends reminders and test notifications',
  admin: 'also manages hooks, subscriptions, alerts, users and reads the audit log',
};

export function roleLabel(role: Role): string {
  return role.charAt(0).toUpperCase() + role.slice(1);
}

/** The roles someone may hand on (a token never acts above its owner), lowest first. */
export function rolesUpTo(role: Role): Role[] {
  return ROLES.filter((each) => roleAtLeast(role, each));
}

/**
 * Why a control is disabled for the visitor, for its tooltip ("Replaying needs the operator role …"), or null when
 * they may use it. The server refuses the action anyway; this only saves a click that cannot succeed.
 */
export function roleBlockedReason(allowed: boolean, action: string, role: Role = 'operator'): string | null {
  return allowed ? null : `${action} needs the ${role} role: ask an administrator if you need it.`;
}
