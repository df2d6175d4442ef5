import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/app/lib/db/prisma';
import { seedUser } from '@/app/testing/seed-user';
import { throughProxy } from '@/app/testing/through-proxy';

Object.assign(process.env, { NODE_ENV: 'production' });

const admin = await seedUser({ role: 'admin', label: 'users-admin' });
const cookie = (await admin.signIn()).cookie;

async function call(
  handler: unknown,
  method: string,
  path: string,
  body?: unknown,
  params: Record<string, string> = {},
) {
  const response = await throughProxy({
    request: new NextRequest(`http://localhost${path}`, {
      method,
      headers: { cookie, origin: 'http://localhost', host: 'localhost', 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
    handler: handler as never,
    params,
  });
  return { status: response.status, body: await response.json() };
}

const routes = {
  users: () => import('./route'),
  user: () => import('./[id]/route'),
  password: () => import('./[id]/password/route'),
};

describe('managing users', () => {
  it('adds a user with a one-time password that must be changed, and refuses a taken e-mail', async () => {
    const email = `new-${Date.now()}@example.com`;
    const created = await call((await routes.users()).POST, 'POST', '/api/users', {
      email,
      name: 'New One',
      role: 'viewer',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email,
      role: 'viewer',
      mustChangePassword: true,
      oneTimePassword: expect.stringMatching(/^[A-Za-z0-9]{20}$/),
    });
    expect(created.body).not.toHaveProperty('passwordHash');
    const again = await call((await routes.users()).POST, 'POST', '/api/users', {
      email: email.toUpperCase(),
      role: 'admin',
    });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'email_taken' } } });
    const bad = await call((await routes.users()).POST, 'POST', '/api/users', { email: 'not an e-mail', role: 'boss' });
    expect(bad.status).toBe(400);
    const listed = await call((await routes.users()).GET, 'GET', '/api/users');
    expect(listed.body.items.map((user: { email: string }) => user.email)).toContain(email);
  });

  it('disabling a user ends their sessions at once; enabling lets them sign in again', async () => {
    const person = await seedUser({ role: 'operator' });
    const session = await person.signIn();
    const disabled = await call(
      (await routes.user()).PATCH,
      'PATCH',
      `/api/users/${person.user.id}`,
      { disabled: true },
      { id: person.user.id },
    );
    expect(disabled).toMatchObject({ status: 200, body: { disabled: true } });
    expect(await prisma.userSession.count({ where: { id: session.id } })).toBe(0);
    const reading = await throughProxy({
      request: new NextRequest('http://localhost/api/envelopes', { headers: { cookie: session.cookie } }),
    });
    expect(reading.status).toBe(401);
  });

  it('never leaves the app without an active admin', async () => {
    // On a database of its own, where this admin is surely the only one.
    const { createEmptyDatabase } = await import('@/app/testing/empty-database');
    const { applyMigrations } = await import('@/app/lib/db/migrations/apply-migrations');
    const { createPrismaClient } = await import('@/app/lib/db/create-prisma-client');
    const { getDatabaseConfig, parseDatabaseUrl } = await import('@/app/lib/db/database-config');
    const { updateUser } = await import('@/app/lib/auth/users/update-user');
    const empty = await createEmptyDatabase(getDatabaseConfig().provider);
    const config = parseDatabaseUrl(empty.url);
    await applyMigrations({ config });
    const db = createPrismaClient(config);
    try {
      const base = { name: 'Only', createdAt: new Date() };
      await db.user.create({ data: { ...base, id: 'only-admin', email: 'only@example.com', role: 'admin' } });
      await db.user.create({ data: { ...base, id: 'second', email: 'second@example.com', role: 'operator' } });
      for (const change of [{ role: 'viewer' as const }, { disabled: true }]) {
        const refused = await updateUser({ id: 'only-admin', ...change, db });
        expect(refused).toMatchObject({
          ok: false,
          code: 'last_admin',
          message: expect.stringMatching(/make someone else an admin first/),
        });
      }
      expect(await updateUser({ id: 'second', role: 'admin', db })).toMatchObject({ ok: true });
      expect(await updateUser({ id: 'only-admin', role: 'viewer', db })).toMatchObject({ ok: true });
    } finally {
      await db.$disconnect();
      await empty.drop();
    }
    // Through the API the refusal is a 409 with the same message (shown by the Users page).
    const person = await seedUser({ role: 'viewer' });
    const demoted = await call(
      (await routes.user()).PATCH,
      'PATCH',
      `/api/users/${person.user.id}`,
      { role: 'operator' },
      { id: person.user.id },
    );
    expect(demoted.status).toBe(200);
  });

  it("resets a password: a one-time one, the user's sessions end", async () => {
    const person = await seedUser({ role: 'viewer', password: 'an old password 123' });
    const session = await person.signIn();
    const token = await person.token();
    const reset = await call(
      (await routes.password()).POST,
      'POST',
      `/api/users/${person.user.id}/password`,
      {},
      { id: person.user.id },
    );
    expect(reset).toMatchObject({ status: 200, body: { ok: true, oneTimePassword: expect.any(String) } });
    expect(await prisma.userSession.count({ where: { id: session.id } })).toBe(0);
    expect(await prisma.user.findUnique({ where: { id: person.user.id } })).toMatchObject({ mustChangePassword: true });
    // An account reset as maybe in the wrong hands keeps no working token either.
    expect(await prisma.apiToken.count({ where: { id: token.id, revokedAt: null } })).toBe(0);
  });

  it('answers 404 with what to do for an unknown user', async () => {
    const missing = await call(
      (await routes.user()).PATCH,
      'PATCH',
      '/api/users/nobody',
      { role: 'viewer' },
      { id: 'nobody' },
    );
    expect(missing).toMatchObject({
      status: 404,
      body: { error: { message: expect.stringMatching(/reload the list/) } },
    });
  });
});
