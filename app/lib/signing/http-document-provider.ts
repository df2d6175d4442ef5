import { documentUrlFor, parseAuthHeader } from './document-url-template';
import { checkStatus, fetchFromProvider, policyFor, requirePdf, type ProviderLimits } from './provider-request';
import { ProviderError, type SigningProvider } from './signing-provider';

/** The one file an http document source serves per envelope. */
const SIGNED_FILE_ID = 'signed';

/**
 * For setups that publish the signed PDF at their own address: one file per envelope, fetched
 * from DOCUMENT_URL_TEMPLATE. There is no status to ask for, so callbacks are taken as they come.
 */
export function createHttpDocumentProvider(options: {
  urlTemplate: string;
  authHeader: string | null;
  limits: ProviderLimits;
}): SigningProvider {
  const { urlTemplate, limits } = options;
  const policy = policyFor(documentUrlFor(urlTemplate, 'envelope'), limits);
  const header = options.authHeader ? parseAuthHeader(options.authHeader) : null;
  const headers: Record<string, string> = { accept: 'application/pdf', ...(header ? { [header[0]]: header[1] } : {}) };

  return {
    name: 'http',
    confirmsStatus: false,
    async getEnvelope() {
      throw new ProviderError(
        'unsupported',
        'SIGNING_PROVIDER=http only serves documents; envelope statuses cannot be asked for.',
        false,
      );
    },
    async listFiles(envelopeId) {
      return [{ providerFileId: SIGNED_FILE_ID, fileName: `${envelopeId}.pdf`, kind: 'signed', pageCount: null }];
    },
    async downloadFile(envelopeId, file) {
      const what = `the signed document of envelope ${envelopeId}`;
      const response = await fetchFromProvider(documentUrlFor(urlTemplate, envelopeId), { policy, limits, headers });
      checkStatus(response, what, 'Check DOCUMENT_AUTH_HEADER.');
      return requirePdf(response, file.fileName, limits.maxBytes);
    },
  };
}
