import { sandboxEnvelopeHandler } from '@/app/lib/sandbox/load-sandbox-envelope-for-api';
import { presentSandboxFiles } from '@/app/lib/sandbox/present-sandbox-files';
import { sandboxApiError, sandboxApiJson } from '@/app/lib/sandbox/sandbox-api-response';

export const dynamic = 'force-dynamic';

/** Sandbox eSignAnyWhere v6: the signed document and audit trail ids, once the envelope is Completed. */
export const GET = sandboxEnvelopeHandler(async (envelope) => {
  if (envelope.status !== 'Completed') {
    // eSignAnyWhere refuses an action the envelope's state does not allow with 400 and ERR0013.
    return sandboxApiError(
      400,
      'ERR0013',
      `The envelope is ${envelope.status}: its files can be downloaded once it is Completed.`,
    );
  }
  return sandboxApiJson(await presentSandboxFiles(envelope));
});
