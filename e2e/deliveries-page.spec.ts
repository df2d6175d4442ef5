import { expect, test } from '@playwright/test';
import { DESKTOP, screenshot } from './support/screenshots';

// Unique per run, so a rerun against a kept database never finds an older envelope.
const run = Date.now();
const envelopeId = `${run.toString(36)}-deliveries`;

test('the delivery log shows accepted and refused requests, filters them and replays one', async ({
  page,
  request,
}) => {
  const created = await request.post('/api/hooks', { data: { name: `Deliveries ${run}` } });
  expect(created.status()).toBe(201);
  const hook: { id: string } = await created.json();

  const good = await request.get(`/api/webhooks/${hook.id}?envelopeId=${envelopeId}&action=workstepOpened`);
  expect(good.status(), await good.text()).toBe(200);
  const refused = await request.get(`/api/webhooks/${hook.id}?action=workstepFinished`);
  expect(refused.status()).toBe(400);

  await page.setViewportSize(DESKTOP);
  await page.goto(`/deliveries?hook=${hook.id}`);
  const table = page.getByRole('table', { name: 'Deliveries, newest first' });
  const bodies = table.locator('tbody');
  await expect(bodies).toHaveCount(2);
  const accepted = bodies.filter({ hasText: 'Accepted' });
  const rejected = bodies.filter({ hasText: 'Rejected' });
  await expect(accepted).toContainText('Opened');
  await expect(accepted.getByRole('link', { name: envelopeId.slice(0, 8) })).toHaveAttribute(
    'href',
    `/envelopes/${envelopeId}`,
  );
  await expect(rejected).toContainText('no envelopeId');
  await expect(page.getByRole('combobox', { name: 'Hook' })).toHaveValue(hook.id);
  // Open, so the screenshots show the raw request panel too.
  await accepted.getByText('Raw request').click();
  await screenshot(page, 'deliveries');

  await page.getByRole('combobox', { name: 'Outcome' }).selectOption('rejected');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/[?&]outcome=rejected/);
  await expect(page).toHaveURL(new RegExp(`[?&]hook=${hook.id}`));
  await expect(bodies).toHaveCount(1);
  await expect(bodies.first()).toContainText('Rejected');
  await expect(bodies.first()).toContainText('missing_envelope_id');
  await expect(page.getByRole('combobox', { name: 'Outcome' })).toHaveValue('rejected');

  await page.goto(`/deliveries?hook=${hook.id}&outcome=accepted`);
  await expect(bodies).toHaveCount(1);
  const row = bodies.first();
  await row.getByText('Raw request').click();
  await expect(row.locator('pre').first()).toHaveText(`GET ?envelopeId=${envelopeId}&action=workstepOpened`);
  const originalId = await row.locator('tr').first().getAttribute('data-delivery-id');
  await row.getByRole('button', { name: 'Replay' }).click();

  // The outcome stays above the list (and takes the focus) until the next action or dismissal.
  const outcome = page.getByTestId('replay-outcome');
  await expect(outcome).toContainText('Replayed: already stored, nothing changed (duplicate).');
  await expect(outcome).toBeFocused();
  await page.waitForTimeout(2_500);
  await expect(outcome).toBeVisible();

  // The copy is a duplicate, outside this "accepted" view: the link opens its envelope's deliveries, copy first.
  await outcome.getByRole('link', { name: 'Show the new delivery' }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]envelope=${envelopeId}`));
  await expect(outcome).toBeVisible();
  await expect(bodies).toHaveCount(2);
  const copy = bodies.first();
  await expect(copy).toContainText('Duplicate');
  await expect(copy).toContainText('Replay of');
  await expect(copy.locator('tr').first()).not.toHaveAttribute('data-delivery-id', originalId ?? '');
  await expect(copy).toBeInViewport();
  await expect(bodies.nth(1).locator('tr').first()).toHaveAttribute('data-delivery-id', originalId ?? '');
  await screenshot(page, 'deliveries-after-replay');

  await outcome.getByRole('button', { name: 'Dismiss' }).click();
  await expect(outcome).toHaveCount(0);
  await expect(page).not.toHaveURL(/replayed=/);
});
