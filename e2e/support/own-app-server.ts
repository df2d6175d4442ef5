import { test } from '@playwright/test';
import { killAppServer, startAppServer, type AppServer } from './app-server';

/**
 * A production server of this spec file's own, started with `env` before its first test and stopped after its last;
 * the tests run one after another, as they share it. Call at the top of the file; read the server in tests only.
 */
export function startOwnAppServerForFile(env: Record<string, string>): AppServer {
  let server: AppServer | undefined;
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startAppServer(env);
  });
  test.afterAll(() => {
    if (server) killAppServer(server);
  });
  const started = () => {
    if (!server) throw new Error('The server of this spec file has not started.');
    return server;
  };
  return {
    get baseUrl() {
      return started().baseUrl;
    },
    get process() {
      return started().process;
    },
    output: () => started().output(),
  };
}
