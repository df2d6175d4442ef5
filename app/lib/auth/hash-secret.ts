import { createHash, randomBytes } from 'node:crypto';

/** A random secret for a cookie or a token: 32 bytes, base64url. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * How session ids and API tokens are stored: SHA-256, hex. They are 256-bit random values, so a fast hash is enough
 * (nothing to guess); a copy of the database then opens no session and holds no usable token.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
