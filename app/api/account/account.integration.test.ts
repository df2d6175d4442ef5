import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/app/lib/db/prisma';
import { PEER_ADDRESS_HEADER } from '@/app/lib/server/http-server-patches';
import { seedUser } from '@/app/testing/seed-user';
import { throughProxy } from '@/app/testing/through-proxy';

Object.assign(process.env, { NODE_ENV: 'production' });

async function changePassword(cookie: string, body: unknown, address = '198.51.100.77') {
  const { POST } = await import('./password/route');
  const response = await throughProxy({
    request: new NextRequest('http://localhost/api/account/password', {
      method: 'POST',
      headers: { cookie, origin: 'http://localhost', host: 'localhost', [PEER_ADDRESS_HEADER]: address },
      body: JSON.stringify(body),
    }),
    handler: POST as never,
  });
  return { status: response.status, body: await response.json() };
}

describe('your own password', () => {
  it('changes with the current one, ending your other sessions but not this one', async () => {
    const person = await seedUser({ role: 'viewer', password: 'the first password 1' });
    const here = await person.signIn();
    const elsewhere = await person.signIn();
    const changed = await changePassword(here.cookie, {
      currentPassword: 'the first password 1',
      newPassword: 'the second password 2',
    });
    expect(changed).toMatchObject({ status: 200, body: { ok: true, otherSessionsEnded: 1 } });
    expect(await prisma.userSession.count({ where: { id: { in: [here.id, elsewhere.id] } } })).toBe(1);
  });

  it('is no way to guess: wrong current passwords count toward the sign-in throttle', async () => {
    const person = await seedUser({ role: 'viewer', password: 'the right password 1' });
    const { cookie } = await person.signIn();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push(
        (
          await changePassword(
            cookie,
            { currentPassword: `guess ${i}`, newPassword: 'whatever it is 123' },
            '198.51.100.78',
          )
        ).status,
      );
    expect(statuses.slice(0, 6)).toEqual([403, 403, 403, 403, 403, 403]);
    expect(statuses[6]).toBe(429);
  });

  it('is not given to someone who signs in only through company SSO', async () => {
    const person = await seedUser({ role: 'admin' });
    const { cookie } = await person.signIn();
    const refused = await changePassword(cookie, { newPassword: 'a password of my own' });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'no_password' } } });
    expect((await prisma.user.findUnique({ where: { id: person.user.id } }))?.passwordHash).toBeNull();
  });
});
