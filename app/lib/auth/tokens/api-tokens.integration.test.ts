import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/app/lib/db/prisma';
import { seedUser } from '@/app/testing/seed-user';
import { throughProxy } from '@/app/testing/through-proxy';
import { createApiToken } from './create-api-token';
import { revokeApiToken } from './revoke-api-token';

Object.assign(process.env, { NODE_ENV: 'production' });

const status = async (token: string, method = 'GET', path = '/api/envelopes') =>
  (
    await throughProxy({
      request: new NextRequest(`http://localhost${path}`, { method, headers: { authorization: `Bearer ${token}` } }),
    })
  ).status;

describe('personal API tokens', () => {
  it('are stored hashed, act with their role, and note when they were last used', async () => {
    const owner = await seedUser({ role: 'operator' });
    const { token, id } = await owner.token({ role: 'viewer' });
    expect(token).toMatch(/^etk_[A-Za-z0-9_-]{43}$/);
    const stored = await prisma.apiToken.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(stored)).not.toContain(token.slice(4));
    expect(stored.lastUsedAt).toBeNull();
    expect(await status(token)).toBe(204);
    // A viewer token of an operator cannot replay.
    expect(await status(token, 'POST', '/api/deliveries/d1/replay')).toBe(403);
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).not.toBeNull();
  });

  it('cannot be made with a role above the owner', async () => {
    const owner = await seedUser({ role: 'viewer' });
    const result = await createApiToken({
      userId: owner.user.id,
      ownerRole: 'viewer',
      name: 'too much',
      role: 'admin',
    });
    expect(result).toMatchObject({ ok: false, code: 'role_above_own' });
  });

  it('follow the owner down: a token made as admin acts as operator once the owner is an operator', async () => {
    const owner = await seedUser({ role: 'admin' });
    const { token } = await owner.token();
    expect(await status(token, 'GET', '/api/audit')).toBe(204);
    await prisma.user.update({ where: { id: owner.user.id }, data: { role: 'operator' } });
    expect(await status(token, 'GET', '/api/audit')).toBe(403);
    expect(await status(token, 'POST', '/api/deliveries/d1/replay')).toBe(204);
  });

  it('stop at once when revoked, expired, or their owner is disabled', async () => {
    const owner = await seedUser({ role: 'viewer' });
    const revoked = await owner.token({ name: 'revoked' });
    await revokeApiToken({ id: revoked.id, userId: owner.user.id, asAdmin: false });
    expect(await status(revoked.token)).toBe(401);

    const expiring = await owner.token({ name: 'expiring' });
    await prisma.apiToken.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await status(expiring.token)).toBe(401);

    const live = await owner.token({ name: 'live' });
    expect(await status(live.token)).toBe(204);
    await prisma.user.update({ where: { id: owner.user.id }, data: { disabled: true } });
    expect(await status(live.token)).toBe(401);
  });

  it('can be revoked by their owner or an admin, not by someone else', async () => {
    const owner = await seedUser({ role: 'operator' });
    const stranger = await seedUser({ role: 'operator' });
    const { id } = await owner.token();
    expect(await revokeApiToken({ id, userId: stranger.user.id, asAdmin: false })).toBeNull();
    expect(await revokeApiToken({ id, userId: stranger.user.id, asAdmin: true })).toMatchObject({
      ownerId: owner.user.id,
    });
  });

  it('answers 401 with what to do for a token nobody made', async () => {
    const response = await throughProxy({
      request: new NextRequest('http://localhost/api/envelopes', {
        headers: { authorization: `Bearer etk_${'a'.repeat(43)}` },
      }),
    });
    expect(response.status).toBe(401);
    expect((await response.json()).error.message).toMatch(/Make a new one on your Account page/);
  });

  it('cannot make tokens or set a password: only a signed-in person can', async () => {
    const owner = await seedUser({ role: 'admin' });
    const { token } = await owner.token({ role: 'viewer' });
    for (const [path, route, body] of [
      ['/api/tokens', () => import('@/app/api/tokens/route'), { name: 'made by a token' }],
      [
        '/api/account/password',
        () => import('@/app/api/account/password/route'),
        { newPassword: 'chosen by a token holder' },
      ],
    ] as const) {
      const response = await throughProxy({
        request: new NextRequest(`http://localhost${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
          body: JSON.stringify(body),
        }),
        handler: (await route()).POST as never,
      });
      expect(response.status, path).toBe(403);
      expect((await response.json()).error.code).toBe('session_required');
    }
  });
});
