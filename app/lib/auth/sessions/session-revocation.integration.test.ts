import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@/app/lib/db/create-prisma-client';
import { getDatabaseConfig } from '@/app/lib/db/database-config';
import { seedUser } from '@/app/testing/seed-user';
import { updateUser } from '../users/update-user';
import { endUserSessions } from './end-sessions';
import { findSessionPrincipal } from './find-session-principal';
import { SESSION_IDLE_SECONDS } from './session-settings';

// A second app instance: a client of its own on the same database (on PostgreSQL, its own connections).
const otherInstance = createPrismaClient(getDatabaseConfig());
afterAll(() => otherInstance.$disconnect());

describe('sessions in the database', () => {
  it('a session made on one instance opens the other, and ending it on the other closes it on the first at once', async () => {
    const person = await seedUser({ role: 'operator' });
    const { token } = await person.signIn();
    const second = await person.signIn();
    expect(await findSessionPrincipal({ token, db: otherInstance })).toMatchObject({
      name: person.email,
      role: 'operator',
    });
    expect(await endUserSessions({ userId: person.user.id, db: otherInstance })).toBe(2);
    expect(await findSessionPrincipal({ token })).toBeNull();
    expect(await findSessionPrincipal({ token: second.token })).toBeNull();
  });

  it('disabling a user ends their sessions on every instance', async () => {
    const person = await seedUser({ role: 'viewer' });
    const { token } = await person.signIn();
    expect(await findSessionPrincipal({ token, db: otherInstance })).not.toBeNull();
    expect(await updateUser({ id: person.user.id, disabled: true })).toMatchObject({ ok: true, sessionsEnded: 1 });
    expect(await findSessionPrincipal({ token, db: otherInstance })).toBeNull();
  });

  it('a session unused for the idle time ends, however long it could still last', async () => {
    const person = await seedUser({ role: 'viewer' });
    const { token } = await person.signIn();
    const later = new Date(Date.now() + SESSION_IDLE_SECONDS * 1000 + 60_000);
    expect(await findSessionPrincipal({ token, now: later })).toBeNull();
  });

  it('a session in use lasts, but never past its absolute end', async () => {
    const person = await seedUser({ role: 'viewer' });
    const { token, expiresAt } = await person.signIn();
    let now = Date.now();
    // Used every 6 days: each use moves the idle end on.
    while (now + 6 * 86_400_000 < expiresAt.getTime()) {
      now += 6 * 86_400_000;
      expect(await findSessionPrincipal({ token, now: new Date(now) })).not.toBeNull();
    }
    expect(await findSessionPrincipal({ token, now: new Date(expiresAt.getTime() + 1000) })).toBeNull();
  });

  it('a forged or malformed cookie opens nothing', async () => {
    expect(await findSessionPrincipal({ token: 'x'.repeat(43) })).toBeNull();
    expect(await findSessionPrincipal({ token: '../etc/passwd' })).toBeNull();
  });
});

describe('the hourly purge of ended sign-ins', () => {
  it('removes ended and idle sessions, and keeps live ones', async () => {
    const { purgeEndedSignIns } = await import('../purge-ended-sign-ins');
    const { prisma } = await import('@/app/lib/db/prisma');
    const person = await seedUser({ role: 'viewer' });
    const live = await person.signIn();
    const ended = await person.signIn();
    const idle = await person.signIn();
    await prisma.userSession.update({ where: { id: ended.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await prisma.userSession.update({
      where: { id: idle.id },
      data: { lastUsedAt: new Date(Date.now() - SESSION_IDLE_SECONDS * 1000 - 1000) },
    });
    expect(await purgeEndedSignIns()).toBeGreaterThanOrEqual(2);
    const left = await prisma.userSession.findMany({ where: { userId: person.user.id } });
    expect(left.map((session) => session.id)).toEqual([live.id]);
  });
});
