import { rmSync } from 'node:fs';
import { expect, request as playwrightRequest, test, type Browser, type Page } from '@playwright/test';
import {
  makeTestPdf,
  startFakeEsignAnyWhereServer,
  type FakeEsignAnyWhereServer,
} from '../app/testing/fake-esignanywhere-server';
import { startOidcProvider, type TestOidcProvider } from '../app/testing/start-oidc-provider';
import { freePort, killAppServer, startAppServer, type AppServer } from './support/app-server';
import { screenshot } from './support/screenshots';

// Company SSO end to end: a production server whose only way in is a real OpenID provider running in this test
// process; the provider's groups decide the roles. A viewer may look but not replay; an admin adds a viewer and a
// token, downloads a signed PDF, and finds the download in the audit log.

const run = Date.now().toString(36);
const HOOK_ID = `sso-e2e-hook-${run}-0123456789`;
const DOMAIN = 'sso.example';
const ACCOUNTS = {
  olga: { email: `olga@${DOMAIN}`, email_verified: true, name: 'Olga Admin', groups: ['tracker-admins'] },
  vera: { email: `vera@${DOMAIN}`, email_verified: true, name: 'Vera Viewer', groups: ['staff'] },
};
const ENVELOPE_ID = `sso-${run}`;

let provider: TestOidcProvider;
let fake: FakeEsignAnyWhereServer;
let app: AppServer;
let dataDir: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  fake = await startFakeEsignAnyWhereServer();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  provider = await startOidcProvider({
    clientId: 'tracker-e2e',
    clientSecret: 'tracker-e2e-secret-0123456789',
    redirectUris: [`${baseUrl}/api/auth/oidc/callback`],
    accounts: ACCOUNTS,
  });
  dataDir = `data/e2e-${port}-sso`;
  app = await startAppServer(
    {
      DASHBOARD_AUTH: 'on',
      PUBLIC_URL: baseUrl,
      DATABASE_URL: `file:./${dataDir}/app.db`,
      DOCUMENT_STORAGE_DIR: `${dataDir}/documents`,
      WEBHOOK_HOOK_IDS: HOOK_ID,
      SIGNING_PROVIDER: 'esignanywhere',
      ESAW_BASE_URL: fake.baseUrl,
      ESAW_API_TOKEN: fake.apiToken,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: 'tracker-e2e',
      OIDC_CLIENT_SECRET: 'tracker-e2e-secret-0123456789',
      OIDC_ALLOWED_DOMAINS: DOMAIN,
      OIDC_ROLE_CLAIM: 'groups',
      OIDC_ROLE_MAP: 'tracker-admins=admin,tracker-ops=operator,staff=viewer',
      OIDC_DISPLAY_NAME: 'Example SSO',
      PASSWORD_SIGN_IN: 'off',
    },
    port,
  );

  // A completed envelope whose signed PDF the app fetches from the signing service.
  fake.setEnvelope(ENVELOPE_ID, {
    status: 'Completed',
    activities: [{ email: 'ana@example.com', givenName: 'Ana', surname: 'Pop', status: 'Completed' }],
    documents: [
      {
        fileId: `${ENVELOPE_ID}-contract`,
        fileName: 'Contract.pdf',
        bytes: await makeTestPdf('SSO contract'),
        pageCount: 1,
      },
    ],
    auditTrail: { fileId: `${ENVELOPE_ID}-audit`, fileName: 'audit.pdf', bytes: await makeTestPdf('SSO audit') },
  });
  for (const fields of [
    { action: 'workstepFinished', recipientOrder: '1', recipientEmail: 'ana@example.com' },
    { action: 'envelopeFinished', FTOSIsFinishCallback: '1' },
  ] as Record<string, string>[]) {
    const query = new URLSearchParams({ envelopeId: ENVELOPE_ID, ...fields });
    const response = await fetch(`${app.baseUrl}/api/webhooks/${HOOK_ID}?${query}`);
    expect(response.status).toBe(200);
  }
});

test.afterAll(async () => {
  if (app) killAppServer(app);
  await provider?.close();
  await fake?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** A fresh browser that signs in through the provider as `account`, from a page that needs sign-in. */
async function signInThroughSso(browser: Browser, account: keyof typeof ACCOUNTS, path: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  provider.setNextAccount(account);
  await page.goto(`${app.baseUrl}${path}`);
  await expect(page).toHaveURL(`${app.baseUrl}/sign-in?next=${encodeURIComponent(path)}`);
  // SSO only: no password form.
  await expect(page.getByLabel('Password')).toHaveCount(0);
  await screenshot(page, 'sign-in-sso', ['desktop']);
  await page.getByRole('link', { name: 'Sign in with Example SSO' }).click();
  await page.waitForURL(`${app.baseUrl}${path}`);
  await expect(page.getByTestId('signed-in-as')).toContainText(ACCOUNTS[account].email);
  return page;
}

test('a viewer signs in through the OpenID provider, sees Replay disabled, and its API answers 403', async ({
  browser,
}) => {
  const page = await signInThroughSso(browser, 'vera', '/deliveries');
  await expect(page.getByTestId('signed-in-as')).toContainText('Viewer');
  const row = page.locator('tr[data-delivery-id]').first();
  const replay = row.getByRole('button', { name: 'Replay' });
  await expect(replay).toBeDisabled();
  await expect(replay).toHaveAttribute('title', /^Replaying needs the operator role/);
  const deliveryId = await row.getAttribute('data-delivery-id');
  const refused = await page.request.post(`${app.baseUrl}/api/deliveries/${deliveryId}/replay`, {
    headers: { origin: app.baseUrl },
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe('forbidden_role');
  await page.context().close();
});

test('an admin signs in through the OpenID provider, adds a viewer and a token, downloads a signed PDF and finds it in the audit log', async ({
  browser,
}) => {
  const page = await signInThroughSso(browser, 'olga', '/users');
  page.on('dialog', (dialog) => void dialog.accept());
  await expect(page.getByTestId('signed-in-as')).toContainText('Admin');

  // A viewer who will sign in through SSO as well: no password needed, the e-mail links them.
  const form = page.getByRole('form', { name: 'Add a user' });
  await form.getByLabel('E-mail').fill(`victor@${DOMAIN}`);
  await form.getByLabel('Name').fill('Victor Viewer');
  await form.getByLabel('Role').selectOption('viewer');
  await form.getByRole('button', { name: 'Add user' }).click();
  await expect(page.locator(`tr[data-user-email="victor@${DOMAIN}"]`)).toContainText('Victor Viewer');

  await page.goto(`${app.baseUrl}/account`);
  const tokens = page.getByRole('region', { name: 'Personal API tokens' });
  await tokens.getByLabel('Name').fill('SSO export script');
  await tokens.getByRole('button', { name: 'Create token' }).click();
  const token = await tokens.getByTestId('one-time-value').getByRole('textbox', { name: 'API token' }).inputValue();
  const script = await playwrightRequest.newContext({ baseURL: app.baseUrl });
  expect((await script.get('/api/envelopes', { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(200);
  await script.dispose();

  await page.goto(`${app.baseUrl}/envelopes/${ENVELOPE_ID}`);
  const documents = page.getByRole('region', { name: 'Documents' });
  const download = documents.getByRole('link', { name: 'Download signed PDF' });
  await expect(download).toBeVisible({ timeout: 30_000 });
  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  expect(file.suggestedFilename()).toBe('Contract.pdf');

  await page.goto(`${app.baseUrl}/audit`);
  const entries = page.getByRole('table', { name: 'Audit log, newest first' }).locator('tbody tr');
  const downloaded = entries.filter({ hasText: 'Downloaded a document' }).first();
  await expect(downloaded).toContainText(ACCOUNTS.olga.email);
  await expect(downloaded.locator(`a[href="/envelopes/${ENVELOPE_ID}"]`)).toHaveCount(1);
  await expect(downloaded).toContainText('Contract.pdf');
  await expect(entries.filter({ hasText: 'Created an API token' }).first()).toContainText(ACCOUNTS.olga.email);
  await expect(entries.filter({ hasText: 'Added a user' }).first()).toContainText(`victor@${DOMAIN}`);
  await expect(entries.filter({ hasText: 'method: oidc' }).first()).toContainText(ACCOUNTS.olga.email);
  await screenshot(page, 'audit-sso', ['desktop']);
  await page.context().close();
});
