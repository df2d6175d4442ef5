import { TestSendResult } from '@/app/ui/test-send-result';
import type { TestEventState } from './use-test-event';

/** What the endpoint made of the test event; a live region, so the outcome is read out when it arrives. */
export function TestEventResult({ state }: { state: TestEventState }) {
  const outcome =
    state.kind === 'done'
      ? {
          kind: 'done' as const,
          ok: state.result.ok,
          headline: state.result.ok ? 'Test event delivered' : 'Test event not delivered',
          facts: `${state.result.statusCode === null ? 'no answer' : `HTTP ${state.result.statusCode}`} · ${state.result.durationMs} ms`,
          error: state.result.error,
          excerpt: state.result.responseExcerpt,
        }
      : state;
  return <TestSendResult outcome={outcome} testId="test-event-result" />;
}
