import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/app/lib/db/prisma';
import { PEER_ADDRESS_HEADER } from '@/app/lib/server/http-server-patches';

// This file's own configuration, set before anything reads it: sign-in required, and a token for scripts.
process.env.DASHBOARD_PASSWORD = 'audit-password-correct';
process.env.SESSION_SECRET = 'audit-session-secret-of-enough-length-0123456789';
process.env.API_TOKEN = 'audit-api-token-0123456789';

const SOURCE = '198.51.100.23';

function request(path: string, options: { body?: unknown; headers?: Record<string, string> } = {}) {
  return new NextRequest(`http://localhost${path}`, {
    method: 'POST',
    headers: {
      [PEER_ADDRESS_HEADER]: SOURCE,
      'user-agent': 'audit-sign-in-test',
      'content-type': 'application/json',
      ...options.headers,
    },
    body: JSON.stringify(options.body ?? {}),
  });
}

const newest = (action: string) =>
  prisma.auditEntry.findFirst({ where: { action, sourceAddress: SOURCE }, orderBy: { id: 'desc' } });

describe('the audit log of signing in and out', () => {
  it('records a failed sign-in, a sign-in and a sign-out, with the address and browser', async () => {
    const { POST: signIn } = await import('@/app/api/auth/sign-in/route');
    const { POST: signOut } = await import('@/app/api/auth/sign-out/route');

    expect((await signIn(request('/api/auth/sign-in', { body: { password: 'wrong-password-1' } }))).status).toBe(401);
    expect(await newest('auth.sign_in_failed')).toMatchObject({
      actorKind: 'anonymous',
      outcome: 'failure',
      detail: { reason: 'wrong_password' },
      userAgent: 'audit-sign-in-test',
    });
    // The password is never written down, right or wrong.
    const stored = JSON.stringify(await prisma.auditEntry.findMany({ where: { sourceAddress: SOURCE } }));
    expect(stored).not.toContain('wrong-password-1');

    const signedIn = await signIn(request('/api/auth/sign-in', { body: { password: 'audit-password-correct' } }));
    expect(signedIn.status).toBe(200);
    const session = /envelope_tracker_session=[^;]+/.exec(signedIn.headers.get('set-cookie') ?? '')![0];
    expect(await newest('auth.sign_in')).toMatchObject({
      actorKind: 'session',
      actor: 'dashboard password',
      outcome: 'success',
    });

    // The endpoint is public: a call without a session signs nobody out and writes nothing.
    expect((await signOut(request('/api/auth/sign-out'))).status).toBe(200);
    expect(await newest('auth.sign_out')).toBeNull();
    expect((await signOut(request('/api/auth/sign-out', { headers: { cookie: session } }))).status).toBe(200);
    expect(await newest('auth.sign_out')).toMatchObject({ actorKind: 'session', actor: 'dashboard password' });
  });

  it('names a script by its bearer token', async () => {
    const { POST: createHook } = await import('@/app/api/hooks/route');
    const response = await createHook(
      request('/api/hooks', {
        body: { name: 'Audit token hook' },
        headers: { authorization: 'Bearer audit-api-token-0123456789' },
      }),
    );
    expect(response.status).toBe(201);
    expect(await newest('hook.create')).toMatchObject({
      actorKind: 'token',
      actor: 'API_TOKEN',
      targetId: 'Audit token hook',
    });
  });
});
