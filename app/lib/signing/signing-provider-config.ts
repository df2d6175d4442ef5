import { getEnvironment, type Environment } from '@/app/lib/env';
import { DEFAULT_SANDBOX_API_TOKEN, SANDBOX_ESIGNANYWHERE_BASE_PATH } from './sandbox-address';
import { isLoopbackAddress } from './address-ranges';
import { ENVELOPE_ID_PLACEHOLDER, parseAuthHeader } from './document-url-template';

export type SigningProviderName = 'esignanywhere' | 'http' | 'sandbox' | 'none';

/**
 * Which signing service the app talks to, resolved from the environment once, with what is
 * missing spelled out. `problem` is set when the configuration cannot work; it says what to set.
 */
export type SigningProviderConfig =
  | {
      provider: 'none';
      problem: string | null;
      reason: string;
      /** False when none was chosen by default. */ explicit?: boolean;
    }
  | { provider: 'esignanywhere' | 'sandbox'; problem: null; baseUrl: string; apiToken: string }
  | { provider: 'esignanywhere'; problem: string; baseUrl: string | null; apiToken: string | null }
  | { provider: 'http'; problem: string | null; urlTemplate: string | null; authHeader: string | null };

export function resolveSigningProviderConfig(environment: Environment = getEnvironment()): SigningProviderConfig {
  const provider = environment.SIGNING_PROVIDER ?? (environment.NODE_ENV === 'production' ? 'none' : 'sandbox');
  switch (provider) {
    case 'none':
      return {
        provider,
        problem: null,
        explicit: environment.SIGNING_PROVIDER !== undefined,
        reason: environment.SIGNING_PROVIDER
          ? 'SIGNING_PROVIDER is none: documents are not fetched and statuses are not confirmed.'
          : 'No signing service is configured: set SIGNING_PROVIDER (esignanywhere, http or sandbox) to fetch signed documents.',
      };
    case 'sandbox':
      return {
        provider,
        problem: null,
        // The app's own sandbox, reached over loopback like any other eSignAnyWhere server.
        baseUrl: `http://127.0.0.1:${process.env.PORT ?? 3000}${SANDBOX_ESIGNANYWHERE_BASE_PATH}`,
        apiToken: environment.SANDBOX_API_TOKEN ?? DEFAULT_SANDBOX_API_TOKEN,
      };
    case 'esignanywhere': {
      const baseUrl = environment.ESAW_BASE_URL ?? null;
      const apiToken = environment.ESAW_API_TOKEN ?? null;
      if (baseUrl && apiToken) {
        const insecure = insecureInProduction(environment, baseUrl, 'ESAW_BASE_URL');
        if (insecure) return { provider, problem: insecure, baseUrl, apiToken };
        return { provider, problem: null, baseUrl: baseUrl.replace(/\/+$/, ''), apiToken };
      }
      const missing = [!baseUrl && 'ESAW_BASE_URL', !apiToken && 'ESAW_API_TOKEN'].filter(Boolean).join(' and ');
      return { provider, problem: `SIGNING_PROVIDER is esignanywhere but ${missing} is not set.`, baseUrl, apiToken };
    }
    case 'http': {
      const urlTemplate = environment.DOCUMENT_URL_TEMPLATE ?? null;
      const authHeader = environment.DOCUMENT_AUTH_HEADER ?? null;
      let problem: string | null = null;
      if (!urlTemplate) problem = 'SIGNING_PROVIDER is http but DOCUMENT_URL_TEMPLATE is not set.';
      else if (!urlTemplate.includes(ENVELOPE_ID_PLACEHOLDER))
        problem = 'DOCUMENT_URL_TEMPLATE must contain {envelopeId}, where the envelope id goes.';
      else if (!isHttpUrl(urlTemplate.replaceAll(ENVELOPE_ID_PLACEHOLDER, 'envelope')))
        problem =
          'DOCUMENT_URL_TEMPLATE must be an http(s) address, e.g. https://files.example.com/signed/{envelopeId}.pdf.';
      else if (authHeader && !parseAuthHeader(authHeader))
        problem = 'DOCUMENT_AUTH_HEADER must look like "Name: value".';
      else
        problem = insecureInProduction(
          environment,
          urlTemplate.replaceAll(ENVELOPE_ID_PLACEHOLDER, 'envelope'),
          'DOCUMENT_URL_TEMPLATE',
        );
      return { provider, problem, urlTemplate, authHeader };
    }
  }
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Production talks https, except to this machine (a sidecar or the sandbox on loopback). */
function insecureInProduction(environment: Environment, url: string, variable: string): string | null {
  if (environment.NODE_ENV !== 'production') return null;
  const parsed = new URL(url);
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (parsed.protocol === 'https:' || host === 'localhost' || isLoopbackAddress(host)) return null;
  return `${variable} must use https in production (plain http is only allowed to loopback addresses).`;
}
