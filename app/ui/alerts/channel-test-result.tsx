import type { ChannelTestState } from './use-channel-test';

/** What came of the test alert; a live region, so the outcome is read out when it arrives. */
export function ChannelTestResult({ state }: { state: ChannelTestState }) {
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="channel-test-result"
      className={state.kind === 'done' || state.kind === 'failed' ? 'mt-3' : undefined}
    >
      {state.kind === 'failed' ? (
        <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{state.message}</p>
      ) : null}
      {state.kind === 'done' ? (
        <div
          className={`rounded-md border px-3 py-2 text-sm ${state.result.ok ? 'border-emerald-200 bg-emerald-50 text-emerald-900' : 'border-red-200 bg-red-50 text-red-900'}`}
        >
          <p className="font-semibold">
            {state.result.ok ? 'Test alert sent' : 'Test alert not sent'}
            <span className="font-normal"> · {state.result.durationMs} ms</span>
          </p>
          {/* Sent with a note (an address the mail server refused) or not sent: the reason, as the server says it. */}
          {state.result.error ? <p className="mt-1 break-words">{state.result.error}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
