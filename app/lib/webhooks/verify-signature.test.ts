import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { signStandardWebhook } from '@/app/lib/hooks/signing-secret';
import { verifyStandardWebhookSignature } from './verify-signature';

const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const otherSecret = 'whsec_' + Buffer.alloc(24, 7).toString('base64');
const webhookId = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const now = new Date('2030-01-02T03:04:05Z');
const body = '{"event":"envelope.updated","id":42}';

const MISSING = /^This hook requires signed deliveries: send webhook-id, webhook-timestamp and webhook-signature/;
const NO_MATCH = "No webhook-signature matches this hook's signing secret.";

function signedHeaders(options: { secret?: string; timestamp?: Date; body?: string } = {}) {
  return new Headers(
    signStandardWebhook({
      secret: options.secret ?? secret,
      webhookId,
      timestamp: options.timestamp ?? now,
      body: options.body ?? body,
    }),
  );
}

function verify(headers: Headers, options: { secret?: string; body?: string; now?: Date } = {}) {
  return verifyStandardWebhookSignature({
    secret: options.secret ?? secret,
    headers,
    body: options.body ?? body,
    now: options.now ?? now,
  });
}

function messageOf(result: ReturnType<typeof verifyStandardWebhookSignature>) {
  return result.ok ? '(accepted)' : result.message;
}

function minutesFromNow(minutes: number) {
  return new Date(now.getTime() + minutes * 60_000);
}

describe('verifyStandardWebhookSignature', () => {
  it('accepts a valid single signature and returns the webhook id', () => {
    expect(verify(signedHeaders())).toEqual({ ok: true, webhookId });
  });

  it('accepts a signature made by the reference library, with or without the whsec_ prefix', () => {
    const headers = new Headers({
      'webhook-id': webhookId,
      'webhook-timestamp': String(now.getTime() / 1000),
      'webhook-signature': new Webhook(secret).sign(webhookId, now, body),
    });
    expect(verify(headers)).toEqual({ ok: true, webhookId });
    expect(verify(headers, { secret: secret.slice(6) })).toEqual({ ok: true, webhookId });
  });

  it('accepts when any one of several signatures matches (key rotation)', () => {
    const headers = signedHeaders();
    const current = headers.get('webhook-signature');
    const previous = signedHeaders({ secret: otherSecret }).get('webhook-signature');
    headers.set('webhook-signature', `${previous} v1a,ignored+asymmetric+signature= ${current}`);
    expect(verify(headers)).toEqual({ ok: true, webhookId });
  });

  it('accepts signatures sent as repeated headers', () => {
    const headers = signedHeaders();
    const current = headers.get('webhook-signature') ?? '';
    headers.set('webhook-signature', signedHeaders({ secret: otherSecret }).get('webhook-signature') ?? '');
    headers.append('webhook-signature', current);
    expect(headers.get('webhook-signature')).toContain(', ');
    expect(verify(headers)).toEqual({ ok: true, webhookId });
  });

  it('refuses a tampered body', () => {
    expect(verify(signedHeaders(), { body: body.replace('42', '43') })).toEqual({ ok: false, message: NO_MATCH });
    expect(verify(signedHeaders(), { body: body + ' ' })).toEqual({ ok: false, message: NO_MATCH });
  });

  it('refuses a tampered webhook id', () => {
    const headers = signedHeaders();
    headers.set('webhook-id', 'msg_other');
    expect(verify(headers)).toEqual({ ok: false, message: NO_MATCH });
  });

  it('refuses a signature made with another secret', () => {
    expect(verify(signedHeaders({ secret: otherSecret }))).toEqual({ ok: false, message: NO_MATCH });
    expect(verify(signedHeaders(), { secret: otherSecret })).toEqual({ ok: false, message: NO_MATCH });
  });

  it('refuses a signature for another timestamp', () => {
    const headers = signedHeaders();
    headers.set('webhook-timestamp', String(now.getTime() / 1000 + 1));
    expect(verify(headers)).toEqual({ ok: false, message: NO_MATCH });
  });

  it('accepts timestamps 4 minutes old or ahead and exactly at the 5-minute edge', () => {
    for (const minutes of [-5, -4, 4, 5]) {
      expect(verify(signedHeaders({ timestamp: minutesFromNow(minutes) }))).toEqual({ ok: true, webhookId });
    }
  });

  it("refuses timestamps 6 minutes old or ahead, pointing at the sender's clock", () => {
    const old = verify(signedHeaders({ timestamp: minutesFromNow(-6) }));
    expect(old).toEqual({ ok: false, message: expect.stringMatching(/outside the 5-minute window/) });
    expect(messageOf(old)).toMatch(/6 minutes behind this server's clock.*check the sender's clock/);

    const future = verify(signedHeaders({ timestamp: minutesFromNow(6) }));
    expect(messageOf(future)).toMatch(/outside the 5-minute window \(it is 6 minutes ahead of/);

    const ancient = verify(signedHeaders({ timestamp: new Date(0) }));
    expect(messageOf(ancient)).toMatch(/\d+ days behind/);
  });

  it('recognises a timestamp sent in milliseconds', () => {
    const headers = signedHeaders();
    headers.set('webhook-timestamp', String(now.getTime()));
    expect(verify(headers)).toEqual({ ok: false, message: expect.stringMatching(/looks like milliseconds/) });
  });

  it('uses the current time when no clock is given', () => {
    const headers = signedHeaders({ timestamp: new Date() });
    expect(verifyStandardWebhookSignature({ secret, headers, body })).toEqual({ ok: true, webhookId });
    expect(verifyStandardWebhookSignature({ secret, headers: signedHeaders(), body }).ok).toBe(false);
  });

  it('refuses when the server clock is invalid rather than skipping the window', () => {
    expect(verify(signedHeaders(), { now: new Date(NaN) })).toEqual({
      ok: false,
      message: expect.stringMatching(/no valid time/),
    });
  });

  it('asks for signed deliveries when any header is missing or empty', () => {
    const complete = signedHeaders();
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
      const missing = new Headers(complete);
      missing.delete(name);
      expect(verify(missing)).toEqual({ ok: false, message: expect.stringMatching(MISSING) });
      const empty = new Headers(complete);
      empty.set(name, '');
      expect(verify(empty)).toEqual({ ok: false, message: expect.stringMatching(MISSING) });
    }
    expect(verify(new Headers())).toEqual({
      ok: false,
      message:
        'This hook requires signed deliveries: send webhook-id, webhook-timestamp and webhook-signature headers (Standard Webhooks).',
    });
  });

  it('reads header names case-insensitively', () => {
    const signed = signStandardWebhook({ secret, webhookId, timestamp: now, body });
    const headers = new Headers(
      Object.fromEntries(Object.entries(signed).map(([name, value]) => [name.toUpperCase(), value])),
    );
    expect(verify(headers)).toEqual({ ok: true, webhookId });
  });

  it('explains a non-numeric timestamp', () => {
    for (const value of ['abc', '1.5', '-300', '1e9', '0x10', `${now.getTime() / 1000}abc`, '9'.repeat(400)]) {
      const headers = signedHeaders();
      headers.set('webhook-timestamp', value);
      expect(verify(headers)).toEqual({
        ok: false,
        message: expect.stringMatching(/not a Unix time in whole seconds/),
      });
    }
  });

  it('explains a signature header without any v1 entry', () => {
    for (const value of ['garbage', 'v2,abc', 'v1a,abc', ',,,', 'v1']) {
      const headers = signedHeaders();
      headers.set('webhook-signature', value);
      expect(verify(headers)).toEqual({ ok: false, message: expect.stringMatching(/holds no v1 signature/) });
    }
  });

  it('never throws on garbage header values', () => {
    const correct = createHmac('sha256', Buffer.from(secret.slice(6), 'base64'))
      .update(`${webhookId}.${now.getTime() / 1000}.${body}`)
      .digest();
    const garbage = [
      'v1,',
      'v1,!!!!',
      'v1,====',
      'v1,' + correct.toString('base64url'),
      'v1,' + correct.subarray(0, 31).toString('base64'),
      'v1,' + Buffer.concat([correct, Buffer.alloc(1)]).toString('base64'),
      'v1,' + correct.toString('hex'),
      'v1,' + 'A'.repeat(100_000),
      Array.from({ length: 1000 }, () => 'v1,AAAA').join(' '),
      '\u00ff\u00fe',
    ];
    for (const value of garbage) {
      const headers = signedHeaders();
      headers.set('webhook-signature', value);
      expect(() => verify(headers)).not.toThrow();
      expect(verify(headers).ok).toBe(false);
    }
    for (const name of ['webhook-id', 'webhook-timestamp']) {
      const headers = signedHeaders();
      headers.set(name, '\u00ff'.repeat(10_000));
      expect(verify(headers).ok).toBe(false);
    }
  });

  it('reports an unusable signing secret without throwing', () => {
    for (const bad of ['', 'whsec_', 'whsec_short', 'whsec_%%%%']) {
      expect(verify(signedHeaders(), { secret: bad })).toEqual({
        ok: false,
        message: expect.stringMatching(/signing secret is not a valid/),
      });
    }
  });
});
