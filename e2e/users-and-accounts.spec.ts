import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import { startOwnAppServerForFile } from './support/own-app-server';
import { screenshot } from './support/screenshots';

// A production server of its own with sign-in on: the first admin comes from ADMIN_EMAIL and ADMIN_PASSWORD, adds a
// viewer, makes an API token; the viewer signs in with the one-time password, changes it, and may only look.
const ADMIN_EMAIL = 'admin@accounts.example';
const ADMIN_PASSWORD = 'e2e admin passphrase 42';
const VIEWER_EMAIL = 'vera@accounts.example';
const VIEWER_PASSWORD = 'vera chooses her own passphrase';
const HOOK_ID = 'accounts-e2e-hook-0123456789abcdef';

const server = startOwnAppServerForFile({
  DASHBOARD_AUTH: 'on',
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  DATABASE_URL: `file:./data/e2e-accounts/${Date.now()}.db`,
  WEBHOOK_HOOK_IDS: HOOK_ID,
});

// Handed from one test to the next (the file's tests run in order on one server).
let viewerOneTimePassword = '';

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${server.baseUrl}/sign-in`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Signed in once the page moves on (a full load, so the next goto cannot cut it short).
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}

/**
 * Console errors a page logs, but the refusals (401, 403, 409) the test provokes on purpose, and the favicon a browser
 * asks for after a plain-text refusal.
 */
function recordConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error' || /status of 40[139]/.test(message.text())) return;
    if (message.location().url.endsWith('/favicon.ico')) return;
    errors.push(message.text());
  });
  return errors;
}

test('the first admin signs in, sees themselves in the header and adds a viewer on the Users page', async ({
  page,
}) => {
  const consoleErrors = recordConsoleErrors(page);
  page.on('dialog', (dialog) => void dialog.accept());
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await expect(page).toHaveURL(`${server.baseUrl}/`);
  const me = page.getByTestId('signed-in-as');
  await expect(me).toContainText(ADMIN_EMAIL);
  await expect(me).toContainText('Admin');
  await expect(me).toHaveAttribute('href', '/account');

  const navigation = page.getByRole('navigation', { name: 'Main' });
  for (const label of ['Setup', 'Alerts', 'Audit', 'Users'])
    await expect(navigation.getByRole('link', { name: label })).toBeVisible();
  await navigation.getByRole('link', { name: 'Users' }).click();
  await expect(page).toHaveURL(`${server.baseUrl}/users`);
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
  const adminRow = page.locator(`tr[data-user-email="${ADMIN_EMAIL}"]`);
  await expect(adminRow).toContainText('(you)');
  await expect(adminRow).toContainText('Active');

  // The last admin cannot step down: the API's reason shows beside the row, and the role stays.
  await adminRow.getByLabel(`Role of ${ADMIN_EMAIL}`).selectOption('viewer');
  await expect(adminRow.getByRole('alert')).toHaveText(
    'This is the last active admin: make someone else an admin first.',
  );
  await expect(adminRow.getByLabel(`Role of ${ADMIN_EMAIL}`)).toHaveValue('admin');

  const form = page.getByRole('form', { name: 'Add a user' });
  await form.getByLabel('E-mail').fill(VIEWER_EMAIL);
  await form.getByLabel('Name').fill('Vera Viewer');
  await form.getByLabel('Role').selectOption('viewer');
  await form.getByRole('button', { name: 'Add user' }).click();
  const shown = form.getByTestId('one-time-value');
  await expect(shown).toContainText(`Added ${VIEWER_EMAIL}: their one-time password`);
  await expect(shown).toContainText('you will not see it again');
  await expect(shown).toContainText('They must change it at their first sign-in');
  viewerOneTimePassword = await shown.getByRole('textbox', { name: 'One-time password' }).inputValue();
  expect(viewerOneTimePassword.length).toBeGreaterThanOrEqual(12);
  await screenshot(page, 'users-added', ['desktop']);

  const viewerRow = page.locator(`tr[data-user-email="${VIEWER_EMAIL}"]`);
  await expect(viewerRow).toContainText('Vera Viewer');
  await expect(viewerRow).toContainText('Must change password');
  await expect(viewerRow).toContainText('Never');
  // A role change holds across a reload; back to viewer for the tests that follow.
  const viewerRole = viewerRow.getByLabel(`Role of ${VIEWER_EMAIL}`);
  const changeRole = async (role: string) => {
    const changed = page.waitForResponse((response) => response.request().method() === 'PATCH');
    await viewerRole.selectOption(role);
    expect((await changed).status()).toBe(200);
  };
  await changeRole('operator');
  await expect(viewerRow.getByRole('alert')).toHaveCount(0);
  await page.reload();
  await expect(viewerRole).toHaveValue('operator');
  await changeRole('viewer');
  await page.reload();
  await expect(viewerRole).toHaveValue('viewer');
  await screenshot(page, 'users');

  // Shown once: the list never has it, and a reload forgets it.
  await expect(page.getByTestId('one-time-value')).toHaveCount(0);
  expect(await page.content()).not.toContain(viewerOneTimePassword);
  expect(consoleErrors).toEqual([]);
});

test('the admin makes a personal API token on the Account page, and a script uses it', async ({ page }) => {
  const consoleErrors = recordConsoleErrors(page);
  page.on('dialog', (dialog) => void dialog.accept());
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.getByTestId('signed-in-as').click();
  await expect(page).toHaveURL(`${server.baseUrl}/account`);
  await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
  await expect(page.getByTestId('profile-email')).toHaveText(ADMIN_EMAIL);
  await expect(page.getByText('Choose a new password now.')).toHaveCount(0);
  const sessions = page.getByRole('list', { name: 'Sessions' }).getByTestId('session-item');
  await expect(sessions.filter({ hasText: 'This browser' })).toHaveCount(1);

  const tokens = page.getByRole('region', { name: 'Personal API tokens' });
  await expect(tokens.getByText('No tokens yet.')).toBeVisible();
  const role = tokens.getByLabel('Role');
  await expect(role.locator('option')).toHaveText(['Viewer', 'Operator', 'Admin']);
  await expect(role).toHaveValue('viewer');
  await expect(tokens.getByLabel('Days until the token expires')).toHaveValue('90');
  await tokens.getByLabel('Name').fill('Nightly export');
  await tokens.getByRole('button', { name: 'Create token' }).click();
  const shown = tokens.getByTestId('one-time-value');
  await expect(shown).toContainText('Token “Nightly export” created');
  await expect(shown).toContainText('you will not see it again');
  await expect(shown.getByRole('button', { name: 'Copy API token' })).toBeVisible();
  const token = await shown.getByRole('textbox', { name: 'API token' }).inputValue();
  expect(token).toMatch(/^etk_/);
  const item = tokens.getByTestId('token-item').filter({ hasText: 'Nightly export' });
  await expect(item).toContainText(token.slice(0, 10));
  await expect(item).toContainText('Never used');
  await expect(item).toContainText('Active');
  await screenshot(page, 'account');

  // A script, with nothing but the token.
  const script = await playwrightRequest.newContext({ baseURL: server.baseUrl });
  const bearer = { Authorization: `Bearer ${token}` };
  expect((await script.get('/api/envelopes', { headers: bearer })).status()).toBe(200);
  expect((await script.get('/api/envelopes')).status()).toBe(401);
  // A viewer token of an admin stays a viewer.
  const refused = await script.post('/api/hooks', { headers: bearer, data: { name: 'From a viewer token' } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe('forbidden_role');

  // Never expiring is a choice; then one is revoked, and the script is refused from then on.
  await tokens.getByRole('button', { name: 'I have saved the token' }).click();
  await expect(shown).toHaveCount(0);
  await tokens.getByLabel('Name').fill('Kept forever');
  await tokens.getByLabel('Never expires').check();
  await expect(tokens.getByLabel('Days until the token expires')).toBeDisabled();
  await tokens.getByRole('button', { name: 'Create token' }).click();
  await expect(tokens.getByTestId('token-item').filter({ hasText: 'Kept forever' })).toContainText('never expires');
  await item.getByRole('button', { name: 'Revoke the token Nightly export' }).click();
  await expect(item).toContainText('Revoked');
  await expect(item.getByRole('button')).toHaveCount(0);
  expect((await script.get('/api/envelopes', { headers: bearer })).status()).toBe(401);
  await script.dispose();
  expect(consoleErrors).toEqual([]);
});

test('the viewer signs in with the one-time password, changes it, may only look, and is stopped once disabled', async ({
  page,
  browser,
}) => {
  // Three sign-ins (each a deliberately slow password hash) and a dozen pages: ~22 s on CI, too near the default 30.
  test.setTimeout(60_000);
  expect(viewerOneTimePassword, 'the first test adds the viewer').not.toBe('');
  const consoleErrors = recordConsoleErrors(page);
  // A notification arrives, so there is a delivery to (not) replay.
  const sender = await playwrightRequest.newContext({ baseURL: server.baseUrl });
  expect((await sender.get(`/api/webhooks/${HOOK_ID}?envelopeId=accounts-e2e-1&action=workstepOpened`)).status()).toBe(
    200,
  );
  await sender.dispose();

  await signIn(page, VIEWER_EMAIL, viewerOneTimePassword);
  await expect(page).toHaveURL(`${server.baseUrl}/account?change-password=1`);
  await expect(page.getByRole('alert').filter({ hasText: 'Choose a new password now.' })).toBeVisible();
  await expect(page.getByTestId('signed-in-as')).toContainText('Viewer');
  await screenshot(page, 'account-change-password');

  const form = page.getByRole('region', { name: 'Change password' });
  await form.getByLabel('Current (one-time) password').fill(viewerOneTimePassword);
  await form.getByLabel('New password', { exact: true }).fill(VIEWER_PASSWORD);
  await form.getByLabel('Repeat new password').fill(`${VIEWER_PASSWORD} typo`);
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByRole('alert')).toHaveText('The two new passwords differ: type the same one twice.');
  await form.getByLabel('Repeat new password').fill(VIEWER_PASSWORD);
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByRole('status')).toHaveText('Password changed.');
  await expect(page).toHaveURL(`${server.baseUrl}/account`);
  await expect(page.getByText('Choose a new password now.')).toHaveCount(0);
  // A viewer's tokens can only be viewer tokens.
  await expect(
    page.getByRole('region', { name: 'Personal API tokens' }).getByLabel('Role').locator('option'),
  ).toHaveText(['Viewer']);

  // Only the pages a viewer may open are offered.
  const navigation = page.getByRole('navigation', { name: 'Main' });
  await expect(navigation.getByRole('link')).toHaveText(['Envelopes', 'Insights', 'Deliveries']);
  const usersPage = await page.goto(`${server.baseUrl}/users`);
  expect(usersPage?.status()).toBe(403);

  // Replay is there, disabled, saying why; the API refuses it too.
  await page.goto(`${server.baseUrl}/deliveries`);
  const row = page.locator('tr[data-delivery-id]').first();
  const replay = row.getByRole('button', { name: 'Replay' });
  await expect(replay).toBeDisabled();
  await expect(replay).toHaveAttribute('title', /^Replaying needs the operator role/);
  await screenshot(page, 'deliveries-as-viewer', ['desktop']);
  const deliveryId = await row.getAttribute('data-delivery-id');
  const refused = await page.request.post(`${server.baseUrl}/api/deliveries/${deliveryId}/replay`, {
    headers: { origin: server.baseUrl },
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe('forbidden_role');
  // The production server finds a route by its decoded path too: an encoded one is refused all the same.
  for (const path of ['/api/%75sers', '/api%2Fusers', '/%61udit']) {
    const encoded = await page.request.get(`${server.baseUrl}${path}`);
    expect(encoded.status(), path).toBe(403);
  }
  // The envelope's reminder is disabled the same way.
  await page.goto(`${server.baseUrl}/envelopes/accounts-e2e-1`);
  const remind = page.getByRole('button', { name: 'Send reminder' });
  await expect(remind).toBeDisabled();
  await expect(remind).toHaveAttribute('title', /^Sending reminders needs the operator role/);
  await screenshot(page, 'envelope-as-viewer', ['phone']);

  // An admin disables the viewer: their very next request is sent to sign in, and signing in is refused.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  admin.on('dialog', (dialog) => void dialog.accept());
  await signIn(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
  await admin.goto(`${server.baseUrl}/users`);
  const viewerRow = admin.locator(`tr[data-user-email="${VIEWER_EMAIL}"]`);
  await expect(viewerRow).toContainText('Active');
  await viewerRow.getByRole('button', { name: `Disable ${VIEWER_EMAIL}` }).click();
  await expect(viewerRow).toContainText('Disabled');
  await expect(viewerRow.getByRole('button', { name: `Enable ${VIEWER_EMAIL}` })).toBeVisible();
  // What they did is in the audit log, under their e-mail.
  await admin.goto(`${server.baseUrl}/audit`);
  const entries = admin.getByRole('table', { name: 'Audit log, newest first' }).locator('tbody tr');
  await expect(entries.filter({ hasText: 'Changed a user' }).first()).toContainText(ADMIN_EMAIL);
  await expect(entries.filter({ hasText: 'Added a user' }).filter({ hasText: VIEWER_EMAIL })).toContainText(
    ADMIN_EMAIL,
  );
  // The first admin, made at start-up, is in the log too.
  await expect(entries.filter({ hasText: 'Added a user' }).filter({ hasText: 'start-up' })).toContainText(ADMIN_EMAIL);
  await adminContext.close();

  await page.goto(`${server.baseUrl}/deliveries`);
  await expect(page).toHaveURL(`${server.baseUrl}/sign-in?next=%2Fdeliveries`);
  await page.getByLabel('E-mail').fill(VIEWER_EMAIL);
  await page.getByLabel('Password').fill(VIEWER_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('This account is disabled. Ask an administrator to enable it.')).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
