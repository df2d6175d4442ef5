import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DESKTOP, PHONE, screenshot } from './support/screenshots';
import { storedTime, updateEnvelopeColumns } from './support/suite-database';

// Envelopes come in through the webhook, as in production. Their name, sent time and deadline come from the signing
// service, which this suite's server has none of: they are written into the suite's own SQLite database directly.

const run = Date.now().toString(36);
const DAY = 24 * 60 * 60 * 1000;

test.use({ timezoneId: 'Europe/Bucharest' });

async function notify(request: APIRequestContext, hookId: string, fields: Record<string, string>) {
  const response = await request.get(`/api/webhooks/${hookId}?${new URLSearchParams(fields)}`);
  expect(response.status(), await response.text()).toBe(200);
}

/** What the signing service would have told. */
function setDetails(id: string, details: { name?: string; sentAt?: Date; expiresAt?: Date }) {
  updateEnvelopeColumns(id, {
    name: details.name ?? null,
    sentAt: storedTime(details.sentAt),
    expiresAt: storedTime(details.expiresAt),
  });
}

/** Seven envelopes, one per situation; `tag` keeps each test's ids apart. */
async function seed(request: APIRequestContext, tag: string) {
  const created = await request.post('/api/hooks', { data: { name: `Glance ${tag} ${run}` } });
  expect(created.status()).toBe(201);
  const hookId = ((await created.json()) as { id: string }).id;
  const ids = {
    waiting: `${run}-${tag}-waiting`,
    later: `${run}-${tag}-later`,
    rejected: `${run}-${tag}-rejected`,
    completed: `${run}-${tag}-completed`,
    expired: `${run}-${tag}-expired`,
    sent: `${run}-${tag}-sent`,
    test: `test-${run}-${tag}`,
  };
  const r = (order: string, email: string) => ({
    recipientOrder: order,
    recipientEmail: `${email}.${run}@example.com`,
  });
  await notify(request, hookId, { envelopeId: ids.expired, action: 'sendSignNotification', ...r('1', 'vlad') });
  await notify(request, hookId, { envelopeId: ids.expired, action: 'envelopeExpired' });
  await notify(request, hookId, { envelopeId: ids.completed, action: 'workstepFinished', ...r('1', 'ana') });
  await notify(request, hookId, { envelopeId: ids.completed, action: 'envelopeFinished', FTOSIsFinishCallback: '1' });
  await notify(request, hookId, { envelopeId: ids.rejected, action: 'workstepRejected', ...r('1', 'radu') });
  await notify(request, hookId, { envelopeId: ids.rejected, action: 'envelopeFinished', FTOSIsFinishCallback: '1' });
  await notify(request, hookId, { envelopeId: ids.later, action: 'workstepOpened', ...r('1', 'ioana') });
  await notify(request, hookId, { envelopeId: ids.sent, action: 'sendSignNotification', ...r('1', 'dan') });
  await notify(request, hookId, { envelopeId: ids.waiting, action: 'sendSignNotification', ...r('1', 'maria') });
  await notify(request, hookId, { envelopeId: ids.waiting, action: 'sendSignNotification', ...r('2', 'andrei') });
  await notify(request, hookId, { envelopeId: ids.waiting, action: 'workstepFinished', ...r('1', 'maria') });
  await notify(request, hookId, { envelopeId: ids.test, action: 'workstepOpened', ...r('1', 'setup') });

  const now = Date.now();
  setDetails(ids.waiting, {
    name: `Loan agreement ${run}`,
    sentAt: new Date(now - 5 * DAY),
    expiresAt: new Date(now + 2 * DAY + 60_000),
  });
  setDetails(ids.later, { name: `Lease ${run}`, sentAt: new Date(now - DAY), expiresAt: new Date(now + 10 * DAY) });
  setDetails(ids.expired, { sentAt: new Date(now - 30 * DAY), expiresAt: new Date(now - DAY - 60_000) });
  setDetails(ids.rejected, {
    name: `Contract_de_credit_ipotecar_nr_2025_000123_semnat_final_versiune_2_${run}.pdf`,
    sentAt: new Date(now - 3 * DAY),
  });
  return { hookId, ids };
}

const rows = (page: Page) => page.locator('#envelope-table tbody tr');
const rowOf = (page: Page, id: string) => page.locator(`#envelope-table tbody tr[data-envelope-id="${id}"]`);
const rowIds = (page: Page) => rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-envelope-id')));

/** Console errors of the page, to be empty at the end of a test. */
function consoleErrorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

test('the list answers at a glance: names, who it waits on, deadlines, and the whole row opens the envelope', async ({
  page,
  request,
}) => {
  const { hookId, ids } = await seed(request, 'glance');
  const consoleErrors = consoleErrorsOf(page);
  await page.setViewportSize(DESKTOP);
  await page.goto(`/?hook=${hookId}`);

  // Test envelopes stay out by default, from the rows and the counts.
  await expect(rows(page)).toHaveCount(6);
  await expect(rowOf(page, ids.test)).toHaveCount(0);
  await expect(
    page.getByRole('navigation', { name: 'Envelopes by status' }).getByRole('link', { name: 'All 6' }),
  ).toBeVisible();

  const waiting = rowOf(page, ids.waiting);
  await expect(waiting.getByRole('link', { name: `Loan agreement ${run}` })).toHaveAttribute(
    'href',
    `/envelopes/${ids.waiting}`,
  );
  await expect(waiting).toContainText('1 of 2 signed');
  await expect(waiting).toContainText(`Waiting on andrei.${run}@example.com since just now`);
  await expect(waiting.locator('[data-deadline]')).toHaveText('expires in 2 days');
  await expect(waiting.locator('[data-deadline]')).toHaveAttribute('data-deadline', 'soon');
  await expect(rowOf(page, ids.later).locator('[data-deadline]')).toHaveAttribute('data-deadline', 'later');
  await expect(rowOf(page, ids.expired).locator('[data-deadline]')).toHaveText('expired 1 day ago');
  // A rejection whose last notification was the finish callback says so, and who rejected it.
  const rejected = rowOf(page, ids.rejected);
  await expect(rejected).toContainText('Rejected');
  await expect(rejected).toContainText(`Rejected by radu.${run}@example.com`);
  await expect(rejected).not.toContainText('Finished');
  await expect(rowOf(page, ids.completed)).not.toContainText('Finished');
  await screenshot(page, 'home-glance');

  // The whole row is the link: a click anywhere on it, and the keyboard, open the envelope.
  // (The row's link covers the text, as it should: the mouse clicks where the text is.)
  const progress = (await waiting.getByText('1 of 2 signed').boundingBox())!;
  await page.mouse.click(progress.x + progress.width / 2, progress.y + progress.height / 2);
  await expect(page).toHaveURL(`/envelopes/${ids.waiting}`);
  await page.goBack();
  await rowOf(page, ids.later).getByRole('link').first().focus();
  await expect(rowOf(page, ids.later).getByRole('link').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/envelopes/${ids.later}`);
  await page.goBack();

  expect(consoleErrors).toEqual([]);
});

test('sorts live in the URL and survive a reload', async ({ page, request }) => {
  const { hookId, ids } = await seed(request, 'sorts');
  const consoleErrors = consoleErrorsOf(page);
  await page.setViewportSize(DESKTOP);
  await page.goto(`/?hook=${hookId}`);
  await expect(rows(page)).toHaveCount(6);

  // Sort by deadline, soonest first: unknown deadlines last. The order lives in the URL and survives a reload.
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('deadline');
  await page.getByRole('combobox', { name: 'Order' }).selectOption('asc');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/[?&]sort=deadline&dir=asc/);
  const deadlineOrder = [ids.expired, ids.waiting, ids.later];
  await expect.poll(() => rowIds(page).then((list) => list.slice(0, 3))).toEqual(deadlineOrder);
  await page.reload();
  await expect.poll(() => rowIds(page).then((list) => list.slice(0, 3))).toEqual(deadlineOrder);
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('deadline');

  // Sent, newest first; then status in the lifecycle's order.
  await page.goto(`/?hook=${hookId}&sort=sent&dir=desc`);
  await expect
    .poll(() => rowIds(page).then((list) => list.slice(0, 4)))
    .toEqual([ids.later, ids.rejected, ids.waiting, ids.expired]);
  await page.goto(`/?hook=${hookId}&sort=status&dir=asc`);
  await expect
    .poll(() => rowIds(page))
    .toEqual([ids.sent, ids.later, ids.waiting, ids.completed, ids.rejected, ids.expired]);

  expect(consoleErrors).toEqual([]);
});

test('filters live in the URL and survive a reload', async ({ page, request }) => {
  const { hookId, ids } = await seed(request, 'filters');
  const consoleErrors = consoleErrorsOf(page);
  await page.setViewportSize(DESKTOP);

  // Expiring within 3 days, waiting on: each in the URL, each surviving a reload.
  await page.goto(`/?hook=${hookId}`);
  await page.getByRole('combobox', { name: 'Expiring within' }).selectOption('3');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/[?&]expiringWithin=3/);
  await expect(rows(page)).toHaveCount(1);
  await page.reload();
  await expect(rows(page)).toHaveCount(1);
  await expect(rowOf(page, ids.waiting)).toBeVisible();
  // Expiring envelopes come soonest deadline first unless an order is picked; the form shows the order in force.
  expect(page.url()).not.toMatch(/[?&](sort|dir)=/);
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('deadline');
  await expect(page.getByRole('combobox', { name: 'Order' })).toHaveValue('asc');
  await page.getByRole('combobox', { name: 'Expiring within' }).selectOption('14');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect.poll(() => rowIds(page)).toEqual([ids.waiting, ids.later]);
  await page.getByRole('combobox', { name: 'Expiring within' }).selectOption('');
  await page.getByRole('searchbox', { name: 'Waiting on' }).fill('ANDREI');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/[?&]waitingOn=ANDREI/);
  expect(page.url()).not.toMatch(/[?&](sort|dir)=/);
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('activity');
  await expect(rows(page)).toHaveCount(1);
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Waiting on' })).toHaveValue('ANDREI');
  await expect(rowOf(page, ids.waiting)).toBeVisible();

  // The switch shows the test envelopes, marked as such.
  await page.goto(`/?hook=${hookId}`);
  await page.getByRole('switch', { name: 'Show test envelopes' }).check();
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/[?&]tests=include/);
  await expect(rows(page)).toHaveCount(7);
  await page.reload();
  await expect(rowOf(page, ids.test)).toContainText('Test');
  await expect(page.getByRole('switch', { name: 'Show test envelopes' })).toBeChecked();

  // The days picked are the reader's days (Bucharest here), sent as instants with its offset.
  await page.getByLabel('Active from').fill('2025-07-15');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/[?&]from=2025-07-15T00%3A00%3A00\.000%2B03%3A00/);
  await expect(page.getByLabel('Active from')).toHaveValue('2025-07-15');
  await expect(page.getByText('Dates are days in your time zone (Europe/Bucharest)')).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('open envelopes can be picked for reminders, and the answer says why none was sent', async ({ page, request }) => {
  const { hookId, ids } = await seed(request, 'remind');
  const consoleErrors = consoleErrorsOf(page);
  await page.setViewportSize(DESKTOP);
  await page.goto(`/?hook=${hookId}`);
  await expect(rowOf(page, ids.completed).getByRole('checkbox')).toHaveCount(0);
  await rowOf(page, ids.waiting)
    .getByRole('checkbox', { name: `Select Loan agreement ${run} for reminders` })
    .check();
  await expect(page.getByTestId('selection-count')).toHaveText('1 envelope selected');
  await page.getByRole('button', { name: 'Select all 3 open on this page' }).click();
  await expect(page.getByTestId('selection-count')).toHaveText('3 envelopes selected');
  await expect(page.getByRole('checkbox', { name: 'Select every open envelope on this page' })).toBeChecked();
  await page.getByRole('button', { name: 'Send reminders' }).click();
  await expect(page.getByTestId('selection-reminder-status')).toContainText(
    'Reminders are sent through the signing service, and none is configured',
  );
  await expect(page.getByTestId('selection-count')).toHaveText('3 envelopes selected');
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await expect(page.getByTestId('selection-count')).toHaveCount(0);
  // The browser logs the refusal's 409 as an error of its own; it is the answer expected here.
  const refusal = consoleErrors.findIndex((text) => text.includes('status of 409'));
  expect(refusal).toBeGreaterThanOrEqual(0);
  consoleErrors.splice(refusal, 1);

  expect(consoleErrors).toEqual([]);
});

test('on a phone the list is cards, with nothing scrolling sideways', async ({ page, request }) => {
  const { hookId, ids } = await seed(request, 'cards');
  await page.setViewportSize(PHONE);
  await page.goto(`/?hook=${hookId}&tests=include`);
  await expect(rows(page)).toHaveCount(7);
  // No column headers: each card says what its parts are.
  await expect(page.locator('#envelope-table thead')).toBeHidden();
  await expect(rowOf(page, ids.waiting)).toContainText('Deadline');
  const widths = await page.evaluate(() => {
    const table = document.getElementById('envelope-table')!;
    return {
      page: document.documentElement.scrollWidth,
      table: table.scrollWidth,
      box: table.parentElement!.scrollWidth,
      boxClient: table.parentElement!.clientWidth,
      display: getComputedStyle(table).display,
    };
  });
  expect(widths.page).toBeLessThanOrEqual(PHONE.width);
  expect(widths.box).toBeLessThanOrEqual(widths.boxClient);
  expect(widths.display).toBe('block');
  // A long file name wraps inside its card.
  const name = rowOf(page, ids.rejected).getByRole('link').first();
  const box = await name.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
  await screenshot(page, 'home-${tag}-cards', ['phone']);
});
