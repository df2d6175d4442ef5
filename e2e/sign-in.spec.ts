import { expect, request as playwrightRequest, test, type BrowserContext, type Page } from '@playwright/test';
import { startAppServer } from './support/app-server';
import { startOwnAppServerForFile } from './support/own-app-server';
import { screenshot } from './support/screenshots';

// A production server of its own with sign-in on (the suite's main server runs with DASHBOARD_AUTH=off).
const PASSWORD = 'e2e correct horse battery';
const API_TOKEN = 'e2e-api-token-0123456789';
const HOOK_ID = 'sign-in-e2e-hook-0123456789abcdef';
const databaseUrl = () => `file:./data/e2e-sign-in/${Date.now()}.db`;
const SESSION_COOKIE = 'envelope_tracker_session';
const DEVICE_COOKIE = 'envelope_tracker_device';

const server = startOwnAppServerForFile({
  DASHBOARD_AUTH: 'on',
  DASHBOARD_PASSWORD: PASSWORD,
  SESSION_SECRET: 'e2e-session-secret-0123456789abcdefghij',
  API_TOKEN,
  DATABASE_URL: databaseUrl(),
  WEBHOOK_HOOK_IDS: HOOK_ID,
});

/** Content-Security-Policy violations, recorded from before the page's first script runs. */
async function recordCspViolations(page: Page) {
  await page.addInitScript(() => {
    const violations: string[] = [];
    Object.assign(window, { cspViolations: violations });
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}`),
    );
  });
}

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as { cspViolations?: string[] }).cspViolations ?? []);
}

async function sessionCookies(context: BrowserContext) {
  return (await context.cookies()).filter((cookie) => cookie.name === SESSION_COOKIE);
}

test('a visitor is sent to sign-in, a wrong password is refused, the right one gets in, sign-out ends it', async ({
  page,
  context,
}) => {
  await recordCspViolations(page);
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    // The wrong password below is answered 401 on purpose; Chromium logs every failed fetch.
    if (message.type() === 'error' && !/status of 401/.test(message.text())) consoleErrors.push(message.text());
  });
  await page.goto(`${server.baseUrl}/deliveries?outcome=rejected`);
  await expect(page).toHaveURL(`${server.baseUrl}/sign-in?next=%2Fdeliveries%3Foutcome%3Drejected`);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  // Signed out there is nothing else to visit, so no navigation and no banner.
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(page.getByText('Not protected')).toHaveCount(0);
  const password = page.getByLabel('Password');
  await expect(password).toBeFocused();
  await screenshot(page, 'sign-in');

  await password.fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Wrong password. Try again.')).toBeVisible();
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  expect(await sessionCookies(context)).toEqual([]);
  await screenshot(page, 'sign-in-error', ['phone']);

  await password.fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${server.baseUrl}/deliveries?outcome=rejected`);
  await expect(page.getByRole('heading', { name: 'Deliveries' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await screenshot(page, 'signed-in');
  const [cookie] = await sessionCookies(context);
  expect(cookie).toMatchObject({ name: SESSION_COOKIE, httpOnly: true, sameSite: 'Lax', secure: false });
  // The device cookie that keeps this browser signing in while others fail from its address; sent to sign-in only.
  const device = (await context.cookies()).find((each) => each.name === DEVICE_COOKIE);
  expect(device).toMatchObject({ path: '/api/auth/sign-in', httpOnly: true, sameSite: 'Lax', secure: false });
  expect(device!.expires * 1000 - Date.now()).toBeGreaterThan(300 * 24 * 3600 * 1000);
  // The sign-in page and the page after it ran under the Content-Security-Policy without a complaint.
  expect(await cspViolations(page)).toEqual([]);
  expect(consoleErrors).toEqual([]);

  // The browser's own state-changing requests carry this origin and pass the Origin check.
  const created = await page.evaluate(async () => {
    const response = await fetch('/api/hooks', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Created while signed in' }),
    });
    return response.status;
  });
  expect(created).toBe(201);

  // Signed in, the sign-in page sends you on.
  await page.goto(`${server.baseUrl}/sign-in?next=%2Fsetup`);
  await expect(page).toHaveURL(`${server.baseUrl}/setup`);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(`${server.baseUrl}/sign-in`);
  expect(await sessionCookies(context)).toEqual([]);
  // Signing out keeps the device: it is not a session.
  expect((await context.cookies()).map((each) => each.name)).toContain(DEVICE_COOKIE);
  await page.goto(`${server.baseUrl}/`);
  await expect(page).toHaveURL(`${server.baseUrl}/sign-in`);
});

test('a page of another site cannot send a signed-in visitor elsewhere after sign-in', async ({ page }) => {
  await page.goto(`${server.baseUrl}/sign-in?next=${encodeURIComponent('//evil.example/phish')}`);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${server.baseUrl}/`);
  await expect(page.getByRole('heading', { name: 'Envelopes' })).toBeVisible();
});

test('the API needs a session or the API token; webhooks and health stay open', async () => {
  const anonymous = await playwrightRequest.newContext({ baseURL: server.baseUrl });
  const withoutSession = await anonymous.get('/api/envelopes');
  expect(withoutSession.status()).toBe(401);
  expect(await withoutSession.json()).toEqual({
    error: { code: 'unauthorized', message: expect.stringMatching(/^Sign in/) },
  });
  expect((await anonymous.post('/api/hooks', { data: { name: 'x' } })).status()).toBe(401);

  const bearer = { Authorization: `Bearer ${API_TOKEN}` };
  expect((await anonymous.get('/api/envelopes', { headers: bearer })).status()).toBe(200);
  // Scripts send no Origin; the token exempts them from the check.
  expect((await anonymous.post('/api/hooks', { headers: bearer, data: { name: 'From a script' } })).status()).toBe(201);
  const wrongToken = await anonymous.get('/api/envelopes', { headers: { Authorization: 'Bearer wrong-token-abcdef' } });
  expect(wrongToken.status()).toBe(401);
  expect((await wrongToken.json()).error.message).toMatch(/does not match API_TOKEN/);

  expect((await anonymous.get('/api/health')).status()).toBe(200);
  expect((await anonymous.get('/api/health/live')).status()).toBe(200);
  const webhook = await anonymous.get(`/api/webhooks/${HOOK_ID}?envelopeId=sign-in-e2e-1&action=workstepOpened`);
  expect(webhook.status()).toBe(200);
  const webhookPost = await anonymous.post(`/api/webhooks/${HOOK_ID}`, {
    headers: { Origin: 'https://signing-service.example' },
    data: { envelopeId: 'sign-in-e2e-1', action: 'workstepFinished', recipientOrder: '1' },
  });
  expect(webhookPost.status()).toBe(200);
  await anonymous.dispose();
});

test('a state-changing request with a session cookie from another origin is refused', async () => {
  const origin = server.baseUrl;
  const session = await playwrightRequest.newContext({ baseURL: server.baseUrl });
  const crossSiteSignIn = await session.post('/api/auth/sign-in', {
    headers: { Origin: 'https://evil.example' },
    data: { password: PASSWORD },
  });
  expect(crossSiteSignIn.status()).toBe(403);
  const signIn = await session.post('/api/auth/sign-in', { headers: { Origin: origin }, data: { password: PASSWORD } });
  expect(signIn.status()).toBe(200);
  expect((await session.get('/api/envelopes')).status()).toBe(200);

  const foreign = await session.post('/api/hooks', {
    headers: { Origin: 'https://evil.example' },
    data: { name: 'Forged' },
  });
  expect(foreign.status()).toBe(403);
  expect(await foreign.json()).toEqual({ error: { code: 'forbidden_origin', message: expect.any(String) } });
  expect((await session.post('/api/hooks', { data: { name: 'No origin' } })).status()).toBe(403);
  expect(
    (await session.post('/api/hooks', { headers: { Origin: origin }, data: { name: 'Same origin' } })).status(),
  ).toBe(201);

  expect((await session.post('/api/auth/sign-out', { headers: { Origin: origin } })).status()).toBe(200);
  expect((await session.get('/api/envelopes')).status()).toBe(401);
  await session.dispose();
});

test('a production server without DASHBOARD_PASSWORD refuses to start and says how to fix it', async () => {
  test.setTimeout(60_000);
  const start = startAppServer({
    DASHBOARD_AUTH: 'on',
    DASHBOARD_PASSWORD: '',
    SESSION_SECRET: '',
    API_TOKEN: '',
    DATABASE_URL: databaseUrl(),
  });
  await expect(start).rejects.toThrow(/Not starting: Production needs sign-in: set DASHBOARD_PASSWORD/);
  await expect(start).rejects.toThrow(/DASHBOARD_AUTH=off/);
});

// Last of the tests on this server: it leaves the server's one address (127.0.0.1) locked.
test('a browser that signed in before still gets in while wrong passwords lock the shared address', async ({
  page,
  context,
}) => {
  await page.goto(`${server.baseUrl}/sign-in`);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Envelopes' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(`${server.baseUrl}/sign-in`);

  // Someone else guesses from the same address (here every request comes from 127.0.0.1, as behind one proxy).
  const guesser = await playwrightRequest.newContext({ baseURL: server.baseUrl });
  let locked = false;
  for (let guess = 1; guess <= 12 && !locked; guess++) {
    const response = await guesser.post('/api/auth/sign-in', { data: { password: `guess ${guess}` } });
    locked = response.status() === 429;
  }
  expect(locked).toBe(true);
  expect((await guesser.post('/api/auth/sign-in', { data: { password: PASSWORD } })).status()).toBe(429);
  await guesser.dispose();

  // The browser that signed in before carries its device cookie and is let in.
  expect((await context.cookies()).map((each) => each.name)).toContain(DEVICE_COOKIE);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Envelopes' })).toBeVisible();
});
