import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt from node:crypto, memory-hard: N=2^16, r=8, p=1 takes 64 MiB and about 0.1 s a guess. The parameters are
 * stored with each hash (`scrypt$N$r$p$salt$hash`, base64url), so stronger ones later still read the old hashes.
 */
const COST = { N: 2 ** 16, r: 8, p: 1 };
const KEY_BYTES = 32;
const FORMAT = /^scrypt\$(\d{1,8})\$(\d{1,3})\$(\d{1,3})\$([A-Za-z0-9_-]{16,64})\$([A-Za-z0-9_-]{43})$/;

function derive(password: string, salt: Buffer, cost: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_BYTES, { ...cost, maxmem: 256 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return `scrypt$${COST.N}$${COST.r}$${COST.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** A hash of no password: checked against when nobody has the e-mail given, so the answer takes as long. */
let decoy: Promise<string> | undefined;

export async function verifyPassword({ password, hash }: { password: string; hash: string | null }): Promise<boolean> {
  const stored = hash ?? (await (decoy ??= hashPassword(randomBytes(16).toString('hex'))));
  const match = FORMAT.exec(stored);
  if (!match) return false;
  const [, n, r, p, salt, expected] = match;
  const key = await derive(password, Buffer.from(salt!, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return hash !== null && timingSafeEqual(key, Buffer.from(expected!, 'base64url'));
}
