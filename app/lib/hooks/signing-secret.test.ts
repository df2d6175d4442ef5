import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { generateSigningSecret, isValidSigningSecret, signStandardWebhook } from './signing-secret';

const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const webhookId = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const now = new Date('2030-01-02T03:04:05Z');
const body = '{"event":"envelope.updated","id":42}';

describe('generateSigningSecret', () => {
  it('makes whsec_ plus base64 of 24 random bytes', () => {
    const generated = generateSigningSecret();
    expect(generated).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(generated.slice(6), 'base64')).toHaveLength(24);
    expect(isValidSigningSecret(generated)).toBe(true);
    expect(generateSigningSecret()).not.toBe(generated);
  });
});

describe('isValidSigningSecret', () => {
  it('accepts base64 of at least 16 bytes, with or without whsec_', () => {
    expect(isValidSigningSecret(secret)).toBe(true);
    expect(isValidSigningSecret(secret.slice(6))).toBe(true);
    expect(isValidSigningSecret('whsec_' + Buffer.alloc(16).toString('base64'))).toBe(true);
  });

  it('refuses short, empty and non-base64 secrets', () => {
    expect(isValidSigningSecret('whsec_' + Buffer.alloc(15).toString('base64'))).toBe(false);
    expect(isValidSigningSecret('')).toBe(false);
    expect(isValidSigningSecret('whsec_')).toBe(false);
    expect(isValidSigningSecret('whsec_MfKQ9r8GKYqrTwjUPD8I-PZIo2LaLaSw')).toBe(false);
    expect(isValidSigningSecret('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS')).toBe(false);
    expect(isValidSigningSecret('not a secret at all, no')).toBe(false);
  });
});

describe('signStandardWebhook', () => {
  it('matches the Standard Webhooks reference example', () => {
    const headers = signStandardWebhook({
      secret,
      webhookId,
      timestamp: new Date(1614265330 * 1000),
      body: '{"test": 2432232314}',
    });
    expect(headers).toEqual({
      'webhook-id': webhookId,
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    });
  });

  it('is accepted by the reference library', () => {
    const timestamp = new Date();
    const headers = signStandardWebhook({ secret, webhookId, timestamp, body });
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('refuses an invalid secret or date', () => {
    expect(() => signStandardWebhook({ secret: 'whsec_x', webhookId, timestamp: now, body })).toThrow(/secret/);
    expect(() => signStandardWebhook({ secret, webhookId, timestamp: new Date(NaN), body })).toThrow(/date/);
  });
});
