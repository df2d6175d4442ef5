import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { prisma } from '@/app/lib/db/prisma';
import { createSubscription } from '@/app/lib/subscriptions/create-subscription';
import { deleteSubscription } from '@/app/lib/subscriptions/delete-subscription';
import { listSubscriptionAttempts } from '@/app/lib/subscriptions/list-subscription-attempts';
import { listenOnLoopback } from '@/app/testing/listen-on-loopback';
import {
  ENCODED_PASSWORD,
  parseMail,
  SMTP_PASSWORD,
  SMTP_USER,
  startMailServer as startMailServerOnly,
  type ReceivedMail,
} from '@/app/testing/mail-server';
import { startWebhookReceiver } from '@/app/testing/webhook-receiver';
import type { AlertNotice, DigestNotice } from '../alert-notice';
import { sendToAlertChannel } from './send-to-alert-channel';
import type { SlackPayload } from './slack-payload';
import type { TeamsPayload } from './teams-payload';

const provider = inject('databaseProvider');

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  await Promise.all(cleanups.map((cleanup) => cleanup()));
});

function uniqueEnvelopeId() {
  return `env-alerts-${randomBytes(4).toString('hex')}`;
}

function notice(overrides: Partial<AlertNotice> = {}): AlertNotice {
  const envelopeId = uniqueEnvelopeId();
  return {
    deliveryId: Math.floor(Math.random() * 1_000_000_000),
    alertId: 3,
    ruleId: 'alr_0123456789abcdef01234567',
    ruleDescription: 'A recipient rejects an envelope',
    kind: 'rejected',
    title: 'Rejected',
    summary: `Rejected: Loan agreement № 42 – Müller (${envelopeId}), Jane Doe declined`,
    details: ['Declined by jane@example.com on 1 Dec 2026, 09:12 UTC'],
    envelope: {
      id: envelopeId,
      name: 'Loan agreement № 42 – Müller',
      status: 'rejected',
      url: `http://localhost:3000/envelopes/${envelopeId}`,
    },
    hookName: 'Production',
    raisedAt: new Date('2026-12-01T09:12:00Z'),
    test: false,
    ...overrides,
  };
}

/** A mail server stopped after the file's tests. */
async function startMailServer(options: Parameters<typeof startMailServerOnly>[0] = {}) {
  const mail = await startMailServerOnly(options);
  cleanups.push(mail.close);
  return mail;
}

const emailChannel = (target = 'ops@example.com, jane@example.com') => ({
  id: 'ach_0123456789abcdef01234567',
  kind: 'email',
  name: 'Ops e-mail',
  target,
});

/** A Slack or Teams stand-in on 127.0.0.1: keeps each body, answers what `answer` says. */
async function startJsonReceiver(answer: () => { status: number; body: string; headers?: Record<string, string> }) {
  const received: { path: string; contentType: string | undefined; body: unknown }[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        path: request.url ?? '',
        contentType: request.headers['content-type'],
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      });
      const { status, body, headers } = answer();
      response.writeHead(status, { 'content-type': 'text/plain', ...headers }).end(body);
    });
  });
  const listener = await listenOnLoopback(server);
  cleanups.push(listener.close);
  return { received, baseUrl: listener.baseUrl };
}

describe(`alert channels on ${provider}`, () => {
  it('e-mails one message over STARTTLS with a login: subject with name and id, a text and an HTML part, the link', async () => {
    const mail = await startMailServer();
    const sent = notice();
    const outcome = await sendToAlertChannel({
      channel: emailChannel(),
      notices: [sent],
      now: new Date(),
      smtpTransport: mail.transport(),
    });
    expect(outcome).toMatchObject({ ok: true, error: null });
    expect(mail.received).toHaveLength(1);
    const [{ raw, session }] = mail.received as [ReceivedMail];
    expect(session.secure).toBe(true);
    expect(session.user).toBe(SMTP_USER);
    expect(session.envelope.rcptTo.map((recipient) => recipient.address)).toEqual([
      'ops@example.com',
      'jane@example.com',
    ]);
    const parsed = parseMail(raw);
    expect(parsed.subject).toBe(`[Envelope tracker] Rejected: Loan agreement № 42 – Müller (${sent.envelope!.id})`);
    expect(parsed.contentType).toMatch(/^multipart\/alternative/);
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(parsed.headers.get('from')).toBe('Envelope tracker <alerts@example.com>');
    expect(parsed.text).toContain(`Rejected: Loan agreement № 42 – Müller (${sent.envelope!.id}), Jane Doe declined`);
    expect(parsed.text).toContain(`Open envelope: ${sent.envelope!.url}`);
    expect(parsed.html).toContain(`href="${sent.envelope!.url}"`);
    expect(parsed.html).toContain('Loan agreement № 42 – Müller');
  });

  it('e-mails a daily summary', async () => {
    const mail = await startMailServer();
    const digest: DigestNotice = {
      deliveryId: 1,
      channelName: 'Ops e-mail',
      date: '2026-12-01',
      timeZone: 'Europe/Berlin',
      dashboardUrl: 'http://localhost:3000/',
      sections: [
        {
          title: 'Waiting for signatures',
          items: [{ summary: 'Lease 7 (env-7)', url: 'http://localhost:3000/envelopes/env-7' }],
          more: 0,
        },
      ],
    };
    const outcome = await sendToAlertChannel({
      channel: emailChannel(),
      digest,
      now: new Date(),
      smtpTransport: mail.transport(),
    });
    expect(outcome.ok).toBe(true);
    const parsed = parseMail(mail.received[0]!.raw);
    expect(parsed.subject).toBe('[Envelope tracker] Daily summary for 2026-12-01: 1 waiting for signatures');
    expect(parsed.text).toContain('http://localhost:3000/envelopes/env-7');
  });

  it('fails on a refusal with what the server said and never the password; a later call delivers the message once', async () => {
    const mail = await startMailServer({
      refuse: (attempt) => (attempt === 1 ? 'rcpt' : attempt === 2 ? 'data' : null),
    });
    const send = () =>
      sendToAlertChannel({
        channel: emailChannel(),
        notices: [notice({ deliveryId: 42 })],
        now: new Date(),
        smtpTransport: mail.transport(),
      });

    const first = await send();
    expect(first.ok).toBe(false);
    expect(first.error).toMatch(/^SMTP 451 4\.3\.0 Mailbox busy, try again later/);
    const second = await send();
    expect(second.ok).toBe(false);
    expect(second.error).toMatch(/^SMTP 451 4\.3\.0 Queue full, try again later/);
    for (const error of [first.error!, second.error!]) {
      expect(error).not.toContain(SMTP_PASSWORD);
      expect(error).not.toContain(ENCODED_PASSWORD);
    }
    expect(mail.received).toHaveLength(0);

    expect(await send()).toMatchObject({ ok: true, error: null });
    expect(mail.received).toHaveLength(1);
  });

  it('fails a refused login without the password', async () => {
    const mail = await startMailServer();
    const wrong = 'Wr0ng-p%40ssword';
    const outcome = await sendToAlertChannel({
      channel: emailChannel(),
      notices: [notice()],
      now: new Date(),
      smtpTransport: mail.transport(wrong),
    });
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatch(/refused the login.*535/);
    expect(outcome.error).toContain('SMTP_URL');
    expect(outcome.error).not.toContain('Wr0ng');
    expect(mail.received).toHaveLength(0);
  });

  it('posts a Slack message: text and blocks', async () => {
    const slack = await startJsonReceiver(() => ({ status: 200, body: 'ok' }));
    const sent = notice();
    const outcome = await sendToAlertChannel({
      channel: { id: 'ach_1', kind: 'slack', name: '#ops', target: `${slack.baseUrl}/services/T000/B000/slacksecret` },
      notices: [sent],
      now: new Date(),
    });
    expect(outcome).toMatchObject({ ok: true, error: null });
    expect(slack.received).toHaveLength(1);
    const [{ path, contentType, body }] = slack.received as [(typeof slack.received)[number]];
    expect(path).toBe('/services/T000/B000/slacksecret');
    expect(contentType).toBe('application/json');
    const payload = body as SlackPayload;
    expect(payload.text).toBe(`Rejected: Loan agreement № 42 – Müller (${sent.envelope!.id})`);
    expect(payload.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: 'Rejected' } });
    expect(JSON.stringify(payload.blocks)).toContain(`<${sent.envelope!.url}|Open envelope>`);
  });

  it('posts a Teams message with an Adaptive Card', async () => {
    const teams = await startJsonReceiver(() => ({ status: 202, body: '' }));
    const sent = notice();
    const outcome = await sendToAlertChannel({
      channel: {
        id: 'ach_2',
        kind: 'teams',
        name: 'Ops',
        target: `${teams.baseUrl}/workflows/abc/triggers/manual/paths/invoke?sig=teamssecret`,
      },
      notices: [sent],
      now: new Date(),
    });
    expect(outcome).toMatchObject({ ok: true, error: null });
    const payload = teams.received[0]!.body as TeamsPayload;
    expect(payload).toMatchObject({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: { type: 'AdaptiveCard', version: '1.4' },
        },
      ],
    });
    expect(payload.attachments[0]!.content.actions[0]).toEqual({
      type: 'Action.OpenUrl',
      title: 'Open envelope',
      url: sent.envelope!.url,
    });
    expect(JSON.stringify(payload.attachments[0]!.content.body)).toContain(sent.summary);
  });

  it('fails on an error answer or a redirect without naming the secret URL', async () => {
    let answer = {
      status: 500,
      body: 'no_service for /services/T000/B000/slacksecret',
      headers: {} as Record<string, string>,
    };
    const slack = await startJsonReceiver(() => answer);
    const target = `${slack.baseUrl}/services/T000/B000/slacksecret`;
    const send = () =>
      sendToAlertChannel({
        channel: { id: 'ach_3', kind: 'slack', name: '#ops', target },
        notices: [notice()],
        now: new Date(),
      });

    const failed = await send();
    expect(failed.ok).toBe(false);
    expect(failed.error).toMatch(/^HTTP 500: no_service/);
    expect(failed.error).not.toContain('slacksecret');

    answer = { status: 302, body: '', headers: { location: `${slack.baseUrl}/services/T000/B000/slacksecret/moved` } };
    const redirected = await send();
    expect(redirected.ok).toBe(false);
    expect(redirected.error).toMatch(/^HTTP 302: redirects are not followed/);
    expect(redirected.error).not.toContain('slacksecret');
    expect(redirected.error).not.toContain(slack.baseUrl);
  });

  it("sends signed alert.raised events to a subscription, recorded in its attempts, with the delivery's id every time", async () => {
    const secrets: string[] = [];
    let status = 500;
    const receiver = await startWebhookReceiver({ secrets: () => secrets, answer: () => status });
    cleanups.push(receiver.close);
    const created = await createSubscription({ url: receiver.url, description: 'Alerts to the CRM' });
    if (!created.ok) throw new Error(created.message);
    secrets.push(created.secret);
    const subscriptionId = created.subscription.id;
    cleanups.push(() => deleteSubscription(subscriptionId));
    const channel = { id: 'ach_4', kind: 'webhook', name: 'CRM', target: subscriptionId };
    const sent = notice({ deliveryId: 4711, test: true });

    const failed = await sendToAlertChannel({ channel, notices: [sent], now: new Date() });
    expect(failed).toMatchObject({ ok: false, error: 'HTTP 500' });
    status = 204;
    expect(await sendToAlertChannel({ channel, notices: [sent], now: new Date() })).toMatchObject({
      ok: true,
      error: null,
    });

    const mine = receiver.received.filter((request) => request.type === 'alert.raised');
    expect(mine.map((request) => [request.id, request.status])).toEqual([
      ['alert_4711', 500],
      ['alert_4711', 204],
    ]);
    expect(mine.every((request) => request.verifiedWith.length === 1)).toBe(true);
    expect(mine[1]!.data).toEqual({
      alertId: sent.alertId,
      ruleId: sent.ruleId,
      kind: 'rejected',
      title: 'Rejected',
      summary: sent.summary,
      details: sent.details,
      envelope: sent.envelope,
      hook: 'Production',
      raisedAt: '2026-12-01T09:12:00.000Z',
      test: true,
    });
    const attempts = (await listSubscriptionAttempts(subscriptionId, 50))!.filter(
      (attempt) => attempt.eventId === 'alert_4711',
    );
    expect(attempts.map((attempt) => [attempt.eventType, attempt.statusCode, attempt.ok])).toEqual([
      ['alert.raised', 204, true],
      ['alert.raised', 500, false],
    ]);
  });

  it('signs what standardwebhooks verifies, one event per notice, and a digest as alert.digest', async () => {
    const received: { headers: Record<string, string>; body: string }[] = [];
    const server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const headers = Object.fromEntries(
          ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => [name, String(request.headers[name])]),
        );
        received.push({ headers, body: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(200).end('ok');
      });
    });
    const listener = await listenOnLoopback(server);
    cleanups.push(listener.close);
    const created = await createSubscription({ url: `${listener.baseUrl}/alerts` });
    if (!created.ok) throw new Error(created.message);
    cleanups.push(() => deleteSubscription(created.subscription.id));
    const channel = { id: 'ach_5', kind: 'webhook', name: 'CRM', target: created.subscription.id };

    const outcome = await sendToAlertChannel({
      channel,
      notices: [notice({ deliveryId: 1 }), notice({ deliveryId: 2 })],
      now: new Date(),
    });
    expect(outcome.ok).toBe(true);
    const digest: DigestNotice = {
      deliveryId: 9,
      channelName: 'CRM',
      date: '2026-12-01',
      timeZone: 'UTC',
      dashboardUrl: 'http://localhost:3000/',
      sections: [],
    };
    expect((await sendToAlertChannel({ channel, digest, now: new Date() })).ok).toBe(true);

    const verified = received.map(
      ({ headers, body }) => new Webhook(created.secret).verify(body, headers) as { type: string },
    );
    expect(verified.map((event) => event.type)).toEqual(['alert.raised', 'alert.raised', 'alert.digest']);
    expect(received.map(({ headers }) => headers['webhook-id'])).toEqual(['alert_1', 'alert_2', 'digest_9']);
    expect(verified[2]).toMatchObject({ data: { channelId: 'ach_5', date: '2026-12-01', sections: [] } });
  });

  it('fails for a subscription that is gone or disabled', async () => {
    const channel = { id: 'ach_6', kind: 'webhook', name: 'CRM', target: 'sub_000000000000000000000000' };
    const gone = await sendToAlertChannel({ channel, notices: [notice()], now: new Date() });
    expect(gone).toMatchObject({ ok: false, error: expect.stringContaining('no longer exists') });

    const created = await createSubscription({ url: 'http://127.0.0.1:9/never' });
    if (!created.ok) throw new Error(created.message);
    cleanups.push(() => deleteSubscription(created.subscription.id));
    await prisma.subscription.update({
      where: { id: created.subscription.id },
      data: { disabledAt: new Date(), disabledReason: 'Disabled by an admin.' },
    });
    const disabled = await sendToAlertChannel({
      channel: { ...channel, target: created.subscription.id },
      notices: [notice()],
      now: new Date(),
    });
    expect(disabled).toMatchObject({
      ok: false,
      error: expect.stringContaining('is disabled (Disabled by an admin.)'),
    });
  });
});
