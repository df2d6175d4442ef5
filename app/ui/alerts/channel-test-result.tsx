import { TestSendResult } from '@/app/ui/test-send-result';
import type { ChannelTestState } from './use-channel-test';

/** What came of the test alert; a live region, so the outcome is read out when it arrives. */
export function ChannelTestResult({ state }: { state: ChannelTestState }) {
  // Sent with a note (an address the mail server refused) or not sent: the reason, as the server says it.
  const outcome =
    state.kind === 'done'
      ? {
          kind: 'done' as const,
          ok: state.result.ok,
          headline: state.result.ok ? 'Test alert sent' : 'Test alert not sent',
          facts: `${state.result.durationMs} ms`,
          error: state.result.error,
        }
      : state;
  return <TestSendResult outcome={outcome} testId="channel-test-result" />;
}
