import { expect, request as playwrightRequest, test, type BrowserContext, type Page } from '@playwright/test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startAppServer } from './support/app-server';
import { startOwnAppServerForFile } from './support/own-app-server';
import { screenshot } from './support/screenshots';

// A production server of its own with sign-in on (the suite's main server runs with DASHBOARD_AUTH=off); its first
// admin is made at start from ADMIN_EMAIL and ADMIN_PASSWORD.
const ADMIN_EMAIL = 'admin@sign-in.example';
const PASSWORD = 'e2e correct horse battery';
const API_TOKEN = 'e2e-api-token-0123456789';
const HOOK_ID = 'sign-in-e2e-hook-0123456789abcdef';
const databaseUrl = () => `file:./data/e2e-sign-in/${Date.now()}.db`;
const SESSION_COOKIE = 'envelope_tracker_session';

const server = startOwnAppServerForFile({
  DASHBOARD_AUTH: 'on',
  ADMIN_EMAIL,
  ADMIN_PASSWORD: PASSWORD,
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

async function signIn(page: Page, password = PASSWORD) {
  await page.getByLabel('E-mail').fill(ADMIN_EMAIL);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
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
  // Signed out there is nothing else to visit, so no navigation, no banner, nobody in the header.
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(page.getByText('Not protected')).toHaveCount(0);
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
  // E-mail first, then the password; no company SSO configured, so no button for it.
  const email = page.getByLabel('E-mail');
  await expect(email).toBeFocused();
  await expect(email).toHaveAttribute('autocomplete', 'username');
  await expect(page.getByRole('link', { name: /^Sign in with/ })).toHaveCount(0);
  await screenshot(page, 'sign-in');

  await signIn(page, 'not the password');
  await expect(page.getByText(/^Wrong e-mail address or password/)).toBeVisible();
  const password = page.getByLabel('Password');
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
  // The header says who is signed in, and as what.
  await expect(page.getByTestId('signed-in-as')).toContainText(ADMIN_EMAIL);
  await expect(page.getByTestId('signed-in-as')).toContainText('Admin');
  await screenshot(page, 'signed-in');
  const [cookie] = await sessionCookies(context);
  expect(cookie).toMatchObject({ name: SESSION_COOKIE, httpOnly: true, sameSite: 'Lax', secure: false });
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
  await page.goto(`${server.baseUrl}/`);
  await expect(page).toHaveURL(`${server.baseUrl}/sign-in`);
});

test('without JavaScript the form posts, and comes back with the reason when it fails', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/sign-in?next=%2Finsights`);
  await page.getByLabel('E-mail').fill(ADMIN_EMAIL);
  await page.getByLabel('Password').fill('not the password either');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${server.baseUrl}/sign-in?error=wrong_password&next=%2Finsights`);
  await expect(page.getByText(/^Wrong e-mail address or password/)).toBeVisible();

  await signIn(page);
  await expect(page).toHaveURL(`${server.baseUrl}/insights`);
  await expect(page.getByTestId('signed-in-as')).toContainText(ADMIN_EMAIL);
  await context.close();
});

test('a page of another site cannot send a signed-in visitor elsewhere after sign-in', async ({ page }) => {
  await page.goto(`${server.baseUrl}/sign-in?next=${encodeURIComponent('//evil.example/phish')}`);
  await signIn(page);
  await expect(page).toHaveURL(`${server.baseUrl}/`);
  await expect(page.getByRole('heading', { name: 'Envelopes' })).toBeVisible();
});

test('the API needs a session or a token; webhooks and health stay open', async () => {
  const anonymous = await playwrightRequest.newContext({ baseURL: server.baseUrl });
  const withoutSession = await anonymous.get('/api/envelopes');
  expect(withoutSession.status()).toBe(401);
  expect(await withoutSession.json()).toEqual({
    error: { code: 'unauthorized', message: expect.stringMatching(/^Sign in/) },
  });
  expect((await anonymous.post('/api/hooks', { data: { name: 'x' } })).status()).toBe(401);

  // The deprecated shared API_TOKEN still acts as an admin, and says it is deprecated.
  const bearer = { Authorization: `Bearer ${API_TOKEN}` };
  const legacy = await anonymous.get('/api/envelopes', { headers: bearer });
  expect(legacy.status()).toBe(200);
  expect(legacy.headers()['deprecation']).toBe('true');
  // Scripts send no Origin; the token exempts them from the check.
  expect((await anonymous.post('/api/hooks', { headers: bearer, data: { name: 'From a script' } })).status()).toBe(201);
  const wrongToken = await anonymous.get('/api/envelopes', { headers: { Authorization: 'Bearer wrong-token-abcdef' } });
  expect(wrongToken.status()).toBe(401);
  expect((await wrongToken.json()).error.message).toMatch(/unknown, revoked or expired/);

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
  const credentials = { email: ADMIN_EMAIL, password: PASSWORD };
  const session = await playwrightRequest.newContext({ baseURL: server.baseUrl });
  const crossSiteSignIn = await session.post('/api/auth/sign-in', {
    headers: { Origin: 'https://evil.example' },
    data: credentials,
  });
  expect(crossSiteSignIn.status()).toBe(403);
  const signedIn = await session.post('/api/auth/sign-in', { headers: { Origin: origin }, data: credentials });
  expect(signedIn.status()).toBe(200);
  expect(await signedIn.json()).toMatchObject({ ok: true, next: '/', mustChangePassword: false });
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

test('a production server where nobody could sign in refuses to start and says how to fix it', async () => {
  test.setTimeout(60_000);
  const start = startAppServer({
    DASHBOARD_AUTH: 'on',
    DASHBOARD_PASSWORD: '',
    ADMIN_EMAIL: '',
    ADMIN_PASSWORD: '',
    API_TOKEN: '',
    DATABASE_URL: databaseUrl(),
  });
  await expect(start).rejects.toThrow(/Not starting: nobody can sign in yet/);
  await expect(start).rejects.toThrow(/ADMIN_EMAIL and ADMIN_PASSWORD/);
  await expect(start).rejects.toThrow(/DASHBOARD_AUTH=off/);
});

/** How long the browser may take to open the sign-in page and sign in, while the address must still be waiting. */
const BROWSER_SECONDS = 8;

// Last of the tests on this server: it leaves the server's one address (127.0.0.1) locked.
test('wrong passwords from one address are slowed down until even the right one must wait', async ({ page }) => {
  // The guesser waits out 1 + 2 + 4 s before the wait is long enough.
  test.setTimeout(60_000);
  // Someone guesses from this address (here every request comes from 127.0.0.1, as behind one proxy).
  const guesser = await playwrightRequest.newContext({ baseURL: server.baseUrl });
  // Past the free failures each one doubles the wait (1 s, 2 s, 4 s, 8 s …). The guesser waits each one out and
  // guesses again until the wait outlasts what the browser needs below, also on a slow machine (a 1 s wait ran out
  // before the page had signed in).
  let retryAfterSeconds = 0;
  for (let guess = 1; guess <= 20 && retryAfterSeconds < BROWSER_SECONDS; guess++) {
    const response = await guesser.post('/api/auth/sign-in', {
      data: { email: ADMIN_EMAIL, password: `guess ${guess}` },
    });
    if (response.status() !== 429) continue;
    retryAfterSeconds = Number(response.headers()['retry-after']);
    expect(retryAfterSeconds).toBeGreaterThan(0);
    if (retryAfterSeconds < BROWSER_SECONDS) await sleep(retryAfterSeconds * 1000);
  }
  expect(retryAfterSeconds).toBeGreaterThanOrEqual(BROWSER_SECONDS);
  const rightOne = await guesser.post('/api/auth/sign-in', { data: { email: ADMIN_EMAIL, password: PASSWORD } });
  expect(rightOne.status()).toBe(429);
  expect((await rightOne.json()).error.code).toBe('too_many_attempts');
  await guesser.dispose();

  // The page says so, and how long to wait.
  await page.goto(`${server.baseUrl}/sign-in`);
  await signIn(page);
  await expect(page.getByText(/^Too many failed attempts .* Try again in \d+ (second|minute)s?\./)).toBeVisible();
  await expect(page).toHaveURL(`${server.baseUrl}/sign-in`);
});
