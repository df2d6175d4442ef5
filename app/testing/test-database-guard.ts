// Decides whether the PostgreSQL test layer runs, and refuses databases that are not on this machine:
// the tests wipe what they are given.
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '']);

export function resolvePostgresqlTestDatabase(
  environment: Record<string, string | undefined> = process.env,
): string | undefined {
  const url = environment.TEST_DATABASE_URL?.trim();
  if (!url) {
    if (environment.CI === 'true') {
      throw new Error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL test layer must run in CI.');
    }
    if (!environment.VITEST_WORKER_ID) {
      console.warn('PostgreSQL tests skipped: set TEST_DATABASE_URL=postgresql://... to run them too.');
    }
    return undefined;
  }
  assertLocalPostgresqlUrl(url);
  return url;
}

export function assertLocalPostgresqlUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('TEST_DATABASE_URL is not a valid URL.');
  }
  if (parsed.protocol !== 'postgresql:' && parsed.protocol !== 'postgres:') {
    throw new Error('TEST_DATABASE_URL must be a postgresql:// URL.');
  }
  const socketHost = parsed.searchParams.get('host');
  const isLocalSocket = socketHost?.startsWith('/') ?? false;
  if (!LOCAL_HOSTS.has(parsed.hostname) && !isLocalSocket) {
    throw new Error(`Refusing to run tests against ${parsed.hostname}: TEST_DATABASE_URL must point to this machine.`);
  }
}
