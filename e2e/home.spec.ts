import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DESKTOP, screenshot } from './support/screenshots';

// Unique per run, so a rerun against a kept database never finds an older envelope.
const run = Date.now().toString(36);

async function createHook(request: APIRequestContext, name: string): Promise<string> {
  const created = await request.post('/api/hooks', { data: { name: `${name} ${run}` } });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

async function notify(request: APIRequestContext, hookId: string, fields: Record<string, string>) {
  const response = await request.get(`/api/webhooks/${hookId}?${new URLSearchParams(fields)}`);
  expect(response.status(), await response.text()).toBe(200);
}

/** Four envelopes in four states, with custom values a search can find; `tag` keeps each test's ids apart. */
async function seedEnvelopes(request: APIRequestContext, hookId: string, tag: string) {
  const ids = {
    sent: `${run}-${tag}-sent`,
    opened: `${run}-${tag}-opened`,
    partial: `${run}-${tag}-partial`,
    completed: `${run}-${tag}-completed`,
  };
  // Each envelope's customer and its notifications in order: action, recipient order, recipient e-mail.
  const envelopes: [envelopeId: string, customer: string, notifications: [string, string, string][]][] = [
    [ids.sent, 'Dan Stan', [['sendSignNotification', '1', `dan.${run}@example.com`]]],
    [ids.opened, 'Ioana Marin', [['workstepOpened', '1', `ioana.${run}@example.com`]]],
    [
      ids.partial,
      'Popescu, Maria',
      [
        ['sendSignNotification', '1', `maria.${run}@example.com`],
        ['sendSignNotification', '2', `andrei.${run}@example.com`],
        ['workstepFinished', '1', `maria.${run}@example.com`],
      ],
    ],
    [ids.completed, '=cmd|calc', [['workstepFinished', '1', `ana.${run}@example.com`]]],
  ];
  for (const [index, [envelopeId, customer, notifications]] of envelopes.entries()) {
    const contract = `K-${run}-${index + 1}`;
    for (const [action, recipientOrder, recipientEmail] of notifications) {
      await notify(request, hookId, { envelopeId, action, recipientOrder, recipientEmail, contract, customer });
    }
  }
  await notify(request, hookId, { envelopeId: ids.completed, action: 'envelopeFinished', FTOSIsFinishCallback: '1' });
  return ids;
}

const table = (page: Page) => page.getByRole('table', { name: 'Envelopes, newest activity first' });
const bodyRows = (page: Page) => table(page).locator('tbody tr');
const strip = (page: Page) => page.getByRole('navigation', { name: 'Envelopes by status' });

test('the home page renders with its styles and the health check answers', async ({ page, request }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Envelopes' })).toBeVisible();
  // Tailwind is compiled in: the page background comes from a utility class.
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe('rgba(0, 0, 0, 0)');

  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok', database: 'sqlite', migrations: 'up-to-date', writes: 'ok' });
});

test('search, filters and the summary strip narrow the list and live in the URL', async ({ page, request }) => {
  const hookId = await createHook(request, 'Home');
  const ids = await seedEnvelopes(request, hookId, 'filters');
  // A hydration mismatch or a failed poll would show here.
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });

  await page.setViewportSize(DESKTOP);
  await page.goto(`/?hook=${hookId}`);
  await expect(bodyRows(page)).toHaveCount(4);
  // The first paint has the data: the server rendered the rows and counts, no request was needed.
  await expect(strip(page).getByRole('link', { name: 'All 4' })).toHaveAttribute('aria-current', 'page');
  await expect(strip(page).getByRole('link', { name: 'Completed 1' })).toBeVisible();
  await expect(strip(page).getByRole('link', { name: 'Partially signed 1' })).toBeVisible();
  const partial = bodyRows(page).filter({ has: page.locator(`a[title="${ids.partial}"]`) });
  await expect(partial).toContainText('1 of 2 signed');
  await expect(partial).toContainText(`maria.${run}@example.com · Signed`);
  await expect(partial).toContainText(`andrei.${run}@example.com · Invited`);
  await expect(partial).toContainText(`Waiting on andrei.${run}@example.com`);
  await expect(partial).toContainText('Popescu, Maria');
  // Without a name from the signing service, the contract number names the row; the other custom values follow it.
  await expect(partial.getByRole('link', { name: `K-${run}-3` })).toHaveAttribute('href', `/envelopes/${ids.partial}`);
  await expect(partial.getByText('customer')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Hook' })).toHaveValue(hookId);
  await screenshot(page, 'home');

  // Search by e-mail: the URL carries the search and keeps the hook.
  await page.getByRole('searchbox', { name: 'Search' }).fill(`ANDREI.${run}@example`);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=ANDREI\\.${run}%40example`));
  await expect(page).toHaveURL(new RegExp(`[?&]hook=${hookId}`));
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(bodyRows(page)).toContainText('Partially signed');
  await expect(strip(page).getByRole('link', { name: 'All 1' })).toBeVisible();

  // A custom value, and a click on the strip: the status joins the search.
  await page.getByRole('searchbox', { name: 'Search' }).fill(`k-${run}`);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(bodyRows(page)).toHaveCount(4);
  await strip(page).getByRole('link', { name: 'Completed 1' }).click();
  await expect(page).toHaveURL(/[?&]status=completed/);
  await expect(page).toHaveURL(new RegExp(`[?&]q=k-${run}`));
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(bodyRows(page)).toContainText('Completed');
  await expect(strip(page).getByRole('link', { name: 'Completed 1' })).toHaveAttribute('aria-current', 'page');
  // The other statuses keep their counts, so they stay one click away.
  await expect(strip(page).getByRole('link', { name: 'Opened 1' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('completed');

  // The status select and the dates: nothing was active before 2001.
  await page.getByRole('combobox', { name: 'Status' }).selectOption('');
  await page.getByLabel('Active to').fill('2001-01-01');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/[?&]to=2001-01-01/);
  await expect(page).not.toHaveURL(/status=/);
  await expect(page.getByText('No envelopes match')).toBeVisible();
  await page.getByLabel('Active to').fill('');
  await page.getByLabel('Active from').fill('2001-01-01');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/[?&]from=2001-01-01/);
  await expect(bodyRows(page)).toHaveCount(4);

  // The bookmarked view opens as it was left.
  const bookmarked = page.url();
  await page.goto('/');
  await page.goto(bookmarked);
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue(`k-${run}`);
  await expect(page.getByLabel('Active from')).toHaveValue('2001-01-01');
  await expect(bodyRows(page)).toHaveCount(4);

  // Another hook's list is empty.
  const otherHook = await createHook(request, 'Home other');
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Hook' }).selectOption(otherHook);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]hook=${otherHook}`));
  await expect(page.getByText('No envelopes match')).toBeVisible();
  await page.getByRole('link', { name: 'Clear' }).click();
  await expect(page).toHaveURL(/\/$/);
  expect(consoleErrors).toEqual([]);
});

test('a notification sent to the webhook shows up without a reload', async ({ page, request }) => {
  const hookId = await createHook(request, 'Home live');
  const envelopeId = `${run}-home-live`;
  await page.goto(`/?hook=${hookId}`);
  await expect(page.getByText('No envelopes match')).toBeVisible();
  await expect(page.getByText('Updating live')).toBeVisible();
  // Survives only as long as the page is not reloaded.
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

  await notify(request, hookId, { envelopeId, action: 'workstepOpened', recipientOrder: '1', contract: 'LIVE-1' });
  const row = bodyRows(page).filter({ has: page.locator(`a[title="${envelopeId}"]`) });
  await expect(row).toContainText('Opened', { timeout: 15_000 });
  await expect(strip(page).getByRole('link', { name: 'Opened 1' })).toBeVisible();

  await notify(request, hookId, { envelopeId, action: 'workstepFinished', recipientOrder: '1' });
  await expect(row).toContainText('Partially signed', { timeout: 15_000 });
  await expect(row).toContainText('1 of 1 signed');
  await expect(strip(page).getByRole('link', { name: 'Opened 0' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
});

test('the id copies with one click and the CSV download holds the whole filtered view', async ({
  page,
  request,
  context,
}) => {
  const hookId = await createHook(request, 'Home export');
  const ids = await seedEnvelopes(request, hookId, 'export');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);

  // Two rows a page: the download still holds all four.
  await page.goto(`/?hook=${hookId}&q=k-${run}&limit=2&status=`);
  await expect(bodyRows(page)).toHaveCount(2);
  await expect(page.getByRole('link', { name: /Next page/ })).toBeVisible();

  const row = bodyRows(page).first();
  await row.hover();
  await row.getByRole('button', { name: `Copy id of envelope ${ids.completed.slice(0, 8)}…` }).click();
  await expect(row.getByRole('button', { name: /Copy id/ })).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(ids.completed);

  await strip(page)
    .getByRole('link', { name: /^Completed/ })
    .click();
  await expect(bodyRows(page)).toHaveCount(1);
  await strip(page).getByRole('link', { name: /^All/ }).click();
  await expect(page).not.toHaveURL(/status=/);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /Download CSV/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^envelopes-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  // Read back as a spreadsheet would, with a real CSV parser.
  const [header, ...rows] = parseCsv(csv, { bom: true }) as string[][];
  expect(header!.slice(0, 6)).toEqual(['Envelope id', 'Name', 'Status', 'Action required', 'Signed', 'Recipients']);
  expect(header).toEqual(expect.arrayContaining(['contract', 'customer', 'Hook']));
  expect(rows).toHaveLength(4);
  const completed = rows[0]!;
  expect(completed.slice(0, 8)).toEqual([
    ids.completed,
    `K-${run}-4`,
    'Completed',
    'no',
    '1',
    '1',
    `ana.${run}@example.com`,
    'Completed',
  ]);
  // A value a spreadsheet would run as a formula arrives as text; a comma stays inside its cell.
  expect(completed[header!.indexOf('customer')]).toBe("'=cmd|calc");
  expect(completed[header!.indexOf('Hook')]).toBe(`Home export ${run}`);
  expect(rows.find((row) => row[0] === ids.partial)).toContain('Popescu, Maria');
  expect(rows.map((row) => row[0])).toEqual([ids.completed, ids.partial, ids.opened, ids.sent]);
});

test('with every export slot taken, the CSV button says why and what to do, and downloads once one is free', async ({
  page,
  request,
}) => {
  const hookId = await createHook(request, 'Home busy export');
  // One completed envelope: open ones would count as stuck on Insights, whose list other specs read.
  const envelopeId = `${run}-busy-completed`;
  const ana = { recipientOrder: '1', recipientEmail: `ana.busy.${run}@example.com` };
  await notify(request, hookId, { envelopeId, action: 'workstepFinished', ...ana });
  await notify(request, hookId, { envelopeId, action: 'envelopeFinished', FTOSIsFinishCallback: '1' });
  await page.goto(`/?hook=${hookId}&status=`);
  await expect(bodyRows(page)).toHaveCount(1);

  // Two downloads about to start elsewhere hold this server's two export slots.
  const held: string[] = [];
  for (let slot = 0; slot < 2; slot++) {
    const reserved = await request.post(`/api/exports/envelopes?hook=${hookId}`);
    expect(reserved.status()).toBe(201);
    held.push(((await reserved.json()) as { downloadUrl: string }).downloadUrl);
  }
  let downloads = 0;
  page.on('download', () => downloads++);
  const csvLink = page.getByRole('link', { name: /Download CSV/ });
  await csvLink.click();
  const busy = page.getByRole('alert').filter({ hasText: 'exports are running' });
  await expect(busy).toHaveText('2 exports are running on this server; try again once one of them has finished.');
  expect(downloads).toBe(0);
  await screenshot(page, 'home-export-busy');

  // Those downloads run to their end and give their slots back.
  for (const url of held) expect((await request.get(url)).status()).toBe(200);
  const [download] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
  expect(download.suggestedFilename()).toMatch(/^envelopes-\d{4}-\d{2}-\d{2}\.csv$/);
  await expect(busy).toHaveCount(0);
});
