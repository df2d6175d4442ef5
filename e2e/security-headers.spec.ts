import { expect, test, type APIResponse, type Page, type Response } from '@playwright/test';

// The suite's main server: a production build (no 'unsafe-eval', nonces on) with DASHBOARD_AUTH=off and plain http.
const run = Date.now().toString(36);
const envelopeId = `${run}-headers`;

/** Everything a page reports that a Content-Security-Policy (or anything else) got in its way. */
function watchForProblems(page: Page) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as { cspViolations?: string[] }).cspViolations ?? []);
}

/** React has taken over the server-rendered document: its fibers hang on the DOM nodes it hydrated. */
async function expectHydrated(page: Page) {
  await expect
    .poll(() => page.evaluate(() => Object.keys(document.body).some((key) => key.startsWith('__reactFiber'))))
    .toBe(true);
}

function expectPageHeaders(headers: Record<string, string>) {
  const policy = headers['content-security-policy'] ?? '';
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'(;|$)/);
  expect(policy).not.toMatch(/unsafe-eval/);
  for (const directive of [
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "style-src 'self' 'unsafe-inline'",
  ])
    expect(policy).toContain(directive);
  expectFixedHeaders(headers);
  // PUBLIC_URL is not https here.
  expect(headers['strict-transport-security']).toBeUndefined();
}

function expectFixedHeaders(headers: Record<string, string>) {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-frame-options']).toBe('DENY');
}

function nonceOf(response: Response | APIResponse): string {
  return /'nonce-([^']+)'/.exec(response.headers()['content-security-policy'] ?? '')?.[1] ?? '';
}

test.beforeEach(async ({ page }) => {
  // Registered before any script of the page runs, so not even the first violation is missed.
  await page.addInitScript(() => {
    const violations: string[] = [];
    Object.assign(window, { cspViolations: violations });
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber} (${event.sample})`,
      ),
    );
  });
});

test('every page renders and hydrates under the Content-Security-Policy, with no violation', async ({
  page,
  request,
}) => {
  const created = await request.post('/api/hooks', { data: { name: `Security headers ${run}` } });
  expect(created.status()).toBe(201);
  const hook: { id: string } = await created.json();
  const notification = new URLSearchParams({
    envelopeId,
    action: 'sendSignNotification',
    recipientOrder: '1',
    recipientEmail: 'ana@example.com',
  });
  expect((await request.get(`/api/webhooks/${hook.id}?${notification}`)).status()).toBe(200);

  const problems = watchForProblems(page);
  const nonces = new Set<string>();
  for (const [path, heading] of [
    ['/', 'Envelopes'],
    ['/insights', 'Insights'],
    ['/deliveries', 'Deliveries'],
    ['/setup', 'Setup'],
    [`/envelopes/${envelopeId}`, envelopeId],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    expectPageHeaders(response!.headers());
    await expect(page.getByRole('heading', { level: 1 }), path).toContainText(heading);
    await expectHydrated(page);

    // Next.js put this request's nonce on every script it wrote into the page.
    const nonce = nonceOf(response!);
    nonces.add(nonce);
    const scripts = await page.evaluate(() =>
      Array.from(document.querySelectorAll('script')).map((script) => ({ src: script.src, nonce: script.nonce })),
    );
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const script of scripts) expect(script.nonce, `${path} ${script.src || 'inline script'}`).toBe(nonce);

    expect(await cspViolations(page), path).toEqual([]);
  }
  // The envelope page keeps polling through the client; still nothing blocked.
  await expect(page.getByText('Updating live')).toBeVisible();
  // And moving between pages in the browser (client-side navigation) loads the next page's code.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Insights');
  expect(await cspViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
  expect(nonces.size).toBe(5);
});

test('markup injected into a page cannot run script', async ({ page }) => {
  await page.goto('/setup');
  await expectHydrated(page);
  // As an XSS would: an inline script and an event handler attribute, run by the browser (not by the test's own
  // evaluate, which the browser exempts from the policy).
  await page.evaluate(() => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<img alt="" src="/no-such-image" onerror="window.injected = true"><iframe srcdoc="<script>parent.injected = true</script>"></iframe>',
    );
  });
  await expect.poll(() => cspViolations(page)).toContainEqual(expect.stringMatching(/^script-src-attr blocked inline/));
  expect(await page.evaluate(() => (window as { injected?: boolean }).injected ?? false)).toBe(false);
});

test('another site cannot frame the dashboard', async ({ page, baseURL }) => {
  const problems = watchForProblems(page);
  await page.setContent(`<iframe title="framed" src="${baseURL}/setup"></iframe>`);
  const frame = page.frameLocator('iframe[title="framed"]');
  // The browser replaces the refused frame with its own error page.
  await expect.poll(() => problems.join('\n')).toMatch(/frame-ancestors 'none'|X-Frame-Options/);
  await expect(frame.getByRole('heading', { name: 'Setup' })).toHaveCount(0);
});

test('APIs, webhooks, health checks and static files carry the security headers too', async ({ request, page }) => {
  const api = await request.get('/api/envelopes');
  expect(api.status()).toBe(200);
  expectPageHeaders(api.headers());
  const refused = await request.post('/api/hooks', {
    headers: { Origin: 'https://evil.example' },
    data: { name: 'Cross-site' },
  });
  expect(refused.status()).toBe(403);
  expectPageHeaders(refused.headers());

  // The proxy skips these (hot paths): next.config.js gives them the fixed headers and a policy that allows nothing.
  for (const path of ['/api/health', '/api/health/live', '/api/webhooks/no-such-hook-0123456789?envelopeId=x']) {
    const response = await request.get(path);
    expectFixedHeaders(response.headers());
    expect(response.headers()['content-security-policy'], path).toBe("default-src 'none'; frame-ancestors 'none'");
  }

  const home = await page.goto('/');
  const script = await page.evaluate(() => document.querySelector<HTMLScriptElement>('script[src]')?.src ?? '');
  expect(script).toContain('/_next/static/');
  expectFixedHeaders((await request.get(script)).headers());
  expect(home?.status()).toBe(200);
});
