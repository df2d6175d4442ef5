import { describe, expect, it } from 'vitest';
import { roleBlockedReason, roleLabel, rolesUpTo } from './roles-shown';

describe('rolesUpTo', () => {
  it('offers only the roles at or below the given one, lowest first', () => {
    expect(rolesUpTo('viewer')).toEqual(['viewer']);
    expect(rolesUpTo('operator')).toEqual(['viewer', 'operator']);
    expect(rolesUpTo('admin')).toEqual(['viewer', 'operator', 'admin']);
  });
});

describe('roleBlockedReason', () => {
  it('says nothing when allowed, and which role is needed otherwise', () => {
    expect(roleBlockedReason(true, 'Replaying')).toBeNull();
    expect(roleBlockedReason(false, 'Replaying')).toMatch(/^Replaying needs the operator role/);
    expect(roleBlockedReason(false, 'Managing users', 'admin')).toMatch(/^Managing users needs the admin role/);
  });
});

describe('roleLabel', () => {
  it('capitalizes', () => {
    expect(roleLabel('operator')).toBe('Operator');
  });
});
