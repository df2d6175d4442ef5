import { randomBytes } from 'node:crypto';

/** A one-time password for a new or reset account: 20 characters, 120 bits, no look-alike characters to mistype. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(40);
  let password = '';
  for (const byte of bytes) {
    // 256 is not a multiple of the alphabet: skip the bytes that would favour its first letters.
    if (byte >= 256 - (256 % alphabet.length)) continue;
    password += alphabet[byte % alphabet.length];
    if (password.length === 20) return password;
  }
  return password + generatePassword().slice(password.length);
}
