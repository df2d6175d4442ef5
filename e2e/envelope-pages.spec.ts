import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

// Unique per run, so a rerun against a kept database never finds an older envelope; base 36 puts the changing digits
// within the first 8 characters, the short id the list shows.
const run = Date.now();
const envelopeId = `${run.toString(36)}-pages`;
const contract = `K-1-${run}`;

async function notify(request: APIRequestContext, hookId: string, fields: Record<string, string>) {
  const query = new URLSearchParams({ contract, envelopeId, ...fields });
  await send(request, hookId, query);
}

async function send(request: APIRequestContext, hookId: string, query: URLSearchParams) {
  const response = await request.get(`/api/webhooks/${hookId}?${query}`);
  expect(response.status(), await response.text()).toBe(200);
}

// Neighbours in every other state, so the list's screenshots show each badge next to the envelope under test.
async function notifyNeighbours(request: APIRequestContext, hookId: string) {
  const neighbours: [suffix: string, custom: Record<string, string>, steps: string[][]][] = [
    ['sent', { contract: 'K-7' }, [['sendSignNotification', '1', 'dan@example.com']]],
    [
      'partial',
      { contract: 'K-8', customer: 'Ionescu SRL', branch: 'Cluj' },
      [
        ['sendSignNotification', '1', 'maria.popescu@example.com'],
        ['sendSignNotification', '2', 'andrei.ionescu@example.com'],
        ['workstepOpened', '1', 'maria.popescu@example.com'],
        ['workstepFinished', '1', 'maria.popescu@example.com'],
      ],
    ],
    [
      'delegated',
      { contract: 'K-9' },
      [
        ['workstepOpened', '1', 'eva@example.com'],
        ['workstepDelegatedSenderActionRequired', '1', 'eva@example.com'],
      ],
    ],
    ['rejected', {}, [['workstepRejected', '1', 'radu@example.com']]],
    ['expired', { contract: 'K-10' }, [['envelopeExpired', '', '']]],
  ];
  for (const [suffix, custom, steps] of neighbours) {
    for (const [action = '', recipientOrder = '', recipientEmail = ''] of steps) {
      const query = new URLSearchParams({ ...custom, envelopeId: `${suffix}-${run}`, action });
      if (recipientOrder) query.set('recipientOrder', recipientOrder);
      if (recipientEmail) query.set('recipientEmail', recipientEmail);
      await send(request, hookId, query);
    }
  }
}

async function screenshot(page: Page, name: string) {
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: `e2e/screenshots/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: `e2e/screenshots/${name}-phone.png`, fullPage: true });
  await page.setViewportSize(DESKTOP);
}

test('an envelope is listed, found by its custom value and shown with its timeline', async ({ page, request }) => {
  const created = await request.post('/api/hooks', { data: { name: `Envelope pages ${run}` } });
  expect(created.status()).toBe(201);
  const hook: { id: string } = await created.json();

  await notifyNeighbours(request, hook.id);
  const recipient = { recipientEmail: 'ana@example.com', recipientOrder: '1' };
  await notify(request, hook.id, { action: 'sendSignNotification', ...recipient });
  await notify(request, hook.id, { action: 'workstepOpened', ...recipient });
  await notify(request, hook.id, { action: 'workstepOpened', ...recipient });
  await notify(request, hook.id, { action: 'workstepFinished', ...recipient });
  await notify(request, hook.id, { action: 'envelopeFinished', FTOSIsFinishCallback: '1' });

  await page.setViewportSize(DESKTOP);
  await page.goto('/');
  const table = page.getByRole('table', { name: 'Envelopes, newest activity first' });
  const row = table.getByRole('row').filter({ has: page.locator(`a[title="${envelopeId}"]`) });
  await expect(row.first()).toContainText('Completed');
  await expect(row.first()).toContainText('1 of 1 signed');
  await screenshot(page, 'home');

  await page.getByRole('searchbox', { name: 'Search' }).fill(contract);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${contract}`));
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue(contract);
  const found = table.getByRole('row').filter({ hasText: contract });
  await expect(found).toHaveCount(1);
  await expect(found).toContainText('Completed');
  await expect(found).toContainText('Finished');

  await found.getByRole('link', { name: `${envelopeId.slice(0, 8)}…` }).click();
  await expect(page).toHaveURL(`/envelopes/${envelopeId}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(envelopeId);

  const steps = page.getByRole('list', { name: 'Timeline' }).getByRole('listitem');
  await expect(steps).toHaveCount(4);
  await expect(steps.nth(0)).toContainText('Invitation sent');
  await expect(steps.nth(1)).toContainText('Opened');
  await expect(steps.nth(1)).toContainText('received 1 more time');
  await expect(steps.nth(2)).toContainText('Signed');
  await expect(steps.nth(3)).toContainText('Finished');
  await expect(steps.nth(3)).toContainText('Finish callback');

  // The request behind a step, decoded: the query string as JSON.
  await steps.nth(0).getByText('Raw notification').click();
  await expect(steps.nth(0).locator('pre')).toContainText('"action": "sendSignNotification"');
  await expect(steps.nth(0).locator('pre')).toContainText(`"contract": "${contract}"`);

  // This suite's server runs in production without SIGNING_PROVIDER: the page says documents cannot come, and why.
  const documents = page.getByRole('region', { name: 'Documents' });
  await expect(documents).toContainText('Documents cannot be fetched');
  await expect(documents).toContainText('set SIGNING_PROVIDER');
  await expect(documents.getByRole('link', { name: /Setup page/ })).toHaveAttribute('href', '/setup');
  await expect(page.getByTestId('reconciliation-status')).toContainText('no signing service is configured');
  await screenshot(page, 'envelope-detail');
});

test('an open envelope page shows new notifications without a reload', async ({ page, request }) => {
  const created = await request.post('/api/hooks', { data: { name: `Live envelope ${run}` } });
  const hook: { id: string } = await created.json();
  const liveId = `${run.toString(36)}-live`;
  const recipient = { recipientEmail: 'ana@example.com', recipientOrder: '1' };
  const notifyLive = (action: string, extra: Record<string, string> = {}) =>
    send(request, hook.id, new URLSearchParams({ envelopeId: liveId, action, ...extra }));
  await notifyLive('sendSignNotification', recipient);

  await page.goto(`/envelopes/${liveId}`);
  const steps = page.getByRole('list', { name: 'Timeline' }).getByRole('listitem');
  await expect(steps).toHaveCount(1);
  await expect(page.getByText('Updating live')).toBeVisible();
  // A value that survives only as long as the document does: a reload or navigation would drop it.
  await page.evaluate(() => Object.assign(window, { envelopeE2eMarker: 'still here' }));

  await notifyLive('workstepOpened', recipient);
  await notifyLive('workstepFinished', recipient);
  await expect(steps).toHaveCount(3, { timeout: 15_000 });
  await expect(steps.nth(2)).toContainText('Signed');
  await expect(page.getByRole('heading', { level: 1 }).locator('..')).toContainText('Partially signed');
  await expect(page.getByRole('region', { name: 'Recipients' })).toContainText('Signed');

  await notifyLive('envelopeFinished', { FTOSIsFinishCallback: '1' });
  await expect(steps).toHaveCount(4, { timeout: 15_000 });
  await expect(page.getByRole('heading', { level: 1 }).locator('..')).toContainText('Completed');
  expect(await page.evaluate(() => (window as { envelopeE2eMarker?: string }).envelopeE2eMarker)).toBe('still here');
});

test('an unknown envelope gets a friendly not-found page that leads home', async ({ page }) => {
  const response = await page.goto(`/envelopes/never-notified-${run}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Envelope not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to all envelopes' }).click();
  await expect(page.getByRole('heading', { name: 'Envelopes', level: 1 })).toBeVisible();
});
