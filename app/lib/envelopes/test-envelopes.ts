/**
 * Envelope ids of the Setup page's test notifications start with this ("test-1764412345678"): real signing services
 * use GUIDs. Such envelopes are marked as tests when first seen (Envelope.isTest).
 */
export const TEST_ENVELOPE_PREFIX = 'test-';

export function isTestEnvelopeId(id: string): boolean {
  return id.startsWith(TEST_ENVELOPE_PREFIX);
}
