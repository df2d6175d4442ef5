import { loadSandboxEnvelopeForApi } from '@/app/lib/sandbox/load-sandbox-envelope-for-api';
import { presentSandboxHistory } from '@/app/lib/sandbox/present-sandbox-history';
import { sandboxApiJson } from '@/app/lib/sandbox/sandbox-api-response';

export const dynamic = 'force-dynamic';

/** Sandbox eSignAnyWhere v6: the envelope's events, oldest first. */
export async function GET(request: Request, context: { params: Promise<{ envelopeId: string }> }) {
  const { envelopeId } = await context.params;
  const loaded = await loadSandboxEnvelopeForApi({ request, envelopeId });
  if (!loaded.ok) return loaded.response;
  return sandboxApiJson(presentSandboxHistory(loaded.envelope));
}
