import type { DigestNotice } from '../alert-notice';
import { shortenLine } from './shorten-line';

/**
 * The digest's one line: the day and each section's count, e.g. "Daily summary for 2026-12-01: 4 waiting for
 * signatures, 1 ended badly yesterday". Empty sections are left out of it.
 */
export function summarizeDigest(digest: DigestNotice): string {
  const counts = digest.sections
    .map((section) => ({ title: shortenLine(section.title, 60), count: section.items.length + section.more }))
    .filter(({ count }) => count > 0)
    .map(({ title, count }) => `${count} ${title.charAt(0).toLowerCase()}${title.slice(1)}`);
  return `Daily summary for ${shortenLine(digest.date, 20)}: ${counts.length > 0 ? counts.join(', ') : 'nothing needs you'}`;
}
