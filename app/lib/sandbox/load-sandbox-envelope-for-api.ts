import 'server-only';
import { z } from 'zod';
import { authorizeSandboxRequest } from './authorize-sandbox-request';
import { getSandboxEnvelope, type SandboxEnvelopeState } from './get-sandbox-envelope';
import { sandboxApiError } from './sandbox-api-response';

const envelopeIdSchema = z.string().min(1).max(128);

/** The checks every envelope endpoint of the sandbox API makes: provider, token, then the envelope itself. */
export async function loadSandboxEnvelopeForApi(options: {
  request: Request;
  envelopeId: string;
}): Promise<{ ok: true; envelope: SandboxEnvelopeState } | { ok: false; response: Response }> {
  const refusal = authorizeSandboxRequest(options.request);
  if (refusal) return { ok: false, response: refusal };
  const id = envelopeIdSchema.safeParse(options.envelopeId);
  const envelope = id.success ? await getSandboxEnvelope({ envelopeId: id.data }) : null;
  if (!envelope) {
    return {
      ok: false,
      response: sandboxApiError(404, 'ERR0007', 'The envelope does not exist. Check the envelope id.'),
    };
  }
  return { ok: true, envelope };
}
