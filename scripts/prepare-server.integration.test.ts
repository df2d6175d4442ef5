import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const tsx = ['--import', 'tsx', '--conditions=react-server'];

// Empty values count as unset, and also keep a developer's .env from filling them in.
const UNSET = { DASHBOARD_PASSWORD: '', SESSION_SECRET: '', API_TOKEN: '', DASHBOARD_AUTH: '', NODE_ENV: '' };

function prepareServer(args: string[], env: Record<string, string>) {
  return run(process.execPath, [...tsx, 'scripts/prepare-server.ts', ...args], {
    env: { ...process.env, ...UNSET, ...env } as NodeJS.ProcessEnv,
  }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('prepare-server sign-in checks', () => {
  it('refuses a production start without DASHBOARD_PASSWORD, saying what to set', async () => {
    const result = await prepareServer(['--production'], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Not starting: Production needs sign-in: set DASHBOARD_PASSWORD/);
    expect(result.stderr).toMatch(/DASHBOARD_AUTH=off/);
    expect(result.stdout).not.toMatch(/migrations up to date/);
  });

  it('starts production without a password when DASHBOARD_AUTH=off is set on purpose', async () => {
    const result = await prepareServer(['--production'], { DASHBOARD_AUTH: 'off' });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Sign-in: off \(DASHBOARD_AUTH=off\)/);
  });

  it('starts production with a password and a session secret', async () => {
    const result = await prepareServer(['--production'], {
      DASHBOARD_PASSWORD: 'correct horse battery',
      SESSION_SECRET: 'x'.repeat(40),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Sign-in: password required/);
  });

  it('refuses inconsistent settings in development too', async () => {
    const withoutSecret = await prepareServer([], { DASHBOARD_PASSWORD: 'correct horse battery' });
    expect(withoutSecret.code).toBe(1);
    expect(withoutSecret.stderr).toMatch(/SESSION_SECRET is not: set SESSION_SECRET to 32 or more random characters/);

    const both = await prepareServer([], {
      DASHBOARD_PASSWORD: 'correct horse battery',
      SESSION_SECRET: 'x'.repeat(40),
      DASHBOARD_AUTH: 'off',
    });
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(/remove DASHBOARD_AUTH=off/);
  });

  it('starts development open, saying it is open', async () => {
    const result = await prepareServer([], {});
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Sign-in: not configured; the dashboard is open/);
  });
});
