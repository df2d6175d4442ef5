import { createHmac, timingSafeEqual } from 'node:crypto';
import { decodeCanonicalBase64, decodeSigningSecret } from '@/app/lib/hooks/signing-secret';

// Still exported here for the webhook route's tests, which import it from this module; new code imports it from
// app/lib/hooks/signing-secret.ts.

// Standard Webhooks (https://www.standardwebhooks.com/), the receiving side: a hook's secret is made, checked and used
// for signing in app/lib/hooks/signing-secret.ts. Verification is done here with node:crypto rather than by
// `Webhook.verify` from the standardwebhooks package, because that reads Date.now() and cannot be given a clock, and
// it throws.

const TOLERANCE_SECONDS = 5 * 60;
const SHA256_BYTES = 32;
// Up to 16 digits so that a millisecond timestamp can be recognised and explained instead of rejected as garbage.
const TIMESTAMP = /^\d{1,16}$/;

export type SignatureVerification = { ok: true; webhookId: string } | { ok: false; message: string };

/**
 * Checks a delivery signed per Standard Webhooks: HMAC-SHA256 over `${webhook-id}.${webhook-timestamp}.${body}`
 * keyed with the decoded secret, with the timestamp within 5 minutes of `now` either way. Any one `v1,<base64>`
 * entry of webhook-signature may match, so senders can rotate keys. `body` must be the raw request text, exactly as
 * received. Never throws: every failure comes back as a message meant for the sender.
 */
export function verifyStandardWebhookSignature(options: {
  secret: string;
  headers: Headers;
  body: string;
  now?: Date;
}): SignatureVerification {
  const key = decodeSigningSecret(options.secret);
  if (key === null) {
    return fail("This hook's signing secret is not a valid Standard Webhooks secret: ask its owner to rotate it.");
  }

  const webhookId = options.headers.get('webhook-id');
  const timestamp = options.headers.get('webhook-timestamp');
  const signatureHeader = options.headers.get('webhook-signature');
  if (!webhookId || !timestamp || !signatureHeader) {
    return fail(
      'This hook requires signed deliveries: send webhook-id, webhook-timestamp and webhook-signature headers (Standard Webhooks).',
    );
  }

  if (!TIMESTAMP.test(timestamp)) {
    return fail(
      'The webhook-timestamp header is not a Unix time in whole seconds: send the signing time as an integer number of seconds.',
    );
  }
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  // An invalid Date would make every comparison false and so pass the window check below.
  if (!Number.isFinite(nowSeconds)) return fail('Cannot check the webhook-timestamp: this server has no valid time.');
  const skew = Number(timestamp) - nowSeconds;
  if (Math.abs(skew) > TOLERANCE_SECONDS) {
    const looksLikeMilliseconds = Math.abs(Number(timestamp) / 1000 - nowSeconds) <= TOLERANCE_SECONDS;
    return fail(
      `The webhook-timestamp is outside the 5-minute window (${describeSkew(skew)}): ` +
        (looksLikeMilliseconds
          ? 'it looks like milliseconds; send whole seconds since the Unix epoch.'
          : "check the sender's clock and sign each delivery attempt when it is sent."),
    );
  }

  const candidates = parseV1Signatures(signatureHeader);
  if (candidates === null) {
    return fail(
      'The webhook-signature header holds no v1 signature: send space-separated v1,<base64 HMAC-SHA256> entries.',
    );
  }
  // The header text is signed as sent (not re-formatted from the parsed number), as the spec defines it.
  const expected = createHmac('sha256', key).update(`${webhookId}.${timestamp}.${options.body}`, 'utf8').digest();
  const matches = candidates.some(
    (candidate) => candidate.length === expected.length && timingSafeEqual(candidate, expected),
  );
  return matches ? { ok: true, webhookId } : fail("No webhook-signature matches this hook's signing secret.");
}

/** Decoded v1 signatures, or null when the header has no v1 entry at all (other versions such as v1a are skipped). */
function parseV1Signatures(header: string): Buffer[] | null {
  const signatures: Buffer[] = [];
  let sawV1 = false;
  for (const spaced of header.trim().split(/\s+/)) {
    // Repeated webhook-signature headers reach us joined by ", ", leaving a trailing comma on all but the last.
    const entry = spaced.endsWith(',') ? spaced.slice(0, -1) : spaced;
    const comma = entry.indexOf(',');
    if (comma === -1 || entry.slice(0, comma) !== 'v1') continue;
    sawV1 = true;
    const encoded = entry.slice(comma + 1);
    const signature = decodeCanonicalBase64(encoded);
    if (signature?.length === SHA256_BYTES) signatures.push(signature);
  }
  return sawV1 ? signatures : null;
}

function describeSkew(skewSeconds: number): string {
  const direction = skewSeconds < 0 ? 'behind' : 'ahead of';
  const seconds = Math.abs(skewSeconds);
  const amount =
    seconds < 2 * 60 * 60
      ? `${Math.round(seconds / 60)} minutes`
      : seconds < 2 * 24 * 60 * 60
        ? `${Math.round(seconds / 3600)} hours`
        : `${Math.round(seconds / 86400)} days`;
  return `it is ${amount} ${direction} this server's clock`;
}

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}
