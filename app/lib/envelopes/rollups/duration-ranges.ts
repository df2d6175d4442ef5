import { OPEN_TO_COMPLETION_BUCKETS } from './duration-buckets';

const DAY_SECONDS = 86_400;
/** Past this, one open-ended range. */
const LAST_LIMIT_SECONDS = 60 * DAY_SECONDS;

export type DurationRange = { fromSeconds: number; upToSeconds: number | null; bucket: number };

/**
 * Finer ranges of "first open to completion" than the page shows: each of its buckets is cut into equal parts (about
 * a dozen), so the median's range holds few completions and reading them to find the exact middle is cheap.
 */
export const DURATION_RANGES: readonly DurationRange[] = buildRanges();

function buildRanges(): DurationRange[] {
  const ranges: DurationRange[] = [];
  let fromSeconds = 0;
  OPEN_TO_COMPLETION_BUCKETS.forEach((bucket, index) => {
    const upTo = bucket.upToSeconds ?? LAST_LIMIT_SECONDS;
    const width = bucket.upToSeconds === null ? DAY_SECONDS : partWidth(upTo - fromSeconds);
    for (let start = fromSeconds; start < upTo; start += width) {
      ranges.push({ fromSeconds: start, upToSeconds: Math.min(start + width, upTo), bucket: index });
    }
    fromSeconds = upTo;
  });
  ranges.push({ fromSeconds: LAST_LIMIT_SECONDS, upToSeconds: null, bucket: OPEN_TO_COMPLETION_BUCKETS.length - 1 });
  return ranges;
}

/** About 12 to 24 parts of a whole number of minutes. */
function partWidth(span: number): number {
  return Math.max(60, Math.floor(span / 12 / 60) * 60);
}

/** The index of the range `seconds` falls in (negative durations never reach here). */
export function durationRangeOf(seconds: number): number {
  let low = 0;
  let high = DURATION_RANGES.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (DURATION_RANGES[middle]!.fromSeconds <= seconds) low = middle;
    else high = middle - 1;
  }
  return low;
}
