'use client';

import { useState } from 'react';
import { SECRET_OVERLAP_MS } from '@/app/lib/subscriptions/delivery-schedule';
import { requestJson } from '@/app/ui/api/request-json';
import { formatDuration } from '@/app/ui/format/duration';
import { rotatedSecretSchema, subscriptionApiUrl } from './subscription-api';
import { useSubscriptionAction } from './use-subscription-action';

type Rotated = { secret: string; previousSecretUntil: string };

/** Gives the subscription a new signing key and keeps it until the reader has saved it: the API shows it once. */
export function useKeyRotation(subscriptionId: string) {
  const [rotated, setRotated] = useState<Rotated | null>(null);
  const { run, error, pending } = useSubscriptionAction();

  async function rotate() {
    // The old key stops signing a day later: a receiver not switched by then refuses every event.
    const question = `Make a new signing key? The current one keeps signing alongside it for ${formatDuration(SECRET_OVERLAP_MS)}, then stops.`;
    if (!window.confirm(question)) return;
    setRotated(null);
    const outcome = await run(
      () =>
        requestJson(`${subscriptionApiUrl(subscriptionId)}/rotate-secret`, {
          method: 'POST',
          schema: rotatedSecretSchema,
        }),
      'The key was not rotated',
    );
    if (outcome.ok) setRotated(outcome.value);
  }

  return { rotated, rotate, dismiss: () => setRotated(null), error, pending };
}
