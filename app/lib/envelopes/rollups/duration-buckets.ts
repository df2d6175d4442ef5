const HOUR = 3600;
const DAY = 24 * HOUR;

/** Ranges of "first open to completion", each up to (not including) its limit in seconds; the last is open-ended. */
export const OPEN_TO_COMPLETION_BUCKETS = [
  { label: 'Under 1 hour', shortLabel: '<1 h', upToSeconds: HOUR },
  { label: '1 to 4 hours', shortLabel: '1–4 h', upToSeconds: 4 * HOUR },
  { label: '4 to 24 hours', shortLabel: '4–24 h', upToSeconds: DAY },
  { label: '1 to 3 days', shortLabel: '1–3 d', upToSeconds: 3 * DAY },
  { label: '3 to 7 days', shortLabel: '3–7 d', upToSeconds: 7 * DAY },
  { label: 'Over 7 days', shortLabel: '>7 d', upToSeconds: null },
] as const;

/** Which bucket a duration falls in; the SQL CASE of getOpenToCompletionDistribution follows the same limits. */
export function durationBucketIndex(seconds: number): number {
  const index = OPEN_TO_COMPLETION_BUCKETS.findIndex(
    (bucket) => bucket.upToSeconds !== null && seconds < bucket.upToSeconds,
  );
  return index === -1 ? OPEN_TO_COMPLETION_BUCKETS.length - 1 : index;
}

/** The median of sorted middle values: one for an odd count, the two around the middle for an even one. */
export function medianOfMiddle(middle: number[]): number | null {
  if (middle.length === 0) return null;
  if (middle.length === 1) return middle[0]!;
  return (middle[0]! + middle[1]!) / 2;
}
