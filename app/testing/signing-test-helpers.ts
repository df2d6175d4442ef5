import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';
import { createEsignAnyWhereProvider } from '@/app/lib/signing/esignanywhere-provider';
import type { ProviderLimits } from '@/app/lib/signing/provider-request';
import { startFakeEsignAnyWhereServer, type FakeEsignAnyWhereServer } from './fake-esignanywhere-server';
import { createTestHook, sendWebhook, uniqueEnvelopeId } from './webhook-test-helpers';

/**
 * Points this test file's app configuration at a fresh fake eSignAnyWhere server and a temporary
 * document folder. Call at the top of the file, before anything reads the configuration.
 */
export async function startFakeEsignAnyWhereForTests() {
  const fake = await startFakeEsignAnyWhereServer();
  const storageDir = mkdtempSync(path.join(os.tmpdir(), 'envelope-documents-'));
  vi.stubEnv('SIGNING_PROVIDER', 'esignanywhere');
  vi.stubEnv('ESAW_BASE_URL', fake.baseUrl);
  vi.stubEnv('ESAW_API_TOKEN', fake.apiToken);
  vi.stubEnv('DOCUMENT_STORAGE_DIR', storageDir);
  return { fake, storageDir };
}

export const TEST_LIMITS: ProviderLimits = { timeoutMs: 1_000, maxBytes: 256 * 1024, requireHttps: false };

export function fakeProvider(fake: FakeEsignAnyWhereServer, limits: Partial<ProviderLimits> = {}) {
  return createEsignAnyWhereProvider({
    name: 'esignanywhere',
    baseUrl: fake.baseUrl,
    apiToken: fake.apiToken,
    limits: { ...TEST_LIMITS, ...limits },
  });
}

/** An envelope with two notified recipients and a finish callback, as the app received them. */
export async function notifyFinishedEnvelope(options: { finish?: boolean } = {}) {
  const hook = await createTestHook();
  const envelopeId = uniqueEnvelopeId();
  for (const [order, email] of [
    ['1', 'ana@example.com'],
    ['2', 'bo@example.com'],
  ]) {
    const response = await sendWebhook(hook.id, {
      query: { envelopeId, action: 'workstepFinished', recipientOrder: order!, recipientEmail: email! },
    });
    if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
  }
  if (options.finish !== false) {
    await sendWebhook(hook.id, { query: { envelopeId, action: 'envelopeFinished', FTOSIsFinishCallback: '1' } });
  }
  return { hook, envelopeId };
}
