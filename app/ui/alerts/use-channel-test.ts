'use client';

import { useState } from 'react';
import { describeFailure, requestJson } from '@/app/ui/api/request-json';
import { alertChannelApiUrl, channelTestResultSchema, type ChannelTestResult } from './alert-api';

export type ChannelTestState =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'done'; result: ChannelTestResult }
  | { kind: 'failed'; message: string };

/** Sends a test alert to the channel now and keeps what came of it. */
export function useChannelTest(channelId: string) {
  const [state, setState] = useState<ChannelTestState>({ kind: 'idle' });

  async function send() {
    setState({ kind: 'sending' });
    try {
      const result = await requestJson(`${alertChannelApiUrl(channelId)}/test`, {
        method: 'POST',
        schema: channelTestResultSchema,
      });
      setState({ kind: 'done', result });
    } catch (failure) {
      setState({ kind: 'failed', message: describeFailure(failure, 'The test alert was not sent') });
    }
  }

  return { state, send };
}
