import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { startOwnAppServerForFile } from './support/own-app-server';
import { screenshot } from './support/screenshots';

// A production server of its own with the sandbox as its signing service (the suite's main server
// runs with the production default, none). Everything goes over real HTTP: the button and the CLI
// deliver to the public webhook URL, and the app fetches documents from the sandbox API through
// its eSignAnyWhere adapter.
const SANDBOX_TOKEN = 'e2e-sandbox-token-0123456789';
const stamp = Date.now();
const DATABASE_URL = `file:./data/e2e-simulator/${stamp}.db`;
const run = promisify(execFile);

const server = startOwnAppServerForFile({
  SIGNING_PROVIDER: 'sandbox',
  SANDBOX_API_TOKEN: SANDBOX_TOKEN,
  DATABASE_URL,
  DOCUMENT_STORAGE_DIR: `./data/e2e-simulator/documents-${stamp}`,
});

type EnvelopeAnswer = {
  status: string;
  reconciliation: { state: string; providerStatus: string | null };
  documents: { kind: string; sha256: string; pageCount: number | null }[];
  documentStatus: { status: string };
};

async function envelope(id: string): Promise<EnvelopeAnswer> {
  const response = await fetch(`${server.baseUrl}/api/envelopes/${id}`);
  expect(response.status).toBe(200);
  return response.json();
}

/**
 * `npm run simulate` with these options, delivering to the server's first hook; on the server's database, as the
 * sandbox's envelopes must be where the app looks for them.
 */
async function simulate(options: string[]) {
  const hooks = (await (await fetch(`${server.baseUrl}/api/hooks`)).json()) as { items: { id: string }[] };
  const target = `${server.baseUrl}/api/webhooks/${hooks.items[0]!.id}`;
  return run('npm', ['run', '--silent', 'simulate', '--', ...options, '--target', target], {
    env: { ...process.env, DATABASE_URL, SIGNING_PROVIDER: 'sandbox' },
  });
}

async function sandbox(path: string) {
  return fetch(`${server.baseUrl}/api/sandbox/esignanywhere/Api/v6/${path}`, { headers: { apiToken: SANDBOX_TOKEN } });
}

/** Waits until the tracker agrees with the sandbox about an envelope, and has its files once it is Completed. */
async function expectSettled(id: string) {
  const sandboxStatus = async () =>
    ((await (await sandbox(`envelope/${id}`)).json()) as { EnvelopeStatus: string }).EnvelopeStatus;
  const expected: Record<string, string[]> = {
    Completed: ['completed'],
    Rejected: ['rejected'],
    Expired: ['expired'],
    Active: ['sent', 'opened', 'partially_signed'],
  };
  await expect
    .poll(
      async () => {
        const [remote, local] = [await sandboxStatus(), await envelope(id)];
        const stored = remote !== 'Completed' || local.documentStatus.status === 'stored';
        return expected[remote]!.includes(local.status) && stored;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return { remote: await sandboxStatus(), local: await envelope(id) };
}

test('the empty dashboard offers "Simulate an envelope", and the envelope appears', async ({ page }) => {
  await page.goto(server.baseUrl);
  await expect(page.getByText('No envelopes yet')).toBeVisible();
  const button = page.getByRole('button', { name: 'Simulate an envelope' });
  await expect(button).toBeVisible();
  await screenshot(page, 'simulator-empty');

  const answer = page.waitForResponse((response) => response.url().endsWith('/api/sandbox/simulations'));
  await button.click();
  const started = await answer;
  expect(started.status()).toBe(202);
  const { envelopeId, hookCreated } = (await started.json()) as { envelopeId: string; hookCreated: boolean };
  expect(hookCreated).toBe(true);

  // The refresh replaces the empty state with the list, the new envelope in it.
  // The row's link carries the full id on hover; its text is the envelope's name once the sandbox reports it.
  const row = page.locator(`#envelope-table a[title="${envelopeId}"]`);
  await expect(row).toBeVisible();
  await expect(page.getByText('No envelopes yet')).toHaveCount(0);

  const { remote, local } = await expectSettled(envelopeId);
  if (remote === 'Completed') {
    expect(local.reconciliation).toMatchObject({ state: 'confirmed', providerStatus: 'Completed' });
    expect(local.documents.map((document) => document.kind).sort()).toEqual(['auditTrail', 'signed']);
  }
  await row.click();
  await expect(page).toHaveURL(`${server.baseUrl}/envelopes/${envelopeId}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('Setup offers the same, and links to the new envelope', async ({ page }) => {
  await page.goto(`${server.baseUrl}/setup`);
  const section = page.getByRole('region', { name: 'Try it with the sandbox' });
  await expect(section).toBeVisible();
  await section.getByRole('button', { name: 'Simulate an envelope' }).click();
  const link = section.getByRole('link', { name: /View envelope/ });
  await expect(link).toBeVisible();
  await expect(section.getByRole('status')).toContainText('its notifications arrive over the next seconds');
  await screenshot(page, 'simulator-setup');
  await link.click();
  await expect(page).toHaveURL(/\/envelopes\/[0-9a-f-]{36}$/);
});

test('npm run simulate plays envelopes against the running app, and completed ones get their sandbox PDFs', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { stdout } = await simulate(['--envelopes', '3', '--delay-ms', '100', '--seed', '8']);
  console.log(stdout);
  const ids = stdout
    .split('\n')
    .filter((line) => line.startsWith('✓ '))
    .map((line) => line.split(/\s+/)[1]!);
  expect(ids).toHaveLength(3);

  let completed = 0;
  for (const id of ids) {
    const { remote, local } = await expectSettled(id);
    if (remote !== 'Completed') continue;
    completed += 1;
    const files = (await (await sandbox(`envelope/${id}/files`)).json()) as {
      Documents: { FileId: string; PageCount: number }[];
      AuditTrail: { FileId: string };
    };
    for (const [kind, fileId] of [
      ['signed', files.Documents[0]!.FileId],
      ['auditTrail', files.AuditTrail.FileId],
    ] as const) {
      const bytes = Buffer.from(await (await sandbox(`file/${fileId}`)).arrayBuffer());
      const stored = local.documents.find((document) => document.kind === kind);
      expect(stored?.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  }
  expect(completed).toBeGreaterThan(0);

  // A completed envelope's page, with the sandbox's names and PDFs, as a person sees it.
  await page.goto(`${server.baseUrl}/envelopes/${ids[0]}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await screenshot(page, 'simulator-envelope');
});

test('a simulated envelope completes on its open page, and "Download signed PDF" saves the PDF the sandbox served', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const listIds = async () =>
    (
      (await (await fetch(`${server.baseUrl}/api/envelopes?limit=100`)).json()) as { items: { id: string }[] }
    ).items.map((item) => item.id);
  const before = new Set(await listIds());
  // Slow enough to open the page while the envelope is still being signed.
  const playing = simulate(['--envelopes', '1', '--outcome', 'completed', '--delay-ms', '1500']);
  let envelopeId = '';
  await expect
    .poll(async () => (envelopeId = (await listIds()).find((id) => !before.has(id)) ?? ''), { timeout: 30_000 })
    .not.toBe('');
  await page.goto(`${server.baseUrl}/envelopes/${envelopeId}`);
  const download = page.getByRole('link', { name: 'Download signed PDF' });
  // No reload: the page follows the envelope to Completed and the stored documents.
  await expect(download).toBeVisible({ timeout: 60_000 });
  await playing;

  const [saved] = await Promise.all([page.waitForEvent('download'), download.click()]);
  const savedBytes = await readFile((await saved.path())!);
  expect(savedBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const files = (await (await sandbox(`envelope/${envelopeId}/files`)).json()) as { Documents: { FileId: string }[] };
  const served = Buffer.from(await (await sandbox(`file/${files.Documents[0]!.FileId}`)).arrayBuffer());
  const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  expect(sha256(savedBytes)).toBe(sha256(served));
  expect(saved.suggestedFilename()).toMatch(/\.pdf$/);

  // The list after a few simulated lives: the README's picture of the dashboard.
  await page.goto(server.baseUrl);
  await expect(page.locator(`#envelope-table a[title="${envelopeId}"]`)).toBeVisible();
  await screenshot(page, 'simulator-home');
});
