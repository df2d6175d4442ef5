import { after } from 'next/server';

/**
 * Runs `task` once the response has been sent (Next.js `after`), so a sender never waits for the
 * signing service. Outside a request (tests, scripts) nothing runs here: the work is already
 * recorded in the database and the background sweeper does it.
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
