import { sandboxEnvelopeHandler } from '@/app/lib/sandbox/load-sandbox-envelope-for-api';
import { presentSandboxHistory } from '@/app/lib/sandbox/present-sandbox-history';
import { sandboxApiJson } from '@/app/lib/sandbox/sandbox-api-response';

export const dynamic = 'force-dynamic';

/** Sandbox eSignAnyWhere v6: the envelope's events, oldest first. */
export const GET = sandboxEnvelopeHandler((envelope) => sandboxApiJson(presentSandboxHistory(envelope)));
