import { getPublicUrl } from '@/app/lib/env';

/** Where people and systems reach an envelope, from PUBLIC_URL: its page and its API. */
export function envelopeUrls(envelopeId: string, publicUrl: string = getPublicUrl()) {
  const base = publicUrl.replace(/\/+$/, '');
  const id = encodeURIComponent(envelopeId);
  return { page: `${base}/envelopes/${id}`, api: `${base}/api/envelopes/${id}` };
}
