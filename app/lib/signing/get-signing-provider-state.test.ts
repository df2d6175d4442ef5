import { describe, expect, it } from 'vitest';
import type { Environment } from '@/app/lib/env';
import { createSigningProvider } from './get-signing-provider';
import { getSigningProviderState } from './get-signing-provider-state';
import { resolveSigningProviderConfig } from './signing-provider-config';

const base = {
  NODE_ENV: 'production',
  DOCUMENT_MAX_BYTES: 1024 * 1024,
  DOCUMENT_FETCH_TIMEOUT_SECONDS: 30,
  DOCUMENT_STORAGE: 'filesystem',
  DOCUMENT_STORAGE_DIR: './data/documents',
  RECONCILE_AFTER_HOURS: 24,
} as Environment;

const stateOf = (environment: Partial<Environment>) =>
  getSigningProviderState(resolveSigningProviderConfig({ ...base, ...environment }));

describe('what the configured signing service does for the app', () => {
  it('confirms statuses and fetches documents with eSignAnyWhere over https', () => {
    const environment = {
      SIGNING_PROVIDER: 'esignanywhere',
      ESAW_BASE_URL: 'https://demo.esignanywhere.net/',
      ESAW_API_TOKEN: 't',
    } as const;
    expect(stateOf(environment)).toMatchObject({
      provider: 'esignanywhere',
      confirmsStatus: true,
      fetchesDocuments: true,
      problem: null,
    });
    const provider = createSigningProvider(resolveSigningProviderConfig({ ...base, ...environment }));
    expect(provider).toMatchObject({ name: 'esignanywhere', confirmsStatus: true });
  });

  it('says what is missing or unsafe, and then neither confirms nor fetches', () => {
    expect(stateOf({ SIGNING_PROVIDER: 'esignanywhere', ESAW_API_TOKEN: 't' })).toMatchObject({
      confirmsStatus: false,
      fetchesDocuments: false,
      problem: 'SIGNING_PROVIDER is esignanywhere but ESAW_BASE_URL is not set.',
    });
    expect(
      stateOf({ SIGNING_PROVIDER: 'esignanywhere', ESAW_BASE_URL: 'http://esaw.example.com', ESAW_API_TOKEN: 't' })
        .problem,
    ).toContain('must use https in production');
    expect(
      stateOf({ SIGNING_PROVIDER: 'esignanywhere', ESAW_BASE_URL: 'http://127.0.0.1:8080', ESAW_API_TOKEN: 't' })
        .problem,
    ).toBeNull();
    expect(
      stateOf({ SIGNING_PROVIDER: 'http', DOCUMENT_URL_TEMPLATE: 'https://files.example.com/x.pdf' }).problem,
    ).toContain('{envelopeId}');
    expect(
      stateOf({
        SIGNING_PROVIDER: 'http',
        DOCUMENT_URL_TEMPLATE: 'https://files.example.com/{envelopeId}.pdf',
        DOCUMENT_AUTH_HEADER: 'no colon',
      }).problem,
    ).toContain('Name: value');
  });

  it('fetches but does not confirm with a plain document address', () => {
    expect(
      stateOf({ SIGNING_PROVIDER: 'http', DOCUMENT_URL_TEMPLATE: 'https://files.example.com/{envelopeId}.pdf' }),
    ).toMatchObject({ provider: 'http', confirmsStatus: false, fetchesDocuments: true, problem: null });
  });

  it('points out an unset provider in production, but not a deliberate none', () => {
    expect(stateOf({}).problem).toContain('set SIGNING_PROVIDER');
    expect(stateOf({ SIGNING_PROVIDER: 'none' })).toMatchObject({ problem: null, fetchesDocuments: false });
    expect(stateOf({ NODE_ENV: 'development' })).toMatchObject({ provider: 'sandbox', confirmsStatus: true });
  });
});
