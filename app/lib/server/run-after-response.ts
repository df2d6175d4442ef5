import { after } from 'next/server';

/**
 * Runs `task` once the response has been sent (Next.js `after`), so the caller never waits for slow follow-up work
 * (such as calling the signing service). Outside a request (tests, scripts) nothing runs here: the work must already
 * be recorded in the database, for a background sweeper to do it.
 */
export function runAfterResponse(task: () => Promise<unknown>): void {
  try {
    after(() =>
      task().catch((error: unknown) => console.error('Work after the response failed; the sweeper retries it:', error)),
    );
  } catch {
    // No request scope: left to the sweeper.
  }
}
