/** A document fetch is tried this often before it waits for a person ("retry now"). */
export const MAX_FETCH_ATTEMPTS = 12;

const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 6 * 3_600_000;

/** The wait after failed attempt `attempt` (1-based): 30 s, doubling, at most 6 hours; null after the last. */
export function nextFetchDelayMs(attempt: number): number | null {
  if (attempt >= MAX_FETCH_ATTEMPTS) return null;
  return Math.min(FIRST_DELAY_MS * 2 ** Math.max(attempt - 1, 0), MAX_DELAY_MS);
}
