import { rmSync } from 'node:fs';
import { test } from '@playwright/test';
import {
  startFakeEsignAnyWhereServer,
  type FakeEsignAnyWhereServer,
} from '../../app/testing/fake-esignanywhere-server';
import { freePort, killAppServer, startAppServer, type AppServer } from './app-server';

/**
 * A production server of the describe block's own, with the fake eSignAnyWhere as its signing service and one hook,
 * started before its tests and removed (with its data) after them. Read `fake` and `app` inside the tests.
 */
export function startAppWithFakeSigningServiceForBlock(options: { hookId: string; label: string }) {
  const context = {} as { fake: FakeEsignAnyWhereServer; app: AppServer };
  let dataDir: string | undefined;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    context.fake = await startFakeEsignAnyWhereServer();
    const port = await freePort();
    dataDir = `data/e2e-${port}-${options.label}`;
    context.app = await startAppServer(
      {
        DATABASE_URL: `file:./${dataDir}/app.db`,
        DOCUMENT_STORAGE_DIR: `${dataDir}/documents`,
        WEBHOOK_HOOK_IDS: options.hookId,
        SIGNING_PROVIDER: 'esignanywhere',
        ESAW_BASE_URL: context.fake.baseUrl,
        ESAW_API_TOKEN: context.fake.apiToken,
      },
      port,
    );
  });

  test.afterAll(async () => {
    if (context.app) killAppServer(context.app);
    await context.fake?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  return context;
}
