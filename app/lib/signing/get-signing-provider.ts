import { getEnvironment, type Environment } from '@/app/lib/env';
import { createEsignAnyWhereProvider } from './esignanywhere-provider';
import { createHttpDocumentProvider } from './http-document-provider';
import type { ProviderLimits } from './provider-request';
import { resolveSigningProviderConfig, type SigningProviderConfig } from './signing-provider-config';
import type { SigningProvider } from './signing-provider';

export function providerLimitsFrom(environment: Environment = getEnvironment()): ProviderLimits {
  return {
    timeoutMs: environment.DOCUMENT_FETCH_TIMEOUT_SECONDS * 1000,
    maxBytes: environment.DOCUMENT_MAX_BYTES,
    requireHttps: environment.NODE_ENV === 'production',
  };
}

/** The adapter for a configuration; null when it cannot talk to any service (none, or a problem). */
export function createSigningProvider(
  config: SigningProviderConfig,
  limits: ProviderLimits = providerLimitsFrom(),
): SigningProvider | null {
  if (config.provider === 'none' || config.problem !== null) return null;
  if (config.provider === 'http') {
    return createHttpDocumentProvider({ urlTemplate: config.urlTemplate!, authHeader: config.authHeader, limits });
  }
  return createEsignAnyWhereProvider({
    name: config.provider,
    baseUrl: config.baseUrl,
    apiToken: config.apiToken,
    limits,
  });
}

const cache = globalThis as { signingProvider?: SigningProvider | null };

/** This process's signing service adapter, made once from the environment; null when none can work. */
export function getSigningProvider(): SigningProvider | null {
  if (cache.signingProvider === undefined)
    cache.signingProvider = createSigningProvider(resolveSigningProviderConfig());
  return cache.signingProvider;
}
