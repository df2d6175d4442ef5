import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { registerCleanup } from './cleanup';
import { ProcessGroupMemorySampler, type PeakMemory } from './memory-sampler';
import { signalProcessGroup, spawnInOwnProcessGroup, stopProcessGroup } from './process-group';

// Only the loopback interface: the bench must not expose a server, nor send load anywhere else.
export const LOOPBACK_HOST = '127.0.0.1';

const START_TIMEOUT_MS = 120_000;
const HEALTH_POLL_INTERVAL_MS = 250;
const OUTPUT_LINES_KEPT = 40;

export type BenchServer = {
  baseUrl: string;
  port: number;
  /** The group of npm, sh and the Next.js server, for measuring its memory during one task. */
  processGroupId: number;
  /** Stops the server (whole process group) and returns its peak memory. */
  stop(): Promise<PeakMemory>;
  /** The last lines the server printed, for explaining failures. */
  recentOutput(): string;
  /** Lines the server wrote to stderr so far (each logged delivery failure adds some). */
  stderrLineCount(): number;
};

/**
 * Starts the production server the way it is deployed (`npm start`: migrations, hooks from WEBHOOK_HOOK_IDS, then
 * `next start`) on a free loopback port, and returns once GET /api/health answers 200.
 */
export async function startBenchServer(options: {
  databaseUrl: string;
  distDir: string;
  hookId: string;
  /** Settings of the bench's own, e.g. where the document store is. */
  env?: Record<string, string>;
}): Promise<BenchServer> {
  const port = await findFreeLoopbackPort();
  const baseUrl = `http://${LOOPBACK_HOST}:${port}`;
  const child = spawnInOwnProcessGroup('npm', ['start', '--', '--hostname', LOOPBACK_HOST], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
      NEXT_DIST_DIR: options.distDir,
      WEBHOOK_HOOK_IDS: options.hookId,
      // The bench measures the receiver alone: no sign-in, no signing service behind it.
      DASHBOARD_AUTH: 'off',
      SIGNING_PROVIDER: 'none',
      NEXT_TELEMETRY_DISABLED: '1',
      npm_config_update_notifier: 'false',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const processGroupId = child.pid!;
  const forgetServer = registerCleanup({
    graceful: () => stopProcessGroup(processGroupId),
    lastResort: () => signalProcessGroup(processGroupId, 'SIGKILL'),
  });
  const sampler = new ProcessGroupMemorySampler(processGroupId);
  sampler.start();

  const output: string[] = [];
  let stderrLines = 0;
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString().trimEnd().split('\n'));
    output.splice(0, Math.max(0, output.length - OUTPUT_LINES_KEPT));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', (chunk: Buffer) => {
    stderrLines += chunk.toString().trimEnd().split('\n').length;
    keep(chunk);
  });

  let stopped: Promise<PeakMemory> | undefined;
  const server: BenchServer = {
    baseUrl,
    port,
    processGroupId,
    stop: () => {
      stopped ??= (async () => {
        const peak = sampler.finish();
        await stopProcessGroup(processGroupId);
        forgetServer();
        return peak;
      })();
      return stopped;
    },
    recentOutput: () => output.join('\n'),
    stderrLineCount: () => stderrLines,
  };

  try {
    await waitUntilHealthy(baseUrl, child);
  } catch (error) {
    await server.stop().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${reason}\nLast server output:\n${server.recentOutput()}`);
  }
  return server;
}

async function waitUntilHealthy(baseUrl: string, child: ChildProcess): Promise<void> {
  let exitCode: number | null | undefined;
  child.once('exit', (code) => (exitCode = code ?? null));
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`The server exited during start-up (exit code ${exitCode}).`);
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await sleep(HEALTH_POLL_INTERVAL_MS);
  }
  throw new Error(`GET ${baseUrl}/api/health did not answer 200 within ${START_TIMEOUT_MS / 1000} s.`);
}

/** Asks the kernel for an unused port; the short gap before the server binds it is an accepted race. */
function findFreeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, LOOPBACK_HOST, () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('Could not find a free port.'));
      });
    });
  });
}
