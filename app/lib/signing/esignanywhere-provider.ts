import type { z } from 'zod';
import { pathSegment } from './document-url-template';
import {
  configurationSchema,
  envelopeSchema,
  filesSchema,
  remindSchema,
  toEnvelopeDetails,
  toProviderFiles,
  toProviderRecipients,
  toReminderResult,
} from './esignanywhere-schemas';
import {
  checkStatus,
  fetchFromProvider,
  parseJson,
  policyFor,
  requirePdf,
  type ProviderLimits,
} from './provider-request';
import { ProviderError, type ProviderFile, type SigningProvider } from './signing-provider';

/**
 * eSignAnyWhere's REST API v6 (also what the built-in sandbox serves): envelope status and details, its expiry, the
 * list of finished files and each file's bytes, and reminders (API v4), authenticated with the `apiToken` header.
 */
export function createEsignAnyWhereProvider(options: {
  name: 'esignanywhere' | 'sandbox';
  baseUrl: string;
  apiToken: string;
  limits: ProviderLimits;
}): SigningProvider {
  const { name, apiToken, limits } = options;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const policy = policyFor(baseUrl, limits);
  const headers = { apiToken, accept: 'application/json' };
  const credentialHint =
    name === 'sandbox'
      ? 'Check SANDBOX_API_TOKEN.'
      : 'Check ESAW_API_TOKEN (an API token of the eSignAnyWhere organisation).';

  async function getJson<T>(path: string, what: string, schema: z.ZodType<T>): Promise<T> {
    const response = await fetchFromProvider(`${baseUrl}${path}`, { policy, limits, headers, json: true });
    checkStatus(response, what, credentialHint);
    const parsed = schema.safeParse(parseJson(response, what));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ProviderError(
        'invalid_response',
        `The signing service's answer for ${what} is not what eSignAnyWhere's API v6 sends (${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}).`,
        false,
      );
    }
    return parsed.data;
  }

  return {
    name,
    confirmsStatus: true,
    async getEnvelope(envelopeId) {
      const id = pathSegment(envelopeId, 'an envelope id');
      const envelope = await getJson(`/Api/v6/envelope/${id}`, `envelope ${envelopeId}`, envelopeSchema);
      return {
        status: envelope.EnvelopeStatus,
        recipients: toProviderRecipients(envelope.Activities),
        details: toEnvelopeDetails(envelope),
      };
    },
    async getExpiration(envelopeId) {
      const id = pathSegment(envelopeId, 'an envelope id');
      const configuration = await getJson(
        `/Api/v6/envelope/${id}/configuration`,
        `the configuration of envelope ${envelopeId}`,
        configurationSchema,
      );
      return configuration.ExpirationConfiguration?.ExpirationDate ?? null;
    },
    async remind(envelopeId) {
      const id = pathSegment(envelopeId, 'an envelope id');
      // eSignAnyWhere documents reminders for public clients in API v4; it rate-limits them per recipient.
      const answer = await getJson(
        `/Api/v4/envelope/${id}/remind`,
        `a reminder for envelope ${envelopeId}`,
        remindSchema,
      );
      return toReminderResult(answer);
    },
    async listFiles(envelopeId) {
      const id = pathSegment(envelopeId, 'an envelope id');
      const files = await getJson(`/Api/v6/envelope/${id}/files`, `the files of envelope ${envelopeId}`, filesSchema);
      return toProviderFiles(files);
    },
    async downloadFile(_envelopeId, file: ProviderFile) {
      const id = pathSegment(file.providerFileId, 'a file id');
      const what = `file ${file.fileName} (${file.providerFileId})`;
      const response = await fetchFromProvider(`${baseUrl}/Api/v6/file/${id}`, {
        policy,
        limits,
        headers: { apiToken, accept: 'application/pdf' },
      });
      checkStatus(response, what, credentialHint);
      return requirePdf(response, what, limits.maxBytes);
    },
  };
}
