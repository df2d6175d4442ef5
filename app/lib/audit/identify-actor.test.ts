import { describe, expect, it } from 'vitest';
import { encodePrincipal, PRINCIPAL_HEADER, type Principal } from '@/app/lib/auth/principal';
import { identifyActor } from './identify-actor';

const base: Principal = {
  kind: 'session',
  role: 'viewer',
  userId: 'u1',
  name: 'ana@example.com',
  sessionId: 's1',
  tokenId: null,
  tokenName: null,
};
const headersFor = (principal: Partial<Principal>) =>
  new Headers({ [PRINCIPAL_HEADER]: encodePrincipal({ ...base, ...principal }) });

describe('identifyActor', () => {
  it('names the signed-in person by e-mail', () => {
    expect(identifyActor(headersFor({}))).toEqual({ kind: 'session', name: 'ana@example.com' });
  });

  it('names a personal token by its owner and its name, and the deprecated API_TOKEN as such', () => {
    expect(identifyActor(headersFor({ kind: 'token', sessionId: null, tokenId: 't1', tokenName: 'nightly' }))).toEqual({
      kind: 'token',
      name: 'ana@example.com',
      tokenName: 'nightly',
    });
    expect(identifyActor(headersFor({ kind: 'legacy-token', userId: null, name: 'API_TOKEN' }))).toEqual({
      kind: 'token',
      name: 'API_TOKEN',
    });
  });

  it('names the person an SSO proxy vouched for with sign-in off, else nobody', () => {
    expect(identifyActor(headersFor({ kind: 'open', role: 'admin', userId: null, name: 'bob@example.com' }))).toEqual({
      kind: 'proxy',
      name: 'bob@example.com',
    });
    expect(identifyActor(headersFor({ kind: 'open', role: 'admin', userId: null, name: 'anonymous' }))).toEqual({
      kind: 'anonymous',
      name: 'anonymous',
    });
  });

  it('trusts no principal header it cannot read (only proxy.ts sets it, removing any a client sent)', () => {
    expect(identifyActor(new Headers({ [PRINCIPAL_HEADER]: 'forged' }))).toEqual({
      kind: 'anonymous',
      name: 'anonymous',
    });
    expect(identifyActor(new Headers())).toEqual({ kind: 'anonymous', name: 'anonymous' });
  });
});
