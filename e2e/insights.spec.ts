import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { storedTime, updateEnvelopeColumns } from './support/suite-database';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const DAY = 24 * 60 * 60 * 1000;
const run = Date.now();
const completedId = `${run.toString(36)}-insight-done`;
const waitingId = `${run.toString(36)}-insight-wait`;

async function notify(request: APIRequestContext, hookId: string, fields: Record<string, string>) {
  const response = await request.get(`/api/webhooks/${hookId}?${new URLSearchParams(fields)}`);
  expect(response.status(), await response.text()).toBe(200);
}

async function seed(request: APIRequestContext) {
  const created = await request.post('/api/hooks', { data: { name: `Insights ${run}` } });
  expect(created.status()).toBe(201);
  const { id: hookId } = (await created.json()) as { id: string };
  const ana = { recipientEmail: 'ana.slow@example.com', recipientOrder: '1' };
  for (const action of ['sendSignNotification', 'workstepOpened', 'workstepFinished']) {
    await notify(request, hookId, { envelopeId: completedId, action, ...ana });
  }
  await notify(request, hookId, { envelopeId: completedId, action: 'envelopeFinished', FTOSIsFinishCallback: '1' });
  const dan = { recipientEmail: 'dan@example.com', recipientOrder: '1' };
  await notify(request, hookId, { envelopeId: waitingId, action: 'sendSignNotification', ...dan });
  await notify(request, hookId, { envelopeId: waitingId, action: 'workstepOpened', ...dan });
  // Quiet for two days: of this suite's envelopes (none older than the run), only this test's are.
  updateEnvelopeColumns(waitingId, { lastEventAt: storedTime(new Date(Date.now() - 2 * DAY)) });
}

async function screenshot(page: Page) {
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: 'e2e/screenshots/insights-desktop.png', fullPage: true });
  await page.setViewportSize(PHONE);
  // Charts follow their box's width after a resize.
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'e2e/screenshots/insights-phone.png', fullPage: true });
  await page.setViewportSize(DESKTOP);
}

// A reader far from the server's UTC: days and times must be theirs.
test.use({ timezoneId: 'Europe/Bucharest' });

test('insights chart the notifications and link the stuck envelopes to their pages', async ({ page, request }) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    // Failed requests are checked by URL below; the console line does not say which.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(message.text());
    }
  });
  page.on('response', (response) => {
    // The app has no favicon; every other request must succeed.
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) {
      problems.push(`${response.status()} ${response.url()}`);
    }
  });
  await seed(request);
  await page.clock.install({ time: new Date() });
  await page.setViewportSize(DESKTOP);

  await page.goto('/insights?period=7&stuck=1');
  await expect(page.getByRole('heading', { name: 'Insights', level: 1 })).toBeVisible();
  // The first visit stores the browser's zone and the page is counted again in it.
  await expect(page.getByText('Days are counted in Europe/Bucharest time.')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Period' }).getByRole('link', { name: '7 days' })).toHaveAttribute(
    'aria-current',
    'true',
  );

  const completed = page.getByRole('region', { name: 'Envelopes completed per day' });
  await expect(completed.getByTestId('completed-per-day-summary')).toContainText(
    /\d+ envelopes? completed in the last 7 days/,
  );
  await expect(completed.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await completed.getByText('Show the numbers').click();
  const days = completed.getByRole('table', { name: 'Envelopes completed per day' });
  await expect(days.getByRole('row')).toHaveCount(8); // header and seven days
  const today = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Bucharest',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date());
  await expect(days.getByRole('row').last()).toContainText(today);
  await expect(days.getByRole('row').last().getByRole('cell')).not.toHaveText('0');

  const funnel = page.getByRole('region', { name: 'From sent to completed' });
  await expect(funnel.getByTestId('funnel-summary')).toContainText(/Of \d+ envelopes sent in the last 7 days/);
  await expect(funnel.locator('.recharts-bar-rectangle')).toHaveCount(4);
  await expect(page.getByTestId('open-to-completion-summary')).toContainText('first opened');
  const slowest = page.getByRole('region', { name: 'Recipients slowest to sign' });
  await slowest.getByText('Show the numbers').click();
  await expect(slowest.getByRole('table')).toContainText('ana.slow@example.com');

  const stuck = page.getByRole('region', { name: 'Stuck envelopes' });
  await expect(stuck.getByRole('link', { name: '1 day', exact: true })).toHaveAttribute('aria-current', 'true');
  const row = stuck.getByRole('row').filter({ has: page.locator(`a[title="${waitingId}"]`) });
  await expect(row).toContainText('Opened');
  await expect(row).toContainText('0 of 1 signed');
  await expect(stuck.locator(`a[title="${completedId}"]`)).toHaveCount(0);

  // Relative times keep moving without a reload, and show the reader's zone on hover.
  const lastActivity = row.locator('time');
  await expect(lastActivity).toHaveText('2 days ago');
  await expect(lastActivity).toHaveAttribute('title', /EET$/);
  await page.clock.fastForward('24:00:00');
  await expect(lastActivity).toHaveText('3 days ago');

  await screenshot(page);
  expect(problems).toEqual([]);

  await row.getByRole('link').click();
  await expect(page).toHaveURL(`/envelopes/${waitingId}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(waitingId);

  // Every stuck envelope, past the table's first few, is one link away in the envelope list, quietest first.
  await page.goBack();
  await stuck.getByRole('link', { name: /^See (them|all [\d,]+) in the envelope list$/ }).click();
  await expect(page).toHaveURL(/\/\?quietFor=1&sort=activity&dir=asc$/);
  await expect(page.getByRole('combobox', { name: 'No activity for more than' })).toHaveValue('1');
  await expect(page.locator(`#envelope-table tbody tr[data-envelope-id="${waitingId}"]`)).toBeVisible();
  await expect(page.locator(`#envelope-table tbody tr[data-envelope-id="${completedId}"]`)).toHaveCount(0);
});

test('a hand-edited period is explained, and the stuck threshold comes from the URL', async ({ page }) => {
  await page.goto('/insights?period=10');
  await expect(page.getByRole('alert').filter({ hasText: 'cannot be applied' })).toContainText(
    'period: must be 7, 30 or 90 (days)',
  );
  await page.getByRole('link', { name: 'Show the last 30 days' }).click();
  await expect(page).toHaveURL('/insights');
  await page
    .getByRole('region', { name: 'Stuck envelopes' })
    .getByRole('link', { name: '14 days', exact: true })
    .click();
  await expect(page).toHaveURL('/insights?stuck=14');
  await expect(page.getByTestId('stuck-envelopes-summary')).toContainText('for more than 14 days');
});
