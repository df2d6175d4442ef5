import { expect, test } from '@playwright/test';
import { screenshot } from './support/screenshots';

test('an integrator creates a hook, copies its URL, receives a notification, secures and revokes it', async ({
  page,
  context,
  request,
}) => {
  // The whole of an integrator's first hour on one page: 28-31 s on a slow 2-core machine, over the default 30 s.
  test.setTimeout(90_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/setup');
  await expect(page.getByRole('heading', { name: 'Setup', level: 1 })).toBeVisible();

  // Other specs share the database, so the hook is found by a name no one else uses.
  const name = `E2E setup ${Date.now()}`;
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Create hook' }).click();

  const card = page.getByRole('region', { name, exact: true });
  await expect(card).toBeVisible();
  // The new hook is far below the form: the page takes the reader there and says so.
  await expect(card.getByRole('heading', { name, exact: true })).toBeFocused();
  await expect(card.getByRole('heading', { name, exact: true })).toBeInViewport();
  await expect(page.locator('#create-hook').getByRole('status')).toHaveText(`Hook ${name} created.`);
  await screenshot(page, 'setup-after-create');
  const statusUrl = card.getByLabel('WebhookStatusUrl', { exact: true });
  await expect(statusUrl).toHaveValue(/\/api\/webhooks\/.+##EnvelopeId##/);

  await card.getByLabel(/Your own parameters/).fill('contract=123');
  await expect(statusUrl).toHaveValue(/\?contract=123&envelopeId=##EnvelopeId##/);
  await expect(card.getByLabel('WebhookUrl', { exact: true })).toHaveValue(/\?contract=123&envelopeId=/);

  const copyButton = card.getByRole('button', { name: 'Copy WebhookStatusUrl' });
  await copyButton.click();
  await expect(copyButton).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await statusUrl.inputValue());

  // What the signing service would send: the placeholders replaced by real values.
  const envelopeId = `e2e-setup-${Date.now()}`;
  const sent = copied
    .replace('##EnvelopeId##', envelopeId)
    .replace('##Action##', 'workstepOpened')
    .replace('##RecipientEmail##', '')
    .replace('##RecipientOrder##', '');
  const url = new URL(sent);
  // PUBLIC_URL may name another host than the test server; the path and query are what the hook reads.
  const response = await request.get(`${url.pathname}${url.search}`);
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ ok: true, envelopeId });

  await screenshot(page, 'setup');

  // eSignAnyWhere's third callback kind has a ready URL too.
  await expect(card.getByLabel('Workstep event callback', { exact: true })).toHaveValue(
    /\?contract=123&envelopeId=##EnvelopeId##&EventType=##EventType##/,
  );

  // A sender that leaves out the envelope id is refused; Setup says so, per hook, with what to check.
  const hookPath = url.pathname;
  expect((await request.get(`${hookPath}?action=workstepOpened`)).status()).toBe(400);
  await page.reload();
  await expect(page.getByTestId('refused-deliveries')).toContainText(
    `1 notification refused in the last 24 hours on hook ${name}: missing envelope id. Check the callback URL`,
  );

  await card.getByLabel('Rate limit').fill('250');
  await card.getByRole('button', { name: 'Save limit' }).click();
  await expect(card.getByText('Saved')).toBeVisible();
  await page.reload();
  await expect(card.getByLabel('Rate limit')).toHaveValue('250');

  await card.getByRole('button', { name: 'Require signatures (generate secret)' }).click();
  const secret = card.getByTestId('signing-secret');
  await expect(secret).toHaveText(/^whsec_.*•+$/);
  // A signed hook takes the notification from its signed body only: no query-string URLs are offered.
  await expect(card.getByTestId('signed-hook-instructions')).toContainText('signed notifications only');
  await expect(card.getByLabel('WebhookStatusUrl', { exact: true })).toHaveCount(0);
  await screenshot(page, 'setup-signed-hook');
  await card.getByRole('button', { name: 'Reveal' }).click();
  await expect(secret).not.toContainText('•');
  await card.getByRole('button', { name: 'Stop requiring signatures' }).click();
  await expect(card.getByText('Not required')).toBeVisible();

  page.once('dialog', (dialog) => void dialog.accept());
  await card.getByRole('button', { name: `Revoke ${name}` }).click();
  await expect(card).toHaveCount(0);
});

test('creating a hook without a usable name shows the API error inline', async ({ page }) => {
  await page.goto('/setup');
  // Spaces pass the browser's required check but not the API's trim.
  await page.getByLabel('Name', { exact: true }).fill('   ');
  await page.getByRole('button', { name: 'Create hook' }).click();
  await expect(page.getByRole('form', { name: 'Create a hook' }).getByRole('alert')).toContainText(
    'Give the hook a name.',
  );
});

test('sending a test notification calls the hook through its public URL and creates a test envelope', async ({
  page,
  request,
}) => {
  const name = `E2E test notification ${Date.now()}`;
  const created = await request.post('/api/hooks', { data: { name } });
  expect(created.status()).toBe(201);

  await page.goto('/setup');
  const card = page.getByRole('region', { name, exact: true });
  await card.getByRole('button', { name: 'Send a test notification' }).click();
  const result = card.getByRole('status').filter({ hasText: 'Test notification' });
  await expect(result).toContainText('Test notification delivered');
  await expect(result).toContainText('HTTP 200');
  await expect(result).toContainText(/the hook stored the test notification as envelope test-\d+/);
  await result.getByText('Request and answer').click();
  await expect(result.locator('pre')).toContainText('"ok":true');
  for (const [width, label] of [
    [1280, 'desktop'],
    [390, 'phone'],
  ] as const) {
    await page.setViewportSize({ width, height: 844 });
    await card.screenshot({ path: `e2e/screenshots/setup-test-notification-${label}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 800 });

  const link = result.getByRole('link', { name: /Open test envelope test-\d+/ });
  const envelopeId = (await link.textContent())!.replace('Open test envelope ', '');
  await link.click();
  await expect(page).toHaveURL(`/envelopes/${envelopeId}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(envelopeId);
  await expect(page.getByText('test.recipient@example.com').first()).toBeVisible();
});

test('a test envelope is hidden from the list unless asked for, and Setup removes it', async ({ page, request }) => {
  const name = `E2E test envelopes ${Date.now()}`;
  const created = await request.post('/api/hooks', { data: { name } });
  expect(created.status()).toBe(201);
  const hook = (await created.json()) as { id: string };
  const tested = await request.post(`/api/hooks/${hook.id}/test`);
  const { envelopeId } = (await tested.json()) as { envelopeId: string };

  const listed = async (query: string) =>
    (
      (await (await request.get(`/api/envelopes?hook=${hook.id}${query}`)).json()) as { items: { id: string }[] }
    ).items.map((item) => item.id);
  expect(await listed('')).toEqual([]);
  expect(await listed('&tests=include')).toEqual([envelopeId]);

  await page.goto('/setup');
  page.once('dialog', (dialog) => void dialog.accept());
  const section = page.getByRole('region', { name: 'Test envelopes', exact: true });
  await section.getByRole('button', { name: 'Remove test envelopes' }).click();
  await expect(section.getByRole('status')).toHaveText(/Removed \d+ test envelopes?\./);
  expect(await listed('&tests=include')).toEqual([]);
  expect((await request.get(`/api/envelopes/${envelopeId}`)).status()).toBe(404);
});
