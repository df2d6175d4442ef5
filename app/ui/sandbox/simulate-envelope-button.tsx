'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { z } from 'zod';
import { describeFailure, requestJson } from '@/app/ui/api/request-json';
import { BlockedControl } from '@/app/ui/auth/blocked-control';
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from '@/app/ui/setup/styles';

type SimulationState =
  | { kind: 'idle' }
  | { kind: 'started'; envelopeId: string; envelopeUrl: string; hookCreated: boolean }
  | { kind: 'failed'; message: string };

/**
 * Asks the built-in sandbox signing service to play one envelope's life against this app's own
 * webhook URL, then links to the envelope and refreshes the page it sits on.
 */
export function SimulateEnvelopeButton({
  variant = 'primary',
  align = 'start',
  blockedReason = null,
}: {
  variant?: 'primary' | 'secondary';
  align?: 'start' | 'center';
  /** Why the visitor may not simulate (their role): the button is disabled and says so. */
  blockedReason?: string | null;
}) {
  const router = useRouter();
  const [state, setState] = useState<SimulationState>({ kind: 'idle' });
  // Plain state rather than a transition: the button is free again as soon as the answer is in,
  // while the page refresh that shows the new envelope is still on its way.
  const [pending, setPending] = useState(false);

  async function simulate() {
    setPending(true);
    const result = await requestSimulation();
    setPending(false);
    setState(result);
    if (result.kind === 'started') router.refresh();
  }

  return (
    <div className={`flex flex-col gap-2 ${align === 'center' ? 'items-center text-center' : 'items-start'}`}>
      <BlockedControl reason={blockedReason}>
        <button
          type="button"
          onClick={simulate}
          disabled={pending || blockedReason !== null}
          title={blockedReason ?? undefined}
          aria-describedby="simulation-status"
          className={variant === 'primary' ? PRIMARY_BUTTON : SECONDARY_BUTTON}
        >
          {pending ? 'Simulating…' : 'Simulate an envelope'}
        </button>
      </BlockedControl>
      <p id="simulation-status" role="status" className="text-sm text-slate-700">
        {state.kind === 'started' ? (
          <>
            Envelope started{state.hookCreated ? ' on the new hook “Sandbox”' : ''}: its notifications arrive over the
            next seconds.{' '}
            <Link
              href={state.envelopeUrl}
              className="font-medium text-brand-700 underline underline-offset-2 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
            >
              View envelope <span className="font-mono">{state.envelopeId.slice(0, 8)}</span>
            </Link>
          </>
        ) : state.kind === 'failed' ? (
          <span className="text-red-700">{state.message}</span>
        ) : blockedReason ? (
          // Visible, not only on hover: a phone has no hover.
          <span className="text-xs text-slate-600">{blockedReason}</span>
        ) : null}
      </p>
    </div>
  );
}

// What POST /api/sandbox/simulations answers (202) once the envelope's first notification is stored.
const startedSchema = z.object({
  envelopeId: z.string(),
  envelopeUrl: z.string().optional(),
  hookCreated: z.boolean().optional(),
});

async function requestSimulation(): Promise<SimulationState> {
  try {
    const started = await requestJson('/api/sandbox/simulations', { method: 'POST', body: {}, schema: startedSchema });
    return {
      kind: 'started',
      envelopeId: started.envelopeId,
      envelopeUrl: started.envelopeUrl ?? `/envelopes/${started.envelopeId}`,
      hookCreated: started.hookCreated === true,
    };
  } catch (failure) {
    return { kind: 'failed', message: describeFailure(failure, 'The simulation could not start') };
  }
}
