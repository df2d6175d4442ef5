import { describe, expect, it } from 'vitest';
import { parseNotification } from '@/app/lib/webhooks/parse-notification';
import { generateSigningSecret } from '@/app/lib/hooks/signing-secret';
import { verifyStandardWebhookSignature } from '@/app/lib/webhooks/verify-signature';
import {
  buildNotificationRequest,
  SIMULATION_STYLES,
  type OutgoingNotification,
  type SimulationStyle,
} from './build-notification-request';

const HOOK = 'http://127.0.0.1:3000/api/webhooks/hook-0123456789abcdef';
const ENVELOPE_ID = '7bfa100a-f52c-4915-b25d-210e6bb82f48';
const CUSTOM = { contract: 'LN-2026-48213', customer: 'C-123456' };

const opened: OutgoingNotification = {
  envelopeId: ENVELOPE_ID,
  action: 'workstepOpened',
  recipientEmail: 'maria.popescu@example.com',
  recipientOrder: 2,
  isFinishCallback: false,
};
const finished: OutgoingNotification = {
  envelopeId: ENVELOPE_ID,
  action: 'envelopeFinished',
  recipientEmail: null,
  recipientOrder: null,
  isFinishCallback: true,
};

/** The request a simulation in this style sends to HOOK for the notification, with the custom values CUSTOM. */
function build(
  style: SimulationStyle,
  notification: OutgoingNotification,
  options: Partial<Parameters<typeof buildNotificationRequest>[0]> = {},
) {
  return buildNotificationRequest({ style, hookUrl: HOOK, notification, customValues: CUSTOM, ...options });
}

function parse(request: ReturnType<typeof buildNotificationRequest>) {
  const url = new URL(request.url);
  return parseNotification({
    method: request.method,
    query: url.search.slice(1),
    body: request.body,
    contentType: request.headers['content-type'] ?? null,
  });
}

describe('buildNotificationRequest', () => {
  it('FintechOS style posts the documented automation context with the values under Data', () => {
    const request = build('fintechos', finished);
    expect(request).toMatchObject({ url: HOOK, method: 'POST', headers: { 'content-type': 'application/json' } });
    const body = JSON.parse(request.body!);
    expect(body).toMatchObject({ UserId: expect.any(String), PropertyBag: {}, Fetch: null, MergedValues: {} });
    expect(body.Data).toEqual({
      ...CUSTOM,
      envelopeId: ENVELOPE_ID,
      action: 'envelopeFinished',
      recipientEmail: '',
      recipientOrder: '',
      FTOSIsFinishCallback: '1',
    });
  });

  it('eSignAnyWhere style sends a GET with custom values first, then the filled placeholders, and no body', () => {
    const request = build('esignanywhere', opened);
    expect(request.method).toBe('GET');
    expect(request.body).toBeNull();
    expect(request.url).toBe(
      `${HOOK}?contract=LN-2026-48213&customer=C-123456&envelopeId=${ENVELOPE_ID}&action=workstepOpened` +
        '&recipientEmail=maria.popescu%40example.com&recipientOrder=2',
    );
  });

  for (const style of SIMULATION_STYLES) {
    it(`${style}: the webhook parser reads back exactly what was meant, finish callbacks included`, () => {
      for (const notification of [opened, finished]) {
        const parsed = parse(build(style, notification));
        expect(parsed).toEqual({
          ok: true,
          notification: { ...notification, customValues: CUSTOM, details: null, notices: [] },
        });
      }
    });
  }

  it('keeps a query string the target already has', () => {
    const request = build('esignanywhere', opened, { hookUrl: `${HOOK}?environment=staging`, customValues: {} });
    expect(new URL(request.url).searchParams.get('environment')).toBe('staging');
    expect(parse(request)).toMatchObject({ ok: true, notification: { customValues: { environment: 'staging' } } });
  });

  it('signs for hooks that require it, in a way the receiver verifies, for both styles', () => {
    const secret = generateSigningSecret();
    for (const style of SIMULATION_STYLES) {
      const request = build(style, opened, { signingSecret: secret, webhookId: 'msg_1' });
      const verdict = verifyStandardWebhookSignature({
        secret,
        headers: new Headers(request.headers),
        body: request.body ?? '',
      });
      expect(verdict).toEqual({ ok: true, webhookId: 'msg_1' });
      const other = verifyStandardWebhookSignature({
        secret: generateSigningSecret(),
        headers: new Headers(request.headers),
        body: request.body ?? '',
      });
      expect(other.ok).toBe(false);
    }
  });
});
