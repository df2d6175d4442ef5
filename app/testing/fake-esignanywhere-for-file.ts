import { rmSync } from 'node:fs';
import { afterAll, vi } from 'vitest';
import { fakeProvider, startFakeEsignAnyWhereForTests } from './signing-test-helpers';

/**
 * The signing service of this test file: a fake eSignAnyWhere server the app's configuration points at, a provider
 * that talks to it and a temporary document folder, all removed after the file's last test. Call at the top of the
 * file, before anything reads the configuration.
 */
export async function startFakeEsignAnyWhereForFile() {
  const { fake, storageDir } = await startFakeEsignAnyWhereForTests();
  afterAll(async () => {
    await fake.close();
    rmSync(storageDir, { recursive: true, force: true });
    vi.unstubAllEnvs();
  });
  return { fake, storageDir, provider: fakeProvider(fake) };
}
