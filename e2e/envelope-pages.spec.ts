import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { freePort, killAppServer, startAppServer, type AppServer } from './support/app-server';

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
  await screenshot(page, 'home-with-every-status');

  await page.getByRole('searchbox', { name: 'Search' }).fill(contract);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${contract}`));
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue(contract);
  const found = table.getByRole('row').filter({ hasText: contract });
  await expect(found).toHaveCount(1);
  await expect(found).toContainText('Completed');
  // The finish callback came last: the row says how the envelope ended.
  await expect(found).not.toContainText('Finished');

  // The contract number names the row, which links to the envelope.
  await found.getByRole('link', { name: contract }).click();
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

  // This suite's server runs in production without SIGNING_PROVIDER: one calm line says documents cannot come, and
  // Setup explains why.
  const documents = page.getByRole('region', { name: 'Documents' });
  await expect(documents).toContainText('Signed documents are not fetched');
  await expect(documents.getByRole('link', { name: 'Setup explains why' })).toHaveAttribute('href', /^\/setup/);
  await expect(page.getByTestId('reconciliation-status')).toContainText('no signing service is configured');

  // The open raw notification is the widest thing on the page; it scrolls inside its box, the page does not.
  await page.setViewportSize(PHONE);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
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

  // A hydration mismatch (server and browser rendering different text) shows up as a console error in production.
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
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
  expect(errors).toEqual([]);
});

test('an unknown envelope gets a friendly not-found page that leads home', async ({ page }) => {
  const response = await page.goto(`/envelopes/never-notified-${run}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Envelope not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to all envelopes' }).click();
  await expect(page.getByRole('heading', { name: 'Envelopes', level: 1 })).toBeVisible();
});

// A stand-in for eSignAnyWhere's REST API v6, so the envelope page can be seen confirming statuses, failing to and
// fetching documents, each on demand. Its envelopes are keyed by id; an unknown id answers 404 as the real one does.
type FakeEnvelope = { status: string; down?: boolean; filesFail?: boolean };

async function startFakeEsignAnyWhere(envelopes: Map<string, FakeEnvelope>, apiToken: string) {
  const pdf = await PDFDocument.create();
  pdf.addPage();
  pdf.addPage();
  const pdfBytes = Buffer.from(await pdf.save());
  const server: Server = createServer((request, response) => {
    const json = (status: number, body: unknown) =>
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (request.headers.apitoken !== apiToken) return json(401, { Message: 'Invalid apiToken' });
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    const file = /^\/Api\/v6\/file\/(.+)$/.exec(path);
    if (file) return response.writeHead(200, { 'content-type': 'application/pdf' }).end(pdfBytes);
    const match = /^\/Api\/v6\/envelope\/([^/]+)(\/files)?$/.exec(path);
    const id = match ? decodeURIComponent(match[1]!) : '';
    const envelope = envelopes.get(id);
    if (!match || !envelope) return json(404, { Message: 'Envelope not found', ErrorId: 'ERR0008' });
    if (envelope.down) return json(503, { Message: 'Service unavailable' });
    if (match[2]) {
      if (envelope.filesFail) return json(500, { Message: 'Storage backend unavailable' });
      return json(200, {
        Documents: [{ FileId: `${id}-doc`, FileName: 'Contract.pdf', PageCount: 2, DocumentNumber: 1 }],
        AuditTrail: { FileId: `${id}-audit` },
      });
    }
    return json(200, {
      Id: id,
      Name: 'Contract',
      EnvelopeStatus: envelope.status,
      SentDate: '2026-01-01T10:00:00Z',
      Activities: [
        {
          Id: 'activity-1',
          Status: envelope.status === 'Completed' ? 'Completed' : 'Pending',
          Action: { Email: 'ana@example.com', GivenName: 'Ana', Surname: 'Pop' },
        },
      ],
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  return { server, baseUrl: `http://127.0.0.1:${port}` };
}

test.describe('with a signing service', () => {
  const HOOK_ID = 'envelope-pages-signing-0123456789';
  const API_TOKEN = 'e2e-esaw-token';
  const envelopes = new Map<string, FakeEnvelope>();
  let fake: Awaited<ReturnType<typeof startFakeEsignAnyWhere>>;
  let app: AppServer;
  let dataDir: string;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    fake = await startFakeEsignAnyWhere(envelopes, API_TOKEN);
    const port = await freePort();
    dataDir = `data/e2e-${port}-signing`;
    app = await startAppServer(
      {
        DATABASE_URL: `file:./${dataDir}/app.db`,
        DOCUMENT_STORAGE_DIR: `${dataDir}/documents`,
        WEBHOOK_HOOK_IDS: HOOK_ID,
        SIGNING_PROVIDER: 'esignanywhere',
        ESAW_BASE_URL: fake.baseUrl,
        ESAW_API_TOKEN: API_TOKEN,
      },
      port,
    );
  });

  test.afterAll(async () => {
    if (app) killAppServer(app);
    await new Promise((resolve) => fake?.server.close(resolve));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const notifySigning = async (envelopeId: string, fields: Record<string, string>) => {
    const query = new URLSearchParams({ envelopeId, ...fields });
    const response = await fetch(`${app.baseUrl}/api/webhooks/${HOOK_ID}?${query}`);
    expect(response.status, await response.text()).toBe(200);
  };
  const signer = { recipientOrder: '1', recipientEmail: 'ana@example.com' };

  test('a confirmed finish shows the signed PDF and the audit trail, live', async ({ page }) => {
    const id = `${run.toString(36)}-confirmed`;
    envelopes.set(id, { status: 'Completed' });
    await notifySigning(id, { action: 'sendSignNotification', ...signer });
    await notifySigning(id, { action: 'workstepFinished', ...signer });

    await page.setViewportSize(DESKTOP);
    await page.goto(`${app.baseUrl}/envelopes/${id}`);
    const documents = page.getByRole('region', { name: 'Documents' });
    await expect(documents).toContainText('fetched once the envelope is completed');

    await notifySigning(id, { action: 'envelopeFinished', FTOSIsFinishCallback: '1' });
    await expect(page.getByTestId('reconciliation-status')).toContainText('Confirmed by the signing service', {
      timeout: 15_000,
    });
    const download = documents.getByRole('link', { name: 'Download signed PDF' });
    await expect(download).toBeVisible({ timeout: 15_000 });
    await expect(documents.getByRole('link', { name: 'Download audit trail' })).toBeVisible();
    await expect(documents).toContainText('Contract.pdf');
    await expect(documents).toContainText('2 pages');
    await expect(documents.getByRole('link', { name: 'View Contract.pdf (opens in a new tab)' })).toHaveAttribute(
      'href',
      /\?inline=1$/,
    );
    // The name comes from the signing service's activities; notifications only carry the e-mail.
    await expect(page.getByRole('region', { name: 'Recipients' })).toContainText('Ana Pop');

    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toBe('Contract.pdf');
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot(page, 'envelope-detail-documents');
  });

  test('a finish callback the signing service does not back is shown as not confirmed', async ({ page }) => {
    const id = `${run.toString(36)}-early`;
    envelopes.set(id, { status: 'Active' });
    await notifySigning(id, { action: 'sendSignNotification', ...signer });
    await notifySigning(id, { action: 'envelopeFinished', FTOSIsFinishCallback: '1' });

    await page.goto(`${app.baseUrl}/envelopes/${id}`);
    await expect(page.getByTestId('reconciliation-status')).toContainText(
      'Finish callback not confirmed: the signing service reports Active',
      { timeout: 15_000 },
    );
    await expect(page.getByRole('heading', { level: 1 }).locator('..')).not.toContainText('Completed');
  });

  test('a notified rejection the signing service does not back stays unconfirmed beside the real status', async ({
    page,
  }) => {
    const id = `${run.toString(36)}-claimed`;
    envelopes.set(id, { status: 'Active' });
    await notifySigning(id, { action: 'workstepOpened', ...signer });
    await notifySigning(id, { action: 'workstepRejected', ...signer });

    await page.goto(`${app.baseUrl}/envelopes/${id}`);
    await expect(page.getByTestId('reconciliation-status')).toContainText(
      'Rejected not confirmed: the signing service reports Active',
      { timeout: 15_000 },
    );
    const header = page.getByRole('heading', { level: 1 }).locator('..');
    await expect(header).toContainText('Opened');
    await expect(header).toContainText('Rejected? · unconfirmed');
    await screenshot(page, 'envelope-detail-unconfirmed');
  });

  test('an unreachable signing service is reported with the next try', async ({ page }) => {
    const id = `${run.toString(36)}-down`;
    envelopes.set(id, { status: 'Completed', down: true });
    await notifySigning(id, { action: 'envelopeFinished', FTOSIsFinishCallback: '1' });

    await page.goto(`${app.baseUrl}/envelopes/${id}`);
    const status = page.getByTestId('reconciliation-status');
    await expect(status).toContainText('Could not reach the signing service', { timeout: 15_000 });
    await expect(status).toContainText('next try at');
  });

  test('a failed document fetch gives its reason, and "Retry now" fetches again', async ({ page }) => {
    const id = `${run.toString(36)}-files`;
    envelopes.set(id, { status: 'Completed', filesFail: true });
    await notifySigning(id, { action: 'envelopeFinished', FTOSIsFinishCallback: '1' });

    await page.goto(`${app.baseUrl}/envelopes/${id}`);
    const documents = page.getByRole('region', { name: 'Documents' });
    const notice = documents.getByTestId('document-notice');
    await expect(notice).toContainText('failed', { timeout: 15_000 });
    await expect(notice).toContainText('Next attempt');
    await screenshot(page, 'envelope-detail-fetch-failed');

    envelopes.set(id, { status: 'Completed' });
    await documents.getByRole('button', { name: 'Retry now' }).click();
    await expect(documents.getByRole('link', { name: 'Download signed PDF' })).toBeVisible({ timeout: 15_000 });
  });
});

test('a long timeline shows its newest events and loads earlier ones on request', async ({ page, request }) => {
  const created = await request.post('/api/hooks', { data: { name: `Long timeline ${run}` } });
  const hookId = ((await created.json()) as { id: string }).id;
  const id = `${run.toString(36)}-long`;
  for (let index = 0; index < 60; index++) {
    await send(
      request,
      hookId,
      new URLSearchParams({ envelopeId: id, action: `step${String(index).padStart(2, '0')}` }),
    );
  }
  await page.goto(`/envelopes/${id}`);
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(timeline.getByRole('listitem')).toHaveCount(50);
  await expect(timeline).not.toContainText('step09');
  await expect(page.getByText('10 earlier events')).toBeVisible();
  await page.getByRole('button', { name: 'Show earlier events' }).click();
  await expect(timeline.getByRole('listitem')).toHaveCount(60);
  await expect(timeline.getByRole('listitem').first()).toContainText('step00');
  await expect(page.getByRole('button', { name: 'Show earlier events' })).toHaveCount(0);
});
