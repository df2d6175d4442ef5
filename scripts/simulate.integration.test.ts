import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/app/lib/db/prisma';
import { createHook } from '@/app/lib/hooks/create-hook';
import { hookUrl } from '@/app/lib/hooks/hook-urls';
import { startRouteBridge } from '@/app/testing/sandbox/start-route-bridge';

const run = promisify(execFile);

function simulate(args: string[]) {
  return run(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'scripts/simulate.ts', ...args], {
    env: { ...process.env },
  }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

// The webhook route served over real HTTP, sharing this test's database with the script.
let bridge: Awaited<ReturnType<typeof startRouteBridge>>;
beforeAll(async () => {
  bridge = await startRouteBridge();
});
afterAll(() => bridge.close());

describe('npm run simulate', () => {
  it('plays the envelopes against the target hook and prints a line per envelope and a total', async () => {
    const hook = await createHook({ name: 'cli simulation', origin: 'cli' });
    const target = hookUrl(bridge.baseUrl, hook.id);
    const result = await simulate(['--envelopes', '3', '--target', target, '--delay-ms', '0', '--seed', '4']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Simulating 3 envelopes (fintechos style) against ${target}`);
    const lines = result.stdout.split('\n').filter((line) => line.startsWith('✓ '));
    expect(lines).toHaveLength(3);
    expect(result.stdout).toMatch(/^3 envelopes \(.+\); \d+ requests, \d+ answered as duplicates\.$/m);

    const ids = lines.map((line) => line.split(/\s+/)[1]!);
    const envelopes = await prisma.envelope.findMany({ where: { id: { in: ids } } });
    expect(envelopes).toHaveLength(3);
    expect(envelopes.every((envelope) => envelope.hookId === hook.id)).toBe(true);
    const deliveries = await prisma.delivery.findMany({ where: { hookId: hook.id } });
    expect(deliveries.every((delivery) => delivery.method === 'POST')).toBe(true);
    expect(await prisma.sandboxEnvelope.count({ where: { id: { in: ids } } })).toBe(3);
  });

  it('sends GET query strings in eSignAnyWhere style and plays the outcome asked for', async () => {
    const hook = await createHook({ name: 'cli simulation esaw', origin: 'cli' });
    const target = hookUrl(bridge.baseUrl, hook.id);
    const result = await simulate([
      '--envelopes',
      '2',
      '--style',
      'esignanywhere',
      '--outcome',
      'expired',
      '--target',
      target,
      '--delay-ms',
      '0',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/2 envelopes \(2 expired\)/);
    const envelopes = await prisma.envelope.findMany({ where: { hookId: hook.id } });
    expect(envelopes.map((envelope) => envelope.status)).toEqual(['expired', 'expired']);
    const deliveries = await prisma.delivery.findMany({ where: { hookId: hook.id } });
    expect(deliveries.every((delivery) => delivery.method === 'GET' && delivery.query.includes('source=sandbox'))).toBe(
      true,
    );
  });

  it('explains its options and refuses bad ones', async () => {
    const help = await simulate(['--help']);
    expect(help.stdout).toContain('--envelopes N');
    expect(help.stdout).toContain('same database as the app');
    const badStyle = await simulate(['--style', 'docusign']);
    expect(badStyle.code).toBe(1);
    expect(badStyle.stderr).toContain('--style must be one of fintechos, esignanywhere, not "docusign"');
    const badCount = await simulate(['--envelopes', '0']);
    expect(badCount.stderr).toContain('--envelopes must be a whole number from 1 to 1000');
  });

  it('says when nothing answers at the target, and when the hook is not in its database', async () => {
    const result = await simulate(['--target', 'http://127.0.0.1:9/api/webhooks/not-in-this-database-0123456789']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not an active hook in');
    expect(result.stderr).toContain('Nothing answers at http://127.0.0.1:9');
  });

  it('stops an envelope and fails when the target refuses its notifications', async () => {
    const result = await simulate([
      '--envelopes',
      '1',
      '--target',
      `${bridge.baseUrl}/api/webhooks/unknown-hook-0123456789abc`,
      '--delay-ms',
      '0',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✖ .+\n {4}stopped: sendSignNotification was refused: HTTP 404/);
    expect(result.stderr).toContain('1 of 1 envelope lives stopped early');
  });
});
