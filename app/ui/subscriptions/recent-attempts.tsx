'use client';

import { useEffect, useRef } from 'react';
import { useSWRConfig } from 'swr';
import { AttemptItem } from './attempt-item';
import { ATTEMPTS_SHOWN, SUBSCRIPTIONS_API_URL, type Attempt } from './subscription-api';
import { useSubscriptionAttempts } from './use-subscription-attempts';

/** The subscription's latest requests, newest first, kept current while the page is open. */
export function RecentAttempts({
  subscriptionId,
  initial,
}: {
  subscriptionId: string;
  initial: Attempt[] | undefined;
}) {
  const { attempts, error } = useSubscriptionAttempts(subscriptionId, initial);
  useCountsFollowAttempts(attempts);
  const headingId = `subscription-${subscriptionId}-attempts`;
  return (
    <section aria-labelledby={headingId}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <h4 id={headingId} className="text-sm font-semibold text-slate-900">
          Recent attempts
        </h4>
        <p className="text-xs text-slate-500">Latest {ATTEMPTS_SHOWN}, newest first; updated every few seconds.</p>
      </div>
      {error ? (
        <p role="status" className="mt-1 text-xs text-amber-800">
          Could not update the attempts ({error.message}); showing the last ones received.
        </p>
      ) : null}
      {attempts === null ? (
        <p className="mt-2 text-sm text-slate-500">Loading attempts…</p>
      ) : attempts.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">
          No attempts yet. Events are sent as they are recorded; &ldquo;Send test event&rdquo; tries the endpoint now.
        </p>
      ) : (
        <ol className="mt-1 divide-y divide-slate-100">
          {attempts.map((attempt) => (
            <AttemptItem key={attempt.id} subscriptionId={subscriptionId} attempt={attempt} />
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * A new attempt means the card's counts moved (pending to delivered, say): the list of subscriptions is asked again
 * then, rather than showing counts a poll behind the attempts right under them.
 */
function useCountsFollowAttempts(attempts: Attempt[] | null) {
  const { mutate } = useSWRConfig();
  const newestId = attempts?.[0]?.id ?? null;
  const seen = useRef(newestId);
  useEffect(() => {
    if (newestId === seen.current) return;
    seen.current = newestId;
    void mutate(SUBSCRIPTIONS_API_URL).catch(() => undefined);
  }, [newestId, mutate]);
}
