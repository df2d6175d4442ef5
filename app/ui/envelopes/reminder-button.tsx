'use client';

import { useState } from 'react';
import { useSWRConfig } from 'swr';
import { z } from 'zod';
import { describeFailure, requestJson } from '@/app/ui/api/request-json';
import { BlockedControl } from '@/app/ui/auth/blocked-control';
import { describeReminder } from './envelope-header-facts';
import { envelopeUrl } from './use-envelope';

const reminderAnswerSchema = z.object({
  reminded: z.number().int(),
  skippedRateLimit: z.number().int(),
  skippedDisabledEmail: z.number().int(),
});

type ReminderState = { kind: 'idle' } | { kind: 'sending' } | { kind: 'done'; message: string; failed: boolean };

/**
 * "Send reminder": the signing service reminds the recipients the envelope waits on; the page then shows the step.
 * Disabled, with `blockedReason` beside it, for a visitor whose role may not send reminders.
 */
export function ReminderButton({ envelopeId, blockedReason }: { envelopeId: string; blockedReason: string | null }) {
  const [state, setState] = useState<ReminderState>({ kind: 'idle' });
  const { mutate } = useSWRConfig();

  async function send() {
    setState({ kind: 'sending' });
    try {
      const answer = await requestJson(`${envelopeUrl(envelopeId)}/reminders`, {
        method: 'POST',
        schema: reminderAnswerSchema,
      });
      setState({ kind: 'done', message: describeReminder(answer), failed: false });
      // The reminder is on the timeline now: fetch the envelope again rather than wait for the next poll.
      await mutate(envelopeUrl(envelopeId)).catch(() => undefined);
    } catch (failure) {
      setState({ kind: 'done', message: describeFailure(failure, 'The reminder was not sent'), failed: true });
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <BlockedControl reason={blockedReason}>
        <button
          type="button"
          onClick={send}
          disabled={state.kind === 'sending' || blockedReason !== null}
          title={blockedReason ?? undefined}
          className={`rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50 disabled:opacity-60 ${blockedReason ? 'disabled:cursor-not-allowed' : 'disabled:cursor-wait'}`}
        >
          {state.kind === 'sending' ? 'Sending reminder…' : 'Send reminder'}
        </button>
      </BlockedControl>
      <p
        role="status"
        data-testid="reminder-status"
        className={`min-w-0 break-words text-sm ${state.kind === 'done' && state.failed ? 'text-red-800' : 'text-slate-700'}`}
      >
        {state.kind === 'done' ? state.message : null}
      </p>
      {/* Visible, not only on hover: a phone has no hover. */}
      {blockedReason ? <p className="text-xs text-slate-600">{blockedReason}</p> : null}
    </div>
  );
}
