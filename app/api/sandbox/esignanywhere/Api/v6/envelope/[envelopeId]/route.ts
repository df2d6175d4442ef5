import { sandboxEnvelopeHandler } from '@/app/lib/sandbox/load-sandbox-envelope-for-api';
import { presentSandboxEnvelope } from '@/app/lib/sandbox/present-sandbox-envelope';
import { sandboxApiJson } from '@/app/lib/sandbox/sandbox-api-response';

export const dynamic = 'force-dynamic';

/** Sandbox eSignAnyWhere v6: the envelope's status and one activity per recipient. */
export const GET = sandboxEnvelopeHandler((envelope) => sandboxApiJson(presentSandboxEnvelope(envelope)));
