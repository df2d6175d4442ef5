import type { SigningProviderConfig } from '@/app/lib/signing/signing-provider-config';

/** The variables behind the configuration, with secrets reduced to "set" and URLs to their address without query. */
export function signingProviderSettings(
  config: SigningProviderConfig,
  /** SIGNING_PROVIDER as set; undefined when the default was taken. */
  chosen: string | undefined,
): [name: string, value: string | null][] {
  // Unset means a default that depends on NODE_ENV; saying which one was taken avoids a guess.
  const provider: [string, string | null] = ['SIGNING_PROVIDER', chosen ?? `not set, so ${config.provider}`];
  switch (config.provider) {
    case 'none':
      return [provider];
    case 'sandbox':
      return [provider, ['Sandbox API', withoutQuery(config.baseUrl)]];
    case 'esignanywhere':
      return [
        provider,
        ['ESAW_BASE_URL', config.baseUrl && withoutQuery(config.baseUrl)],
        ['ESAW_API_TOKEN', config.apiToken ? 'set (hidden)' : null],
      ];
    case 'http':
      return [
        provider,
        ['DOCUMENT_URL_TEMPLATE', config.urlTemplate && withoutQuery(config.urlTemplate)],
        ['DOCUMENT_AUTH_HEADER', config.authHeader ? `${config.authHeader.split(':')[0]}: (hidden)` : 'none'],
      ];
  }
}

// A document address may carry a token in its query string; the page shows where it points, not the credentials.
function withoutQuery(url: string): string {
  const cut = url.search(/[?#]/);
  const address = cut === -1 ? url : `${url.slice(0, cut)}?…`;
  return address.replace(/\/\/[^/@]*@/, '//…@');
}
