import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/app/lib/db/prisma';

const run = promisify(execFile);
const tsx = ['--import', 'tsx', '--conditions=react-server'];

function runScript(script: string, args: string[], env: Record<string, string>) {
  return run(process.execPath, [...tsx, script, ...args], { env: { ...process.env, ...env } }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('hooks from the command line and the environment', () => {
  it('npm run hook:create prints the id and both URL templates, and the hook exists', async () => {
    const result = await runScript('scripts/hook-create.ts', ['Contracts team'], {
      PUBLIC_URL: 'https://esign.example.com',
    });
    expect(result.code).toBe(0);
    const id = /Hook id: ([A-Za-z0-9_-]{32})/.exec(result.stdout)?.[1];
    expect(id).toBeDefined();
    expect(result.stdout).toContain(
      `WebhookUrl:       https://esign.example.com/api/webhooks/${id}?envelopeId=##EnvelopeId##&action=##Action##`,
    );
    expect(result.stdout).toContain('WebhookStatusUrl:');
    expect(await prisma.hook.findUnique({ where: { id } })).toMatchObject({ name: 'Contracts team', origin: 'cli' });
  });

  it('creates the hooks in WEBHOOK_HOOK_IDS at start-up, once', async () => {
    const ids = [`env-hook-${Date.now()}-aaaaaaaa`, `env-hook-${Date.now()}-bbbbbbbb`];
    for (let run = 0; run < 2; run++) {
      const result = await runScript('scripts/prepare-server.ts', [], { WEBHOOK_HOOK_IDS: ids.join(', ') });
      expect(result.code).toBe(0);
    }
    expect(await prisma.hook.count({ where: { id: { in: ids }, origin: 'environment' } })).toBe(2);
  });

  it('refuses to start when WEBHOOK_HOOK_IDS holds a short or unsafe id, saying which', async () => {
    const result = await runScript('scripts/prepare-server.ts', [], {
      WEBHOOK_HOOK_IDS: 'short, good-id-0123456789abcdef, bad/id/0123456789abc',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/WEBHOOK_HOOK_IDS is not valid/);
    expect(result.stderr).toMatch(/"short" is too short/);
    expect(result.stderr).toMatch(/characters other than/);
    expect(await prisma.hook.findUnique({ where: { id: 'good-id-0123456789abcdef' } })).toBeNull();
  });
});
