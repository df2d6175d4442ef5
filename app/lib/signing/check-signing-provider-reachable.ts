import { randomUUID } from 'node:crypto';
import { createSigningProvider, providerLimitsFrom } from './get-signing-provider';
import { resolveSigningProviderConfig, type SigningProviderConfig } from './signing-provider-config';
import { ProviderError } from './signing-provider';

const CHECK_TIMEOUT_MS = 5_000;

/**
 * Asks the configured signing service about an envelope that cannot exist: "not found" means it
 * answered and accepted the credentials; a refusal or no answer is reported as the setup page's hint.
 */
export async function checkSigningProviderReachable(
  config: SigningProviderConfig = resolveSigningProviderConfig(),
): Promise<{ reachable: boolean; detail: string }> {
  if (config.provider === 'none') return { reachable: false, detail: config.reason };
  const provider = createSigningProvider(config, { ...providerLimitsFrom(), timeoutMs: CHECK_TIMEOUT_MS });
  if (!provider) return { reachable: false, detail: config.problem ?? 'The signing service is not configured.' };
  const probeId = `connection-check-${randomUUID()}`;
  try {
    if (provider.confirmsStatus) await provider.getEnvelope(probeId);
    else {
      const [file] = await provider.listFiles(probeId);
      await provider.downloadFile(probeId, file!);
    }
    return { reachable: true, detail: 'The signing service answered.' };
  } catch (error) {
    if (error instanceof ProviderError && error.code === 'not_found') {
      const what = provider.confirmsStatus ? 'and accepted the API token' : '(HTTP 404 for a test envelope)';
      return { reachable: true, detail: `The signing service answered ${what}.` };
    }
    if (error instanceof ProviderError && error.code === 'not_pdf') {
      return {
        reachable: true,
        detail: 'The document address answered (with something other than a PDF for a test envelope).',
      };
    }
    return { reachable: false, detail: error instanceof Error ? error.message : String(error) };
  }
}
