import { expect, test, type APIRequestContext } from '@playwright/test';
import { DESKTOP, screenshot } from './support/screenshots';

// Unique per run, so a rerun against a kept database never finds an older envelope.
const run = Date.now().toString(36);
const rejectedId = `${run}-rejected-ending`;
const completedId = `${run}-completed-ending`;
const rejecter = `oliver.smith.${run}@example.com`;

async function notify(request: APIRequestContext, hookId: string, fields: Record<string, string>) {
  const response = await request.get(`/api/webhooks/${hookId}?${new URLSearchParams(fields)}`);
  expect(response.status(), await response.text()).toBe(200);
}

test('an envelope page names how the envelope ended, and only a completed one is finished', async ({
  page,
  request,
}) => {
  const created = await request.post('/api/hooks', { data: { name: `Endings ${run}` } });
  expect(created.status()).toBe(201);
  const hook: { id: string } = await created.json();

  // Rejected, and the last notification was the finish callback ("completed or rejected").
  const rejecting = { envelopeId: rejectedId, recipientOrder: '1', recipientEmail: rejecter };
  await notify(request, hook.id, { ...rejecting, action: 'sendSignNotification' });
  await notify(request, hook.id, { ...rejecting, action: 'workstepOpened' });
  await notify(request, hook.id, { ...rejecting, action: 'workstepRejected' });
  await notify(request, hook.id, { envelopeId: rejectedId, action: 'envelopeFinished', FTOSIsFinishCallback: '1' });

  const signing = { envelopeId: completedId, recipientOrder: '1', recipientEmail: `ana.${run}@example.com` };
  await notify(request, hook.id, { ...signing, action: 'sendSignNotification' });
  await notify(request, hook.id, { ...signing, action: 'workstepOpened' });
  await notify(request, hook.id, { ...signing, action: 'workstepFinished' });
  await notify(request, hook.id, { envelopeId: completedId, action: 'envelopeFinished', FTOSIsFinishCallback: '1' });

  await page.setViewportSize(DESKTOP);
  await page.goto(`/envelopes/${rejectedId}`);
  const tiles = page.getByTestId('envelope-milestones');
  await expect(page.getByTestId('envelope-ending')).toContainText('Rejected');
  await expect(page.getByTestId('envelope-ending')).toContainText(`Rejected by ${rejecter}`);
  await expect(tiles).toContainText('First open to rejection');
  await expect(tiles).not.toContainText(/finished/i);
  // The timeline may still name the step the finish callback.
  await expect(page.getByRole('list', { name: 'Timeline' })).toContainText('Finish callback');
  // A rejected envelope has no signed document to fetch: nothing about the missing signing service.
  const documents = page.getByRole('region', { name: 'Documents' });
  await expect(documents).toContainText('ended without being completed');
  await expect(documents).not.toContainText('not fetched');
  await expect(page.getByText('Documents cannot be fetched')).toHaveCount(0);
  await screenshot(page, 'envelope-rejected');

  await page.goto(`/envelopes/${completedId}`);
  await expect(page.getByTestId('envelope-ending')).toContainText('Completed');
  await expect(tiles).toContainText('First open to finished');
  // This suite's server runs in production without SIGNING_PROVIDER: one calm line, linked to Setup, no warning box.
  const notice = documents.getByTestId('document-notice');
  await expect(notice).toHaveText(/Signed documents are not fetched/);
  await expect(notice).not.toHaveClass(/amber/);
  await expect(notice.getByRole('link', { name: 'Setup explains why' })).toHaveAttribute('href', /^\/setup/);
  await expect(page.getByText('Documents cannot be fetched')).toHaveCount(0);
  await screenshot(page, 'envelope-completed');

  // Setup explains it once.
  await page.goto('/setup');
  const panel = page.getByTestId('signing-provider-panel');
  await expect(panel.getByText(/To fetch signed documents, set SIGNING_PROVIDER/)).toHaveCount(1);
  await expect(panel.getByText(/No signing service is configured/)).toHaveCount(1);
});

test('insights scale the slowest recipients to the data and offer no fewer days at the minimum', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await page.goto('/insights?period=7&stuck=1');
  const slowest = page.getByTestId('slowest-recipients');
  await expect(slowest).toBeVisible();
  // Waits of seconds in this suite: no hours axis.
  const ticks = slowest.locator('.recharts-cartesian-axis-tick-value');
  await expect(ticks.filter({ hasText: /^\d+(\.\d)? s$/ }).first()).toBeVisible();
  await expect(ticks.filter({ hasText: / h$/ })).toHaveCount(0);
  await expect(page.getByText('Choose fewer days')).toHaveCount(0);
  await screenshot(page, 'insights-scaled');
});
