import type { TestEventState } from './use-test-event';

/** What the endpoint made of the test event; a live region, so the outcome is read out when it arrives. */
export function TestEventResult({ state }: { state: TestEventState }) {
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="test-event-result"
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
            {state.result.ok ? 'Test event delivered' : 'Test event not delivered'}
            <span className="font-normal">
              {' '}
              · {state.result.statusCode === null ? 'no answer' : `HTTP ${state.result.statusCode}`} ·{' '}
              {state.result.durationMs} ms
            </span>
          </p>
          {state.result.error ? <p className="mt-1 break-words">{state.result.error}</p> : null}
          {state.result.responseExcerpt ? (
            <pre className="mt-1 max-h-32 overflow-auto whitespace-pre-wrap break-all rounded bg-white/70 p-2 font-mono text-xs">
              {state.result.responseExcerpt}
            </pre>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
