/**
 * Where the app serves its sandbox copy of the eSignAnyWhere REST API: the `esignanywhere`
 * adapter is pointed here when SIGNING_PROVIDER=sandbox, so the sandbox exercises the
 * production code path. The sandbox has its own API token and sits outside the dashboard's sign-in.
 * Part of the signing provider's configuration (signing-provider-config.ts), which the sandbox API reads in turn.
 */
export const SANDBOX_ESIGNANYWHERE_BASE_PATH = '/api/sandbox/esignanywhere';

/** Used when SANDBOX_API_TOKEN is unset; the sandbox holds only simulated envelopes. */
export const DEFAULT_SANDBOX_API_TOKEN = 'sandbox-development-token';
