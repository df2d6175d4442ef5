'use client';

import { useState } from 'react';
import { useSWRConfig } from 'swr';
import { describeFailure, requestJson } from '@/app/ui/api/request-json';
import { SUBSCRIPTIONS_API_URL, attemptsApiUrl, resendAnswerSchema, subscriptionApiUrl } from './subscription-api';

export type ResendState = { kind: 'idle' } | { kind: 'sending' } | { kind: 'done'; message: string; failed: boolean };

/** Queues one event for the subscription again: same webhook-id, attempts from the start, sent within seconds. */
export function useResendEvent(subscriptionId: string, eventId: string) {
  const [state, setState] = useState<ResendState>({ kind: 'idle' });
  const { mutate } = useSWRConfig();

  async function resend() {
    setState({ kind: 'sending' });
    try {
      await requestJson(`${subscriptionApiUrl(subscriptionId)}/resend`, {
        method: 'POST',
        body: { eventId },
        schema: resendAnswerSchema,
      });
      setState({ kind: 'done', message: 'Queued again: the new attempt appears at the top.', failed: false });
      await Promise.all([
        mutate(SUBSCRIPTIONS_API_URL).catch(() => undefined),
        mutate(attemptsApiUrl(subscriptionId)).catch(() => undefined),
      ]);
    } catch (failure) {
      setState({ kind: 'done', message: describeFailure(failure, 'The event was not resent'), failed: true });
    }
  }

  return { state, resend };
}
