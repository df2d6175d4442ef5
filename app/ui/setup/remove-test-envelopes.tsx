'use client';

import { useState } from 'react';
import { z } from 'zod';
import { countLabel } from '@/app/lib/format/count-label';
import { describeFailure, requestJson } from '@/app/ui/api/request-json';
import { SECONDARY_BUTTON } from './styles';

const answerSchema = z.object({ deleted: z.number().int() });

type State = { kind: 'idle' } | { kind: 'removing' } | { kind: 'done'; message: string; failed: boolean };

/**
 * Test notifications make envelopes of their own, hidden from the list, counts, exports and Insights unless asked for;
 * this removes them all (never a real envelope).
 */
export function RemoveTestEnvelopes() {
  const [state, setState] = useState<State>({ kind: 'idle' });

  async function remove() {
    if (!window.confirm('Remove every envelope made by a test notification, with its deliveries?')) return;
    setState({ kind: 'removing' });
    try {
      const { deleted } = await requestJson('/api/test-envelopes', { method: 'DELETE', schema: answerSchema });
      setState({
        kind: 'done',
        failed: false,
        message: deleted === 0 ? 'There were no test envelopes.' : `Removed ${countLabel(deleted, 'test envelope')}.`,
      });
    } catch (failure) {
      setState({ kind: 'done', failed: true, message: describeFailure(failure, 'Test envelopes were not removed') });
    }
  }

  return (
    <section aria-labelledby="test-envelopes-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <h2 id="test-envelopes-heading" className="text-base font-semibold text-slate-900">
        Test envelopes
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Each test notification makes an envelope of its own. They are hidden from the list, its counts, the exports and
        Insights unless you choose &ldquo;Show test envelopes&rdquo; on the list.
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={() => void remove()}
          disabled={state.kind === 'removing'}
          className={SECONDARY_BUTTON}
        >
          {state.kind === 'removing' ? 'Removing…' : 'Remove test envelopes'}
        </button>
        <p
          role="status"
          aria-live="polite"
          className={`text-sm ${state.kind === 'done' && state.failed ? 'text-red-700' : 'text-slate-700'}`}
        >
          {state.kind === 'done' ? state.message : null}
        </p>
      </div>
    </section>
  );
}
