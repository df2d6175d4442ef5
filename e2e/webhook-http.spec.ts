import { expect, test } from '@playwright/test';

test('the webhook answers senders over real HTTP without redirects or HTML', async ({ request }) => {
  const hook = await (await request.post('/api/hooks', { data: { name: 'HTTP behaviour' } })).json();
  const envelopeId = `http-${Date.now()}`;

  const withSlash = await request.get(`/api/webhooks/${hook.id}/?envelopeId=${envelopeId}&action=workstepOpened`, {
    maxRedirects: 0,
  });
  expect(withSlash.status()).toBe(200);
  expect(await withSlash.json()).toEqual({ ok: true, envelopeId, duplicate: false });

  const malformed = await request.post(`/api/webhooks/${hook.id}`, {
    headers: { 'content-type': 'application/json' },
    data: '{"Data": {"envelopeId": ',
  });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error.code).toBe('malformed_json');

  const noHook = await request.get('/api/webhooks/', { maxRedirects: 0 });
  expect(noHook.status()).toBe(404);
  expect((await noHook.json()).error.code).toBe('not_found');
});
