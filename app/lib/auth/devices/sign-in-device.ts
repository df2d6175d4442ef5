import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { hashSecret, randomSecret } from '../hash-secret';

export const DEVICE_COOKIE_NAME = 'envelope_tracker_device';
const DEVICE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/** The id of the browser's device record, when its cookie is one that signed in to `userId` before; else null. */
export async function findKnownDevice({
  token,
  userId,
}: {
  token: string | null | undefined;
  userId: string | undefined;
}): Promise<string | null> {
  if (!token || !userId || !TOKEN_FORMAT.test(token)) return null;
  const device = await prisma.signInDevice.findUnique({
    where: { id: hashSecret(token) },
    select: { id: true, userId: true },
  });
  return device?.userId === userId ? device.id : null;
}

/** After a successful sign-in: the browser's device cookie value (the one it sent, if known for this user, else a new one). */
export async function rememberDevice({
  token,
  userId,
  now = new Date(),
}: {
  token: string | null | undefined;
  userId: string;
  now?: Date;
}): Promise<string> {
  const known = await findKnownDevice({ token, userId });
  if (known && token) {
    await prisma.signInDevice.update({ where: { id: known }, data: { lastUsedAt: now } });
    return token;
  }
  const fresh = randomSecret();
  await prisma.signInDevice.create({ data: { id: hashSecret(fresh), userId, createdAt: now, lastUsedAt: now } });
  return fresh;
}

/** Sent only to the sign-in endpoint, kept a year and across sign-out. */
export function deviceCookie({ token, secure }: { token: string; secure: boolean }) {
  return {
    name: DEVICE_COOKIE_NAME,
    value: token,
    httpOnly: true,
    sameSite: 'lax' as const,
    secure,
    path: '/api/auth/sign-in',
    maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
  };
}

/** Devices unused for a year are forgotten (run with the other purges). */
export async function purgeOldDevices({ now = new Date() }: { now?: Date } = {}): Promise<number> {
  const { count } = await prisma.signInDevice.deleteMany({
    where: { lastUsedAt: { lt: new Date(now.getTime() - DEVICE_COOKIE_MAX_AGE_SECONDS * 1000) } },
  });
  return count;
}
