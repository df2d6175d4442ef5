import { loadSandboxEnvelopeForApi } from '@/app/lib/sandbox/load-sandbox-envelope-for-api';
import { presentSandboxEnvelope } from '@/app/lib/sandbox/present-sandbox-envelope';
import { sandboxApiJson } from '@/app/lib/sandbox/sandbox-api-response';

export const dynamic = 'force-dynamic';

/** Sandbox eSignAnyWhere v6: the envelope's status and one activity per recipient. */
export async function GET(request: Request, context: { params: Promise<{ envelopeId: string }> }) {
  const { envelopeId } = await context.params;
  const loaded = await loadSandboxEnvelopeForApi({ request, envelopeId });
  if (!loaded.ok) return loaded.response;
  return sandboxApiJson(presentSandboxEnvelope(loaded.envelope));
}
