import { ProviderError } from './signing-provider';

export const ENVELOPE_ID_PLACEHOLDER = '{envelopeId}';

/** `Name: value` → a header; null when the text is not one. */
export function parseAuthHeader(text: string): [string, string] | null {
  const match = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):\s*(\S.*)$/.exec(text.trim());
  return match ? [match[1]!, match[2]!.trim()] : null;
}

/** Ids go into URL paths: "." and ".." would walk up the path instead. */
export function pathSegment(id: string, what: string): string {
  if (id === '' || id === '.' || id === '..') {
    throw new ProviderError('invalid_url', `${JSON.stringify(id)} cannot be used as ${what}.`, false);
  }
  return encodeURIComponent(id);
}

export function documentUrlFor(template: string, envelopeId: string): string {
  return template.replaceAll(ENVELOPE_ID_PLACEHOLDER, pathSegment(envelopeId, 'an envelope id'));
}
