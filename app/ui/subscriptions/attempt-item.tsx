'use client';

import { ExactTime } from '@/app/ui/envelopes/time-stamps';
import { SECONDARY_BUTTON } from '@/app/ui/setup/styles';
import { TEST_EVENT_TYPE, type Attempt } from './subscription-api';
import { useResendEvent } from './use-resend-event';

function AttemptStatus({ attempt }: { attempt: Attempt }) {
  const tone = attempt.ok
    ? 'bg-emerald-50 text-emerald-800 ring-emerald-600/30'
    : 'bg-red-50 text-red-800 ring-red-600/30';
  return (
    <span
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tone}`}
    >
      <span aria-hidden className="size-1.5 rounded-full bg-current" />
      {attempt.statusCode === null ? 'No answer' : `HTTP ${attempt.statusCode}`}
    </span>
  );
}

/** One request to the endpoint: when, which event, what came back; and the way to send that event again. */
export function AttemptItem({ subscriptionId, attempt }: { subscriptionId: string; attempt: Attempt }) {
  const { state, resend } = useResendEvent(subscriptionId, attempt.eventId);
  // Test events are not in the change feed, so there is nothing to resend: "Send test event" makes a new one.
  const resendable = attempt.eventType !== TEST_EVENT_TYPE;
  // The badge already says "HTTP 500": the error is worth a line only when it says more than that.
  const errorSaysMore = attempt.error !== null && attempt.error !== `HTTP ${attempt.statusCode}`;
  return (
    <li
      data-testid="subscription-attempt"
      data-event-id={attempt.eventId}
      className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2 py-3"
    >
      <div className="min-w-0 flex-1 basis-72">
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <AttemptStatus attempt={attempt} />
          <span className="font-mono text-xs font-medium text-slate-900" data-testid="attempt-event-type">
            {attempt.eventType}
          </span>
          <span className="text-xs tabular-nums text-slate-500">{attempt.durationMs} ms</span>
        </p>
        <p className="mt-1 text-xs text-slate-500">
          <ExactTime iso={attempt.attemptedAt} /> · <span className="wrap-anywhere font-mono">{attempt.eventId}</span>
        </p>
        {errorSaysMore ? <p className="mt-1 break-words text-xs text-red-800">{attempt.error}</p> : null}
        {attempt.responseExcerpt ? (
          <p
            title={attempt.responseExcerpt}
            className="mt-1 line-clamp-2 break-all rounded bg-slate-50 px-2 py-1 font-mono text-xs text-slate-600"
          >
            {attempt.responseExcerpt}
          </p>
        ) : null}
        {/* In the wide column rather than beside the button, so a long error does not squeeze the row. */}
        {resendable ? (
          <p
            role="status"
            aria-live="polite"
            className={`text-xs ${state.kind === 'done' ? 'mt-1' : ''} ${state.kind === 'done' && state.failed ? 'text-red-700' : 'text-emerald-800'}`}
          >
            {state.kind === 'done' ? state.message : null}
          </p>
        ) : null}
      </div>
      {resendable ? (
        <button
          type="button"
          onClick={() => void resend()}
          disabled={state.kind === 'sending'}
          aria-label={`Resend ${attempt.eventType} event ${attempt.eventId}`}
          className={SECONDARY_BUTTON}
        >
          {state.kind === 'sending' ? 'Resending…' : 'Resend'}
        </button>
      ) : null}
    </li>
  );
}
