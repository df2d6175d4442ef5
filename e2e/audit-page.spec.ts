import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { expect, test } from '@playwright/test';
import { DESKTOP, screenshot } from './support/screenshots';

// Unique per run, so a rerun against a kept database never finds an older hook.
const run = Date.now().toString(36);
const hookName = `Audit ${run}`;
const renamed = `Audit ${run} renamed`;

test('the audit log lists who did what, newest first, filters it in the URL and exports it', async ({
  page,
  request,
}) => {
  // A hydration mismatch or a failed poll would show here.
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });

  // Older entries of other kinds: a test notification names its envelope, a filtered ZIP export a long detail.
  const other = await request.post('/api/hooks', { data: { name: `Tested ${run}` } });
  expect(other.status()).toBe(201);
  const tested = await request.post(`/api/hooks/${((await other.json()) as { id: string }).id}/test`);
  expect(tested.status(), await tested.text()).toBe(200);
  const { envelopeId }: { envelopeId: string } = await tested.json();
  const zipQuery = new URLSearchParams({
    q: `${run} a search long enough to be cut short on the line`,
    status: 'completed',
    tests: 'include',
    kinds: 'all',
  });
  const zipped = await request.get(`/api/exports/documents?${zipQuery}`);
  expect(zipped.status()).toBe(200);
  await zipped.body();

  const created = await request.post('/api/hooks', { data: { name: hookName } });
  expect(created.status()).toBe(201);
  const hook: { id: string } = await created.json();
  const changed = await request.patch(`/api/hooks/${hook.id}`, { data: { name: renamed } });
  expect(changed.status(), await changed.text()).toBe(200);
  const exported = await request.get('/api/exports/envelopes');
  expect(exported.status()).toBe(200);
  await exported.body();

  await page.setViewportSize(DESKTOP);
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page).toHaveTitle(/^Audit log/);
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await expect(page.getByText(/append-only/)).toContainText('keeps each entry for 400 days');

  // The suite's server runs with sign-in off: nobody is known, and the three actions come newest first.
  const rows = page.getByRole('table', { name: 'Audit log, newest first' }).locator('tbody tr');
  await expect(rows.nth(0)).toContainText('Exported envelopes as CSV');
  await expect(rows.nth(1)).toContainText('Changed a hook');
  await expect(rows.nth(2)).toContainText('Created a hook');
  for (const index of [0, 1, 2]) {
    const row = rows.nth(index);
    await expect(row).toContainText('anonymous');
    await expect(row).toContainText('Not signed in');
    await expect(row.getByTestId('audit-outcome')).toHaveAttribute('data-outcome', 'success');
    await expect(row.getByTestId('audit-outcome')).toHaveText('Success');
    await expect(row.locator('time').first()).toHaveAttribute('title', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  }
  // A hook is named, not identified: its id is the secret part of its URL.
  await expect(rows.nth(1)).toContainText(`Hook${renamed}`);
  await expect(rows.nth(1)).toContainText('changed: name');
  await expect(rows.nth(2)).toContainText(`Hook${hookName}`);
  await expect(rows.nth(1)).not.toContainText(hook.id);
  // An export of everything has no filter to note.
  await expect(rows.nth(0)).not.toContainText('query:');
  await expect(rows.nth(0)).toContainText('127.0.0.1');
  // A long detail is cut to a line, the whole of it one click away.
  await expect(rows.nth(3)).toContainText('Exported documents as ZIP');
  await expect(rows.nth(3)).toContainText(`query: ?q=${run}`);
  await expect(rows.nth(3).locator('pre')).toBeHidden();
  await rows.nth(3).getByText('Show all').click();
  await expect(rows.nth(3).locator('pre')).toContainText(`"query": "?${zipQuery}"`);
  await expect(rows.nth(4)).toContainText('Sent a test notification');
  await expect(rows.nth(4).getByRole('link', { name: envelopeId.slice(0, 8) })).toHaveAttribute(
    'href',
    `/envelopes/${envelopeId}`,
  );
  await screenshot(page, 'audit-page');

  // One action: the filter goes into the URL, and only that entry is left.
  await page.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Changed a hook' });
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/\/audit\?action=hook\.update$/);
  await expect(rows.filter({ hasNotText: 'Changed a hook' })).toHaveCount(0);
  await expect(rows.filter({ hasText: renamed })).toHaveCount(1);
  await expect(rows.filter({ hasText: hookName })).toHaveCount(1);

  // With the target too, it is the one entry; the shared link opens the same view.
  await page.getByRole('searchbox', { name: 'Target' }).fill(renamed);
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]target=${renamed.replaceAll(' ', '\\+')}`));
  await expect(rows).toHaveCount(1);
  await page.goto(page.url());
  await expect(page.getByRole('combobox', { name: 'Action' })).toHaveValue('hook.update');
  await expect(page.getByRole('searchbox', { name: 'Target' })).toHaveValue(renamed);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Changed a hook');

  // The export holds the view: a header row, then the entry.
  const exportLink = page.getByRole('link', { name: /^Export CSV/ });
  await expect(exportLink).toHaveAttribute('href', /^\/api\/audit\/export\?action=hook\.update&target=/);
  const [download] = await Promise.all([page.waitForEvent('download'), exportLink.click()]);
  expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...csvRows] = parseCsv(readFileSync(await download.path(), 'utf8'), { bom: true }) as string[][];
  expect(header).toEqual([
    'time',
    'actor kind',
    'actor',
    'action',
    'target type',
    'target',
    'outcome',
    'detail',
    'source address',
    'user agent',
  ]);
  expect(csvRows).toHaveLength(1);
  expect(csvRows[0]!.slice(1, 8)).toEqual([
    'anonymous',
    'anonymous',
    'hook.update',
    'hook',
    renamed,
    'success',
    '{"changed":["name"]}',
  ]);

  // Days before the entries were made match nothing.
  await page.getByLabel('To', { exact: true }).fill('2001-01-01');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/[?&]to=2001-01-02T00%3A00%3A00\.000/);
  await expect(page.getByText('No entries match')).toBeVisible();
  await expect(page.getByLabel('To', { exact: true })).toHaveValue('2001-01-01');
  await page.getByRole('link', { name: 'Clear' }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(rows.first()).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
