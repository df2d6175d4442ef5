import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type APIRequestContext, type Locator } from '@playwright/test';
import { Webhook } from 'standardwebhooks';
import { screenshot } from './support/screenshots';

// Webhooks out, end to end: a subscription made in Setup, real notifications coming in through a hook, and a
// receiver of our own that checks every request the way a customer's system would, with the standardwebhooks package.

const run = Date.now().toString(36);

type Received = { webhookId: string; type: string; envelopeId: unknown; verifiedWith: string[] };

/**
 * A receiving endpoint on 127.0.0.1. It learns the signing keys only once Setup has shown them, and records every
 * request with which of the keys it knows verify it; it answers 200 either way, and the test checks the record.
 */
async function startReceiver() {
  const keys: string[] = [];
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = Object.fromEntries(
        ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => [name, String(request.headers[name])]),
      );
      const verifiedWith = keys.filter((key) => {
        try {
          new Webhook(key).verify(body, headers);
          return true;
        } catch {
          return false;
        }
      });
      const { type, data } = JSON.parse(body) as { type: string; data: { envelopeId?: unknown } };
      received.push({ webhookId: headers['webhook-id']!, type, envelopeId: data.envelopeId, verifiedWith });
      response.writeHead(200, { 'content-type': 'text/plain' }).end(`received ${type}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/${run}`,
    received,
    learnKey: (key: string) => keys.push(key),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let receiver: Awaited<ReturnType<typeof startReceiver>>;

test.beforeAll(async () => {
  receiver = await startReceiver();
});

test.afterAll(async () => {
  await receiver.close();
});

async function notify(request: APIRequestContext, hookId: string, fields: Record<string, string>) {
  const response = await request.get(`/api/webhooks/${hookId}?${new URLSearchParams(fields)}`);
  expect(response.status(), await response.text()).toBe(200);
}

/** The key a one-time panel shows, read from the page as a person would copy it. */
async function readShownKey(panel: Locator): Promise<string> {
  const key = await panel.getByLabel('Signing key', { exact: true }).inputValue();
  expect(key).toMatch(/^whsec_/);
  return key;
}

/** An address on 127.0.0.1 where nothing listens: every request to it fails at once. */
async function closedPortUrl(path: string): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}${path}`;
}

const attempts = (card: Locator) => card.getByTestId('subscription-attempt');
const attemptOf = (card: Locator, type: string) =>
  attempts(card).filter({ has: card.page().getByTestId('attempt-event-type').getByText(type, { exact: true }) });

test('an integrator subscribes an endpoint, watches signed events arrive, resends one, tests, rotates, disables and deletes', async ({
  page,
  context,
  request,
}) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/setup');
  const section = page.getByRole('region', { name: 'Webhooks out' });
  await expect(section).toBeVisible();

  await section.getByText('How events are delivered').click();
  await expect(section).toContainText(
    'tried again after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h, then marked failed',
  );

  const form = section.getByRole('form', { name: 'Add a subscription' });
  await form.getByLabel('Endpoint URL').fill(receiver.url);
  await form.getByLabel(/Description/).fill(`E2E CRM ${run}`);
  for (const type of ['envelope.sent', 'recipient.invited', 'recipient.opened']) {
    await form.getByRole('checkbox', { name: type, exact: true }).check();
  }
  await expect(form).toContainText('Only the 3 checked types are sent.');
  await form.getByRole('button', { name: 'Add subscription' }).click();

  // The key is shown this once, with a copy button and how to verify.
  await expect(form.getByRole('status')).toHaveText('Subscription added. Its signing key is shown below, this once.');
  const created = form.getByTestId('one-time-secret');
  await expect(created).toContainText(`Subscription to ${receiver.url} added`);
  await expect(created).toContainText('it will not be shown again');
  await expect(created).toContainText('new Webhook(secret).verify(body, headers)');
  const key = await readShownKey(created);
  await created.getByRole('button', { name: 'Copy signing key' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  receiver.learnKey(key);

  const card = section.getByRole('region', { name: receiver.url, exact: true });
  await expect(card).toBeVisible();
  await expect(card).toContainText(`E2E CRM ${run}`);
  await expect(card.getByTestId('subscription-state')).toHaveText('Enabled');
  await expect(card).toContainText('No attempts yet');
  await screenshot(page, 'setup-subscription-created');
  await created.getByRole('button', { name: 'I have saved the key' }).click();
  await expect(page.getByTestId('one-time-secret')).toHaveCount(0);

  // A second subscription, made through the API: a long address (it must wrap on a phone) where nothing listens.
  const failingUrl = await closedPortUrl(
    `/integrations/envelope-tracker/webhooks/receive-signed-events-for-contract-management-${run}?tenant=acme-holdings-international&environment=production-eu-west`,
  );
  const failing = await request.post('/api/subscriptions', { data: { url: failingUrl } });
  expect(failing.status(), await failing.text()).toBe(201);
  const failingId = ((await failing.json()) as { id: string }).id;

  // Activity on an envelope, through a hook as the signing service would send it: an invitation and an open, whose
  // events are all subscribed but envelope.opened.
  const hook = await request.post('/api/hooks', { data: { name: `Subscriptions ${run}` } });
  expect(hook.status()).toBe(201);
  const hookId = ((await hook.json()) as { id: string }).id;
  const envelopeId = `e2e-subscriptions-${run}`;
  const recipient = { recipientOrder: '1', recipientEmail: `a.${run}@example.com` };
  await notify(request, hookId, { envelopeId, action: 'sendSignNotification', ...recipient });
  await notify(request, hookId, { envelopeId, action: 'workstepOpened', ...recipient });

  // The card's attempts list fills in by itself.
  for (const type of ['envelope.sent', 'recipient.invited', 'recipient.opened']) {
    const attempt = attemptOf(card, type);
    await expect(attempt).toHaveCount(1);
    await expect(attempt).toContainText('HTTP 200');
    await expect(attempt).toContainText(`received ${type}`);
  }
  await expect(attemptOf(card, 'envelope.opened')).toHaveCount(0);
  await expect(card.getByTestId('delivery-counts')).toContainText(/Delivered\s*3/);
  const ofEnvelope = receiver.received.filter((entry) => entry.envelopeId === envelopeId);
  expect(ofEnvelope.map((entry) => entry.type)).toEqual(['envelope.sent', 'recipient.invited', 'recipient.opened']);
  expect(receiver.received.every((entry) => entry.verifiedWith.length > 0)).toBe(true);

  // The other one fails every request: its card says so, with what the connection ran into.
  const failingCard = section.getByRole('region', { name: failingUrl, exact: true });
  await expect(failingCard.getByTestId('subscription-state')).toHaveText('Failing');
  await expect(failingCard.getByTestId('subscription-failing')).toContainText('Failing since');
  await expect(attemptOf(failingCard, 'envelope.sent').first()).toContainText('No answer');
  await expect(attemptOf(failingCard, 'envelope.sent').first()).toContainText('could not connect: ECONNREFUSED');

  // Resend: the same event again, under the same webhook-id, as a second attempt.
  const sent = attemptOf(card, 'envelope.sent');
  const eventId = (await sent.getAttribute('data-event-id'))!;
  await sent.getByRole('button', { name: `Resend envelope.sent event ${eventId}` }).click();
  await expect(card.getByRole('status').filter({ hasText: 'Queued again' })).toBeVisible();
  await expect(card.locator(`[data-testid="subscription-attempt"][data-event-id="${eventId}"]`)).toHaveCount(2);
  await expect.poll(() => receiver.received.filter((entry) => entry.webhookId === eventId).length).toBe(2);
  expect(receiver.received.every((entry) => entry.verifiedWith.length > 0)).toBe(true);

  // A test event, now, with what the endpoint answered; it is listed with the attempts too.
  await card.getByRole('button', { name: 'Send test event' }).click();
  const testResult = card.getByTestId('test-event-result');
  await expect(testResult).toContainText('Test event delivered');
  await expect(testResult).toContainText('HTTP 200');
  await expect(testResult).toContainText('received subscription.test');
  await expect(attemptOf(card, 'subscription.test')).toHaveCount(1);
  // Test events are not in the change feed: nothing to resend.
  await expect(attemptOf(card, 'subscription.test').getByRole('button', { name: /Resend/ })).toHaveCount(0);
  expect(
    receiver.received.filter((entry) => entry.type === 'subscription.test' && entry.verifiedWith.length > 0),
  ).toHaveLength(1);
  await screenshot(page, 'setup-subscription-attempts');
  expect((await request.delete(`/api/subscriptions/${failingId}`)).status()).toBe(204);
  await expect(failingCard).toHaveCount(0);

  // A new key, shown once; each request carries a signature with each key, so a receiver on either accepts it.
  page.once('dialog', (dialog) => void dialog.accept());
  await card.getByRole('button', { name: 'Rotate key' }).click();
  await expect(card.getByRole('status').filter({ hasText: 'New signing key made' })).toBeAttached();
  const rotatedKey = await readShownKey(card.getByTestId('one-time-secret'));
  expect(rotatedKey).not.toBe(key);
  await expect(card).toContainText('The previous key still signs alongside the new one until');
  receiver.learnKey(rotatedKey);
  await card.getByRole('button', { name: 'Send test event' }).click();
  await expect(attemptOf(card, 'subscription.test')).toHaveCount(2);
  expect(receiver.received.at(-1)).toMatchObject({ type: 'subscription.test', verifiedWith: [key, rotatedKey] });
  await card.getByRole('button', { name: 'I have saved the key' }).click();

  // Disabled: said at the top of the card, with the way back.
  await card.getByRole('button', { name: 'Disable', exact: true }).click();
  await expect(card.getByTestId('subscription-state')).toHaveText('Disabled');
  const disabled = card.getByTestId('subscription-disabled');
  await expect(disabled).toContainText('Disabled by an admin.');
  await screenshot(page, 'setup-subscription-disabled');
  await disabled.getByRole('button', { name: 'Enable' }).click();
  await expect(card.getByTestId('subscription-state')).toHaveText('Enabled');
  await expect(card.getByTestId('subscription-disabled')).toHaveCount(0);

  page.once('dialog', (dialog) => void dialog.accept());
  await card.getByRole('button', { name: `Delete the subscription to ${receiver.url}` }).click();
  await expect(card).toHaveCount(0);
  // Gone from the server too, not only from the page.
  await page.reload();
  await expect(section.getByRole('region', { name: receiver.url, exact: true })).toHaveCount(0);
});

test('an address the API refuses shows its message next to the form', async ({ page }) => {
  await page.goto('/setup');
  const form = page.getByRole('form', { name: 'Add a subscription' });
  await form.getByLabel('Endpoint URL').fill('ftp://files.example.com/drop');
  await form.getByRole('button', { name: 'Add subscription' }).click();
  await expect(form.getByRole('alert')).toHaveText('Use an https address (not ftp:).');
  await expect(page.getByTestId('one-time-secret')).toHaveCount(0);
});
