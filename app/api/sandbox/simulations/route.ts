import { after, NextResponse } from 'next/server';
import { z } from 'zod';
import { errorResponse } from '@/app/lib/api/error-response';
import { parseJsonBody } from '@/app/lib/api/parse-json-body';
import { SIMULATION_STYLES } from '@/app/lib/sandbox/build-notification-request';
import { startSandboxSimulation } from '@/app/lib/sandbox/start-sandbox-simulation';
import { resolveSigningProviderConfig } from '@/app/lib/signing/signing-provider-config';

export const dynamic = 'force-dynamic';

const bodySchema = z.object({
  hookId: z.string().trim().min(1).max(200).optional(),
  style: z.enum(SIMULATION_STYLES).optional(),
});

/** Starts one simulated envelope life against this app's own webhook URL; 202 once its first notification is stored. */
export async function POST(request: Request) {
  if (resolveSigningProviderConfig().provider !== 'sandbox') {
    return errorResponse(
      404,
      'not_found',
      'Simulations need the sandbox signing service: set SIGNING_PROVIDER=sandbox (the default in development).',
    );
  }
  const input = await parseJsonBody(request, bodySchema, {
    code: 'invalid_simulation',
    example: 'Send {"hookId"?: "<hook id>", "style"?: "fintechos" | "esignanywhere"}, or no body at all.',
    emptyBody: {},
  });
  if (!input.ok) return input.response;

  // The app delivers to itself over loopback, like a signing service on the same machine would.
  const port = process.env.PORT || new URL(request.url).port || '3000';
  let started: Awaited<ReturnType<typeof startSandboxSimulation>>;
  try {
    started = await startSandboxSimulation({ appBaseUrl: `http://127.0.0.1:${port}`, ...input.value });
  } catch (error) {
    console.error('A simulation could not start:', error);
    return errorResponse(503, 'simulation_unavailable', 'The simulation could not start right now. Try again.');
  }
  if (!started.ok) return errorResponse(started.status, started.code, started.message);

  after(
    started.life.then(
      (summary) => {
        if (summary.failure) console.error(`Simulated envelope ${summary.envelopeId} stopped: ${summary.failure}`);
      },
      (error: unknown) => console.error(`Simulated envelope ${started.envelopeId} failed:`, error),
    ),
  );
  return NextResponse.json(
    {
      envelopeId: started.envelopeId,
      hookId: started.hookId,
      hookCreated: started.hookCreated,
      style: started.style,
      envelopeUrl: `/envelopes/${encodeURIComponent(started.envelopeId)}`,
    },
    { status: 202, headers: { 'Cache-Control': 'no-store' } },
  );
}
