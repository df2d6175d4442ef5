import { sandboxEnvelopeHandler } from '@/app/lib/sandbox/load-sandbox-envelope-for-api';
import { presentSandboxConfiguration } from '@/app/lib/sandbox/sandbox-envelope-details';
import { sandboxApiJson } from '@/app/lib/sandbox/sandbox-api-response';

export const dynamic = 'force-dynamic';

/** Sandbox eSignAnyWhere v6: the envelope's settings, among them its expiry date. */
export const GET = sandboxEnvelopeHandler((envelope) => sandboxApiJson(presentSandboxConfiguration(envelope)));
