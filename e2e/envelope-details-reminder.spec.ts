import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { startOwnAppServerForFile } from './support/own-app-server';
import { screenshot } from './support/screenshots';

// A production server of its own with the sandbox as its signing service: an open simulated envelope gets its name,
// sender and expiry from the sandbox API (the sweeper's first-sight read), and "Send reminder" goes through the
// eSignAnyWhere adapter to the sandbox's remind endpoint and back onto the timeline.
const SANDBOX_TOKEN = 'e2e-sandbox-token-details-0123';
const stamp = Date.now();
const DATABASE_URL = `file:./data/e2e-details-reminder/${stamp}.db`;
const run = promisify(execFile);
const DAY_MS = 86_400_000;

const server = startOwnAppServerForFile({
  SIGNING_PROVIDER: 'sandbox',
  SANDBOX_API_TOKEN: SANDBOX_TOKEN,
  DATABASE_URL,
  DOCUMENT_STORAGE_DIR: `./data/e2e-details-reminder/documents-${stamp}`,
});

async function sandbox<T>(path: string): Promise<T> {
  const response = await fetch(`${server.baseUrl}/api/sandbox/esignanywhere/Api/v6/${path}`, {
    headers: { apiToken: SANDBOX_TOKEN },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

/** One simulated envelope that stays open (someone has yet to sign), played against a new hook; its id. */
async function simulateOpenEnvelope(seed = '49206'): Promise<string> {
  const created = await fetch(`${server.baseUrl}/api/hooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Details and reminders' }),
  });
  expect(created.status).toBe(201);
  const hook = (await created.json()) as { id: string };
  const { stdout } = await run(
    'npm',
    [
      'run',
      '--silent',
      'simulate',
      '--',
      '--envelopes',
      '1',
      '--outcome',
      'in_progress',
      '--delay-ms',
      '50',
      '--seed',
      seed,
      '--target',
      `${server.baseUrl}/api/webhooks/${hook.id}`,
    ],
    { env: { ...process.env, DATABASE_URL, SIGNING_PROVIDER: 'sandbox' } },
  );
  const line = stdout.split('\n').find((text) => text.startsWith('✓ '));
  expect(line, stdout).toBeDefined();
  return line!.split(/\s+/)[1]!;
}

test('an open envelope shows the name, sender and expiry from the signing service, and sends a reminder', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const envelopeId = await simulateOpenEnvelope();
  const remote = await sandbox<{
    Name: string;
    EnvelopeStatus: string;
    Sender: { GivenName: string; Surname: string };
  }>(`envelope/${envelopeId}`);
  expect(remote.EnvelopeStatus).toBe('Active');
  const configuration = await sandbox<{ ExpirationConfiguration: { ExpirationDate: string } }>(
    `envelope/${envelopeId}/configuration`,
  );
  const daysLeft = Math.ceil((Date.parse(configuration.ExpirationConfiguration.ExpirationDate) - Date.now()) / DAY_MS);
  expect(daysLeft).toBeGreaterThanOrEqual(13);
  expect(daysLeft).toBeLessThanOrEqual(30);

  // The sweeper reads the details of a new envelope within seconds; the open page picks them up by itself.
  await page.goto(`${server.baseUrl}/envelopes/${envelopeId}`);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toContainText(remote.Name, { timeout: 45_000 });
  await expect(heading).toContainText(envelopeId);
  // The title is the server's: before the read it falls back to the contract custom value, then it is the name.
  await page.reload();
  await expect(page).toHaveTitle(new RegExp(remote.Name.slice(0, 20)));
  const facts = page.getByTestId('envelope-facts');
  await expect(facts).toContainText(`${remote.Sender.GivenName} ${remote.Sender.Surname}`);
  await expect(facts).toContainText('Sent');
  await expect(page.getByTestId('expiry-note')).toHaveText(`Expires in ${daysLeft} days`);

  // The list answers at a glance with the same: the name as the row's link, who it waits on, the deadline.
  await page.goto(`${server.baseUrl}/`);
  const row = page.locator(`tr[data-envelope-id="${envelopeId}"]`);
  await expect(row.getByRole('link', { name: remote.Name })).toBeVisible();
  await expect(row).toContainText('Waiting on');
  await expect(row).toContainText(/expires (in|on) /);
  await page.goto(`${server.baseUrl}/envelopes/${envelopeId}`);

  await page.getByRole('button', { name: 'Send reminder' }).click();
  await expect(page.getByTestId('reminder-status')).toHaveText('Reminded 1 recipient.');
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByText('Reminder sent')).toBeVisible();

  await screenshot(page, 'envelope-details-reminder');

  // A second reminder within the hour is held back by the service's rate limit: said so, and no second step.
  await page.getByRole('button', { name: 'Send reminder' }).click();
  await expect(page.getByTestId('reminder-status')).toHaveText('Reminded 0 recipients; 1 skipped (rate limit).');
  await expect(timeline.getByText('Reminder sent')).toHaveCount(1);
});

test('"Send reminders" for a selection of the list reminds each envelope, says how it went, and puts it on each timeline', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const selected = [await simulateOpenEnvelope('51001'), await simulateOpenEnvelope('51002')];
  await page.goto(`${server.baseUrl}/`);
  for (const envelopeId of selected) {
    await page.locator(`tr[data-envelope-id="${envelopeId}"]`).getByRole('checkbox').check();
  }
  await expect(page.getByTestId('selection-count')).toHaveText('2 envelopes selected');
  await page.getByRole('button', { name: 'Send reminders' }).click();
  await expect(page.getByTestId('selection-reminder-status')).toHaveText(
    /^Reminded [1-9]\d* recipients? on 2 envelopes\.$/,
  );
  // Done: the selection is cleared, the outcome stays.
  await expect(page.getByTestId('selection-count')).toHaveCount(0);
  await screenshot(page, 'home-selection-reminders');

  for (const envelopeId of selected) {
    await page.goto(`${server.baseUrl}/envelopes/${envelopeId}`);
    await expect(page.getByRole('region', { name: 'Timeline' }).getByText('Reminder sent')).toHaveCount(1);
  }
});
