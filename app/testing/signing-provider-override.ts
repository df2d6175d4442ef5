import { afterEach } from 'vitest';
import type { SigningProviderConfig } from '@/app/lib/signing/signing-provider-config';

type ConfigModule = typeof import('@/app/lib/signing/signing-provider-config');

/** The signing provider configuration a test puts in place of the environment's; null keeps the environment's. */
const provider = { override: null as SigningProviderConfig | null };

/**
 * The configuration module, but with `provider.override` answering for the environment while a test sets one. Give
 * it to the mock at the top of the test file (a mock factory may not use the file's imports):
 *
 *   vi.mock('@/app/lib/signing/signing-provider-config', async (importOriginal) =>
 *     (await import('@/app/testing/signing-provider-override')).overridableSigningProviderConfig(importOriginal),
 *   );
 */
export async function overridableSigningProviderConfig(importOriginal: () => Promise<ConfigModule>) {
  const actual = await importOriginal();
  return {
    ...actual,
    resolveSigningProviderConfig: (...args: Parameters<ConfigModule['resolveSigningProviderConfig']>) =>
      provider.override ?? actual.resolveSigningProviderConfig(...args),
  };
}

/** The override for this test file's tests to set, back to none after each of them. */
export function signingProviderOverrideForTests() {
  afterEach(() => {
    provider.override = null;
  });
  return provider;
}
