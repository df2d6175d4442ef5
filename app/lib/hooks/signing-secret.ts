import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

// A hook's signing secret, in the Standard Webhooks format (https://www.standardwebhooks.com/): made and checked here,
// and used here to sign what is sent to a hook (its test notification, the sandbox's deliveries). Checking a received
// signature is the webhook receiver's (app/lib/webhooks/verify-signature.ts). Signing goes through the standardwebhooks
// package so the tests prove interoperability with the reference library.

const SECRET_PREFIX = 'whsec_';
const SECRET_BYTES = 24;
const MIN_SECRET_BYTES = 16;
// Canonical padded base64, as the reference libraries require; Buffer.from alone would silently skip bad characters.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** A new signing secret: `whsec_` followed by base64 of 24 random bytes. */
export function generateSigningSecret(): string {
  return SECRET_PREFIX + randomBytes(SECRET_BYTES).toString('base64');
}

/** True for base64 of at least 16 bytes, with or without the `whsec_` prefix. */
export function isValidSigningSecret(secret: string): boolean {
  return decodeSigningSecret(secret) !== null;
}

/** The HMAC key a secret stands for, or null when it is not a valid secret (see isValidSigningSecret). */
export function decodeSigningSecret(secret: string): Buffer | null {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  if (encoded === '') return null;
  const key = decodeCanonicalBase64(encoded);
  return key !== null && key.length >= MIN_SECRET_BYTES ? key : null;
}

/** The bytes of canonical padded base64 text, or null for anything else (other characters, missing padding). */
export function decodeCanonicalBase64(text: string): Buffer | null {
  return BASE64.test(text) ? Buffer.from(text, 'base64') : null;
}

/**
 * The three Standard Webhooks headers for a delivery. Throws on an invalid secret or date, which are programming
 * errors on the sending side (secrets are checked with isValidSigningSecret when stored).
 */
export function signStandardWebhook(options: {
  secret: string;
  webhookId: string;
  timestamp: Date;
  body: string;
}): Record<string, string> {
  if (decodeSigningSecret(options.secret) === null) throw new Error('Cannot sign: the signing secret is not valid.');
  const seconds = Math.floor(options.timestamp.getTime() / 1000);
  if (!Number.isFinite(seconds)) throw new RangeError('Cannot sign: the timestamp is not a valid date.');
  return {
    'webhook-id': options.webhookId,
    'webhook-timestamp': String(seconds),
    'webhook-signature': new Webhook(options.secret).sign(options.webhookId, options.timestamp, options.body),
  };
}
