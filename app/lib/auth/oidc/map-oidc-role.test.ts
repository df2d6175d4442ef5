import { describe, expect, it } from 'vitest';
import type { Role } from '../roles';
import { mapOidcRole } from './map-oidc-role';

const roleMap = new Map<string, Role>([
  ['tracker-admins', 'admin'],
  ['tracker-ops', 'operator'],
  ['staff', 'viewer'],
]);

function map(
  claims: Record<string, unknown>,
  defaultRole: Role | 'none' = 'viewer',
  roleClaim: string | null = 'groups',
) {
  return mapOidcRole({ claims, roleClaim, roleMap, defaultRole });
}

describe('mapOidcRole', () => {
  it('gives the highest mapped role, whatever the order', () => {
    expect(map({ groups: ['staff', 'tracker-admins'] })).toBe('admin');
    expect(map({ groups: ['tracker-admins', 'staff'] })).toBe('admin');
    expect(map({ groups: ['staff', 'tracker-ops', 'elsewhere'] }, 'none')).toBe('operator');
  });

  it('reads a single string value', () => {
    expect(map({ groups: 'tracker-ops' }, 'none')).toBe('operator');
  });

  it('falls back to the default role, or to nobody when it is none', () => {
    expect(map({ groups: ['elsewhere'] })).toBe('viewer');
    expect(map({ groups: ['elsewhere'] }, 'operator')).toBe('operator');
    expect(map({ groups: ['elsewhere'] }, 'none')).toBeNull();
    expect(map({}, 'none')).toBeNull();
  });

  it('ignores values that are not strings, and matches exactly', () => {
    expect(map({ groups: [1, null, { name: 'tracker-admins' }, 'Tracker-Admins', ' staff'] }, 'none')).toBeNull();
    expect(map({ groups: 42 }, 'none')).toBeNull();
  });

  it('does not let the default raise a mapped role above what the map says, nor lower it', () => {
    expect(map({ groups: ['staff'] }, 'admin')).toBe('viewer');
  });

  it('needs a role claim to map anything', () => {
    expect(map({ groups: ['tracker-admins'] }, 'none', null)).toBeNull();
    expect(map({ groups: ['tracker-admins'] }, 'viewer', null)).toBe('viewer');
  });

  it('reads a claim named with dots whole, else walks into nested objects', () => {
    expect(map({ 'https://example.com/roles': ['tracker-ops'] }, 'none', 'https://example.com/roles')).toBe('operator');
    expect(map({ realm_access: { roles: ['tracker-admins'] } }, 'none', 'realm_access.roles')).toBe('admin');
    expect(map({ realm_access: ['tracker-admins'] }, 'none', 'realm_access.roles')).toBeNull();
  });

  it('does not read inherited properties as claims', () => {
    expect(map({}, 'none', 'constructor')).toBeNull();
    expect(map({ a: {} }, 'none', 'a.toString')).toBeNull();
  });
});
