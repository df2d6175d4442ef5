import {
  resolveSigningProviderConfig,
  type SigningProviderConfig,
  type SigningProviderName,
} from './signing-provider-config';

export type SigningProviderState = {
  provider: SigningProviderName;
  /** Finish callbacks wait for the signing service's word before an envelope shows completed. */
  confirmsStatus: boolean;
  /** Signed documents are fetched when an envelope completes. */
  fetchesDocuments: boolean;
  /** What stops the configuration from working, and what to set; null when nothing does. */
  problem: string | null;
  /** One sentence for the setup page: what the app does with this configuration. */
  description: string;
};

/** What the configured signing service does for the app, in words for the setup and envelope pages. */
export function getSigningProviderState(
  config: SigningProviderConfig = resolveSigningProviderConfig(),
): SigningProviderState {
  const { provider, problem } = config;
  if (config.provider === 'none') {
    // Unset in production is a gap to point out; an explicit `none` is a choice.
    const unset = config.explicit === false;
    return {
      provider,
      confirmsStatus: false,
      fetchesDocuments: false,
      problem: unset ? config.reason : config.problem,
      description: `${config.reason} Notifications are taken as they come.`,
    };
  }
  if (problem !== null) {
    return {
      provider,
      confirmsStatus: false,
      fetchesDocuments: false,
      problem,
      description: `Signing service not usable: ${problem} Until it is fixed, notifications are taken as they come and no document is fetched.`,
    };
  }
  switch (config.provider) {
    case 'esignanywhere':
      return {
        provider,
        confirmsStatus: true,
        fetchesDocuments: true,
        problem: null,
        description: `eSignAnyWhere at ${new URL(config.baseUrl).host}: finish callbacks are confirmed with the API before an envelope shows completed, idle envelopes are checked, and the signed documents and audit trail are fetched.`,
      };
    case 'sandbox':
      return {
        provider,
        confirmsStatus: true,
        fetchesDocuments: true,
        problem: null,
        description:
          'The built-in sandbox signing service (simulated envelopes, eSignAnyWhere API v6): statuses are confirmed and documents fetched from it, exactly as with eSignAnyWhere.',
      };
    case 'http':
      return {
        provider,
        confirmsStatus: false,
        fetchesDocuments: true,
        problem: null,
        description: `The signed PDF of a completed envelope is fetched from ${hostOfTemplate(config.urlTemplate)}. Statuses cannot be confirmed with this source, so finish callbacks are taken as they come.`,
      };
  }
}

function hostOfTemplate(template: string | null): string {
  try {
    return new URL((template ?? '').replaceAll('{envelopeId}', 'envelope')).host;
  } catch {
    return 'DOCUMENT_URL_TEMPLATE';
  }
}
