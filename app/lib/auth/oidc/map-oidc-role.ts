import { ROLES, type Role } from '../roles';

/**
 * The role a person's claims grant: every value of `roleClaim` (a string or a list of strings) that `roleMap` names
 * counts and the highest role wins, so that someone in both an admin and a staff group is an admin. Without a match,
 * `defaultRole`; null when that is `none` (only mapped people may enter).
 */
export function mapOidcRole({
  claims,
  roleClaim,
  roleMap,
  defaultRole,
}: {
  claims: Record<string, unknown>;
  roleClaim: string | null;
  roleMap: ReadonlyMap<string, Role>;
  defaultRole: Role | 'none';
}): Role | null {
  let highest: Role | null = null;
  for (const value of claimValues(claims, roleClaim)) {
    const role = roleMap.get(value);
    if (role && (highest === null || ROLES.indexOf(role) > ROLES.indexOf(highest))) highest = role;
  }
  return highest ?? (defaultRole === 'none' ? null : defaultRole);
}

function claimValues(claims: Record<string, unknown>, roleClaim: string | null): string[] {
  if (!roleClaim) return [];
  // A claim named with dots (Auth0's `https://example.com/roles`) is taken whole first; otherwise the dots walk into
  // nested objects, as Keycloak's `realm_access.roles` needs.
  const value = Object.hasOwn(claims, roleClaim) ? claims[roleClaim] : readPath(claims, roleClaim.split('.'));
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

function readPath(value: unknown, path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || Array.isArray(current) || !Object.hasOwn(current, key))
      return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
