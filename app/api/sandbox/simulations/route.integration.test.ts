import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { prisma } from '@/app/lib/db/prisma';
import { createHook } from '@/app/lib/hooks/create-hook';
import { hookUrl } from '@/app/lib/hooks/hook-urls';
import { updateHook } from '@/app/lib/hooks/update-hook';
import { createSeededRandom } from '@/app/lib/sandbox/create-seeded-random';
import { getSandboxEnvelope } from '@/app/lib/sandbox/get-sandbox-envelope';
import { simulateEnvelopeLife } from '@/app/lib/sandbox/simulate-envelope-life';
import { startRouteBridge } from '@/app/testing/sandbox/start-route-bridge';
import { signingProviderOverrideForTests } from '@/app/testing/signing-provider-override';
import { DEFAULT_SANDBOX_API_TOKEN } from '@/app/lib/signing/sandbox-address';

// The sandbox is the signing service here, and files go to the database so the test leaves
// nothing on disk; set before anything reads the configuration.
vi.hoisted(() => {
  process.env.SIGNING_PROVIDER = 'sandbox';
  process.env.DOCUMENT_STORAGE = 'database';
});

// Work a route hands to `after` runs at once here, and the test waits for all of it.
const background = vi.hoisted(() => ({ pending: [] as Promise<unknown>[] }));
vi.mock('next/server', async (importOriginal) => {
  const actual = await importOriginal<typeof import('next/server')>();
  return {
    ...actual,
    after: (task: Promise<unknown> | (() => unknown)) => {
      background.pending.push(Promise.resolve().then(() => (typeof task === 'function' ? task() : task)));
    },
  };
});

vi.mock('@/app/lib/signing/signing-provider-config', async (importOriginal) =>
  (await import('@/app/testing/signing-provider-override')).overridableSigningProviderConfig(importOriginal),
);
const provider = signingProviderOverrideForTests();

async function settleBackground() {
  while (background.pending.length > 0) await Promise.allSettled(background.pending.splice(0));
}

let bridge: Awaited<ReturnType<typeof startRouteBridge>>;

beforeAll(async () => {
  bridge = await startRouteBridge();
  // The app's own address: where the sandbox provider and the simulation button deliver.
  process.env.PORT = String(bridge.port);
});

afterAll(async () => {
  await settleBackground();
  await bridge.close();
});

async function postSimulation(body?: unknown) {
  const { POST } = await import('./route');
  const request = new Request(`${bridge.baseUrl}/api/sandbox/simulations`, {
    method: 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const response = await POST(request);
  return { status: response.status, body: await response.json() };
}

async function sandboxFileSha256(fileId: string) {
  const response = await fetch(`${bridge.baseUrl}/api/sandbox/esignanywhere/Api/v6/file/${fileId}`, {
    headers: { apiToken: DEFAULT_SANDBOX_API_TOKEN },
  });
  expect(response.status).toBe(200);
  return createHash('sha256')
    .update(Buffer.from(await response.arrayBuffer()))
    .digest('hex');
}

const TRACKER_STATUS: Record<string, string[]> = {
  Completed: ['completed'],
  Rejected: ['rejected'],
  Expired: ['expired'],
  Active: ['sent', 'opened', 'partially_signed'],
};

describe('the production path, over HTTP: simulator → webhook → esignanywhere adapter → sandbox API', () => {
  for (const style of ['fintechos', 'esignanywhere'] as const) {
    it(`${style}: a completed envelope is confirmed with the sandbox and its files stored byte for byte`, async () => {
      const hook = await createHook({ name: `production path ${style}`, origin: 'cli' });
      const summary = await simulateEnvelopeLife({
        target: hookUrl(bridge.baseUrl, hook.id),
        style,
        outcome: 'completed',
        recipientCount: 2,
        random: createSeededRandom(11),
      });
      await settleBackground();
      expect(summary.failure).toBeNull();

      const envelope = await prisma.envelope.findUnique({
        where: { id: summary.envelopeId },
        include: { documents: { orderBy: { kind: 'asc' } }, recipients: { orderBy: { recipientOrder: 'asc' } } },
      });
      expect(envelope).toMatchObject({ status: 'completed', reconciliation: 'confirmed', providerStatus: 'Completed' });
      // The names come from the sandbox's activities: the notifications carry e-mail addresses only.
      const sandbox = await getSandboxEnvelope({ envelopeId: summary.envelopeId });
      expect(envelope!.recipients.map((recipient) => recipient.name)).toEqual(
        sandbox!.recipients.map((recipient) => `${recipient.givenName} ${recipient.surname}`),
      );

      const signed = envelope!.documents.find((document) => document.kind === 'signed');
      const audit = envelope!.documents.find((document) => document.kind === 'auditTrail');
      expect(envelope!.documents).toHaveLength(2);
      expect(signed).toMatchObject({ providerFileId: `${summary.envelopeId}_document-1`, pageCount: 1 });
      expect(signed!.sha256).toBe(await sandboxFileSha256(signed!.providerFileId));
      expect(audit!.providerFileId).toBe(`${summary.envelopeId}_audit-trail`);
      expect(audit!.sha256).toBe(await sandboxFileSha256(audit!.providerFileId));
    });
  }

  it('a rejected envelope is confirmed Rejected and has no files to fetch', async () => {
    const hook = await createHook({ name: 'production path rejected', origin: 'cli' });
    const summary = await simulateEnvelopeLife({
      target: hookUrl(bridge.baseUrl, hook.id),
      style: 'esignanywhere',
      outcome: 'rejected',
      random: createSeededRandom(12),
    });
    await settleBackground();
    const envelope = await prisma.envelope.findUnique({
      where: { id: summary.envelopeId },
      include: { documents: true },
    });
    expect(envelope).toMatchObject({ status: 'rejected', reconciliation: 'confirmed', providerStatus: 'Rejected' });
    expect(envelope!.documents).toEqual([]);
  });
});

describe('POST /api/sandbox/simulations', () => {
  it('answers 202 once the envelope is on the dashboard, and plays the rest of its life in the background', async () => {
    const hook = await createHook({ name: 'button', origin: 'dashboard' });
    const response = await postSimulation({ hookId: hook.id, style: 'esignanywhere' });
    expect(response).toEqual({
      status: 202,
      body: {
        envelopeId: expect.any(String),
        hookId: hook.id,
        hookCreated: false,
        style: 'esignanywhere',
        envelopeUrl: `/envelopes/${response.body.envelopeId}`,
      },
    });
    const { envelopeId } = response.body;
    const atAnswer = await prisma.envelope.findUnique({ where: { id: envelopeId } });
    expect(atAnswer).toMatchObject({ hookId: hook.id, lastAction: 'sendSignNotification' });

    await settleBackground();
    const sandbox = await getSandboxEnvelope({ envelopeId });
    const tracked = await prisma.envelope.findUnique({ where: { id: envelopeId } });
    expect(TRACKER_STATUS[sandbox!.status]).toContain(tracked!.status);
    const deliveries = await prisma.delivery.findMany({ where: { envelopeId } });
    expect(deliveries.every((delivery) => delivery.method === 'GET' && delivery.sourceAddress === '127.0.0.1')).toBe(
      true,
    );
  });

  it('uses FintechOS style by default and takes no body at all', async () => {
    const response = await postSimulation();
    expect(response.status).toBe(202);
    expect(response.body.style).toBe('fintechos');
    await settleBackground();
    const deliveries = await prisma.delivery.findMany({ where: { envelopeId: response.body.envelopeId } });
    expect(deliveries.length).toBeGreaterThan(0);
    expect(deliveries.every((delivery) => delivery.method === 'POST')).toBe(true);
  });

  it('signs for a hook that requires signatures', async () => {
    const hook = await createHook({ name: 'signed button', origin: 'dashboard' });
    await updateHook({ hookId: hook.id, changes: { signingSecret: 'generate' } });
    const response = await postSimulation({ hookId: hook.id });
    expect(response.status).toBe(202);
    await settleBackground();
    expect(await prisma.delivery.count({ where: { hookId: hook.id, outcome: 'rejected' } })).toBe(0);
  });

  it('refuses what it cannot do, saying what to do instead', async () => {
    expect((await postSimulation('{nope')).body.error.code).toBe('invalid_simulation');
    expect((await postSimulation({ style: 'docusign' })).status).toBe(400);
    const unknown = await postSimulation({ hookId: 'no-such-hook-0123456789abcdef' });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'unknown_hook' } } });

    const fenced = await createHook({ name: 'office only', origin: 'dashboard' });
    await updateHook({ hookId: fenced.id, changes: { allowedNetworks: ['10.0.0.0/8'] } });
    const refused = await postSimulation({ hookId: fenced.id });
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'hook_refuses_loopback' } } });
    expect(refused.body.error.message).toContain('127.0.0.1/32');
  });

  it('does not exist unless the signing provider is the sandbox', async () => {
    provider.override = { provider: 'none', problem: null, reason: 'off' };
    const response = await postSimulation({});
    expect(response).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(response.body.error.message).toContain('SIGNING_PROVIDER=sandbox');
  });
});
