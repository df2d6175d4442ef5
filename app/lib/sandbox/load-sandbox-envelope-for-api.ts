import 'server-only';
import { z } from 'zod';
import { authorizeSandboxRequest } from './authorize-sandbox-request';
import { getSandboxEnvelope, type SandboxEnvelopeState } from './get-sandbox-envelope';
import { sandboxApiError } from './sandbox-api-response';

const envelopeIdSchema = z.string().min(1).max(128);

/**
 * The GET handler of one of the sandbox API's envelope endpoints: the checks they all make (provider, token, then the
 * envelope itself), each answered in eSignAnyWhere's shape, and then `answer` for the envelope found.
 */
export function sandboxEnvelopeHandler(answer: (envelope: SandboxEnvelopeState) => Response | Promise<Response>) {
  return async (request: Request, context: { params: Promise<{ envelopeId: string }> }): Promise<Response> => {
    const { envelopeId } = await context.params;
    const loaded = await loadSandboxEnvelopeForApi({ request, envelopeId });
    return loaded.ok ? answer(loaded.envelope) : loaded.response;
  };
}

async function loadSandboxEnvelopeForApi(options: {
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
