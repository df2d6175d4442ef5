'use client';

import { useState } from 'react';
import { useSWRConfig } from 'swr';
import { describeFailure, requestJson } from '@/app/ui/api/request-json';
import { attemptsApiUrl, subscriptionApiUrl, testResultSchema, type TestResult } from './subscription-api';

export type TestEventState =
  { kind: 'idle' } | { kind: 'sending' } | { kind: 'done'; result: TestResult } | { kind: 'failed'; message: string };

/** Sends a signed test event to the subscription's endpoint now and keeps what came back. */
export function useTestEvent(subscriptionId: string) {
  const [state, setState] = useState<TestEventState>({ kind: 'idle' });
  const { mutate } = useSWRConfig();

  async function send() {
    setState({ kind: 'sending' });
    try {
      const result = await requestJson(`${subscriptionApiUrl(subscriptionId)}/test`, {
        method: 'POST',
        schema: testResultSchema,
      });
      setState({ kind: 'done', result });
      // The test is one of the recent attempts too: show it there without waiting for the next poll.
      await mutate(attemptsApiUrl(subscriptionId)).catch(() => undefined);
    } catch (failure) {
      setState({ kind: 'failed', message: describeFailure(failure, 'The test event was not sent') });
    }
  }

  return { state, send };
}
