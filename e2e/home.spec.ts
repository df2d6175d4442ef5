import { expect, test } from '@playwright/test';

test('the home page renders with its styles and the health check answers', async ({ page, request }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Envelopes' })).toBeVisible();
  // Tailwind is compiled in: the page background comes from a utility class.
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe('rgba(0, 0, 0, 0)');

  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok', database: 'sqlite', migrations: 'up-to-date' });
});
