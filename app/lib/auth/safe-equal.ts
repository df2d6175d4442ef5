import { createHash, timingSafeEqual } from 'node:crypto';

/** Compares secrets in constant time; hashing first hides the expected length too. */
export function safeEqual(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
