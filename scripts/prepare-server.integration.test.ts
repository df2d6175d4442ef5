import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDatabaseConfig } from '@/app/lib/db/database-config';
import { createEmptyDatabase } from '@/app/testing/empty-database';

const tsx = ['--import', 'tsx', '--conditions=react-server'];

// Empty values count as unset, and also keep a developer's .env from filling them in.
const UNSET = {
  DASHBOARD_PASSWORD: '',
  SESSION_SECRET: '',
  API_TOKEN: '',
  DASHBOARD_AUTH: '',
  NODE_ENV: '',
  ADMIN_EMAIL: '',
  ADMIN_PASSWORD: '',
  OIDC_ISSUER: '',
};

function runScript(script: string, args: string[], env: Record<string, string>, input?: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(
      process.execPath,
      [...tsx, script, ...args],
      { env: { ...process.env, ...UNSET, ...env } as NodeJS.ProcessEnv },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input ?? '');
  });
}

/** Each test that needs "a fresh database" gets one of its own, of this run's provider. */
async function freshDatabase() {
  const database = await createEmptyDatabase(getDatabaseConfig().provider);
  cleanups.push(database.drop);
  return database.url;
}
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of cleanups) await drop();
});

describe('prepare-server sign-in checks', () => {
  let fresh: string;
  beforeAll(async () => {
    fresh = await freshDatabase();
  });

  it('refuses a production start when nobody could sign in, saying every way out', async () => {
    const result = await runScript('scripts/prepare-server.ts', ['--production'], { DATABASE_URL: fresh });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Not starting: nobody can sign in yet/);
    expect(result.stderr).toMatch(/npm run user:create -- --email you@example.com --role admin/);
    expect(result.stderr).toMatch(/ADMIN_EMAIL and ADMIN_PASSWORD/);
    expect(result.stderr).toMatch(/DASHBOARD_AUTH=off/);
  });

  it('starts production without sign-in when DASHBOARD_AUTH=off is set on purpose', async () => {
    const result = await runScript('scripts/prepare-server.ts', ['--production'], {
      DASHBOARD_AUTH: 'off',
      DATABASE_URL: fresh,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Sign-in: off \(DASHBOARD_AUTH=off\)/);
  });

  it('creates the first admin from ADMIN_EMAIL and ADMIN_PASSWORD once, then starts without them', async () => {
    const url = await freshDatabase();
    const env = { DATABASE_URL: url, ADMIN_EMAIL: 'Boss@Example.com', ADMIN_PASSWORD: 'a first admin password' };
    const first = await runScript('scripts/prepare-server.ts', ['--production'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Created the first admin, boss@example.com, from ADMIN_EMAIL and ADMIN_PASSWORD/);
    const again = await runScript('scripts/prepare-server.ts', ['--production'], env);
    expect(again.stdout).not.toMatch(/Created the first admin/);
    // With a user in the database, production starts with no sign-in settings at all.
    const bare = await runScript('scripts/prepare-server.ts', ['--production'], { DATABASE_URL: url });
    expect(bare.code).toBe(0);
    expect(bare.stdout).toMatch(/Sign-in: required \(password\)/);
  });

  it('turns an older DASHBOARD_PASSWORD into the first admin, with a notice explaining the move', async () => {
    const url = await freshDatabase();
    const result = await runScript('scripts/prepare-server.ts', ['--production'], {
      DATABASE_URL: url,
      DASHBOARD_PASSWORD: 'correct horse battery',
      SESSION_SECRET: 'x'.repeat(40),
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/DASHBOARD_PASSWORD became the password of the first admin, admin@localhost/);
    expect(result.stderr).toMatch(/choose a new password on the Account page/);
    expect(result.stderr).toMatch(/SESSION_SECRET is no longer needed/);
    // Changed afterwards, the variable signs nobody in any more: said at start-up.
    const changed = await runScript('scripts/prepare-server.ts', ['--production'], {
      DATABASE_URL: url,
      DASHBOARD_PASSWORD: 'another horse battery',
    });
    expect(changed.code).toBe(0);
    expect(changed.stderr).toMatch(/DASHBOARD_PASSWORD is not the password of the admin it once became/);
  });

  it('refuses inconsistent settings in development too', async () => {
    const both = await runScript('scripts/prepare-server.ts', [], {
      DASHBOARD_PASSWORD: 'correct horse battery',
      DASHBOARD_AUTH: 'off',
      DATABASE_URL: fresh,
    });
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(/remove DASHBOARD_AUTH=off/);
  });

  it('starts development open, saying it is open', async () => {
    const result = await runScript('scripts/prepare-server.ts', [], { DATABASE_URL: fresh });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Sign-in: not configured; the dashboard is open/);
  });
});

describe('npm run user:create', () => {
  let url: string;
  beforeAll(async () => {
    url = await freshDatabase();
  });

  it('prints a one-time password, and the new admin lets production start', async () => {
    const result = await runScript(
      'scripts/user-create.ts',
      ['--email', 'ana@example.com', '--role', 'admin', '--name', 'Ana Pop'],
      {
        DATABASE_URL: url,
      },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Created admin ana@example.com/);
    expect(result.stdout).toMatch(/One-time password: [A-Za-z0-9]{20}\n/);
    expect(result.stdout).toMatch(/must be changed at the first sign-in/);
    const start = await runScript('scripts/prepare-server.ts', ['--production'], { DATABASE_URL: url });
    expect(start.code).toBe(0);
  });

  it('reads a chosen password from standard input, and refuses a short one', async () => {
    const good = await runScript(
      'scripts/user-create.ts',
      ['--email', 'bob@example.com', '--role', 'viewer', '--password-stdin'],
      { DATABASE_URL: url },
      'a password from stdin\n',
    );
    expect(good.code).toBe(0);
    expect(good.stdout).not.toMatch(/One-time password/);
    const short = await runScript(
      'scripts/user-create.ts',
      ['--email', 'carol@example.com', '--role', 'viewer', '--password-stdin'],
      { DATABASE_URL: url },
      'short\n',
    );
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/at least 12 characters/);
  });

  it('refuses an unknown role, a bad e-mail and a taken one, saying what to do', async () => {
    const role = await runScript('scripts/user-create.ts', ['--email', 'dan@example.com', '--role', 'owner'], {
      DATABASE_URL: url,
    });
    expect(role.code).toBe(1);
    expect(role.stderr).toMatch(/Usage: npm run user:create/);
    const taken = await runScript('scripts/user-create.ts', ['--email', 'ANA@example.com', '--role', 'viewer'], {
      DATABASE_URL: url,
    });
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/There is a user with the e-mail ana@example.com already/);
  });
});
