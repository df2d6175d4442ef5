import { createHash, timingSafeEqual } from 'node:crypto';
import { errorResponse } from '@/app/lib/api/error-response';
import { resolveSigningProviderConfig, type SigningProviderConfig } from '@/app/lib/signing/signing-provider-config';
import { sandboxApiError } from './sandbox-api-response';

/**
 * The sandbox API's gate: it exists only when the app's signing provider is the sandbox (otherwise
 * its paths are unknown, in the app's own 404 shape), and it wants eSignAnyWhere's `apiToken` header.
 * Returns the refusal to send, or null when the request may go on.
 */
export function authorizeSandboxRequest(
  request: Request,
  config: SigningProviderConfig = resolveSigningProviderConfig(),
): Response | null {
  if (config.provider !== 'sandbox') {
    return errorResponse(
      404,
      'not_found',
      'The sandbox signing service is off. Set SIGNING_PROVIDER=sandbox (the default in development) to use it.',
    );
  }
  const token = request.headers.get('apitoken');
  if (token === null || !sameSecret(token, config.apiToken)) {
    return sandboxApiError(
      401,
      'ERR0003',
      'The apiToken header is missing or wrong. Send the sandbox token (SANDBOX_API_TOKEN) in the apiToken header.',
    );
  }
  return null;
}

// Hashing first makes the comparison constant-time whatever the lengths.
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
