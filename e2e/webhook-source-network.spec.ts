import { expect, test } from '@playwright/test';

test('a hook limited to a network judges the real TCP peer, not a forged X-Forwarded-For', async ({ request }) => {
  const created = await request.post('/api/hooks', { data: { name: 'Network-limited' } });
  expect(created.status()).toBe(201);
  const hook = await created.json();
  expect(hook.webhookStatusUrl).toContain(`/api/webhooks/${hook.id}?envelopeId=##EnvelopeId##`);

  const onlyPrivate = await request.patch(`/api/hooks/${hook.id}`, { data: { allowedNetworks: '10.0.0.0/8' } });
  expect(onlyPrivate.status()).toBe(200);
  const forged = await request.get(`/api/webhooks/${hook.id}?envelopeId=net-1&action=workstepOpened`, {
    headers: { 'X-Forwarded-For': '10.1.2.3', 'x-envelope-tracker-peer-address': '10.1.2.3' },
  });
  expect(forged.status()).toBe(403);

  await request.patch(`/api/hooks/${hook.id}`, { data: { allowedNetworks: '127.0.0.0/8, ::1' } });
  const fromLoopback = await request.get(`/api/webhooks/${hook.id}?envelopeId=net-1&action=workstepOpened`);
  expect(fromLoopback.status()).toBe(200);

  const revoked = await request.delete(`/api/hooks/${hook.id}`);
  expect(revoked.status()).toBe(204);
  const afterRevoke = await request.get(`/api/webhooks/${hook.id}?envelopeId=net-1&action=workstepOpened`);
  expect(afterRevoke.status()).toBe(404);
});
