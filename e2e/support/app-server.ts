import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';

/** A production server of this app (the build the suite made), started and stopped by a test. */
export type AppServer = { baseUrl: string; process: ChildProcess; output: () => string };

export async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as net.AddressInfo).port;
  server.close();
  return port;
}

export async function startAppServer(env: Record<string, string>, port?: number): Promise<AppServer> {
  const chosenPort = port ?? (await freePort());
  let output = '';
  const child = spawn('npm', ['start'], {
    // Sign-in is tested on purpose by the specs that set DASHBOARD_PASSWORD; elsewhere it is off.
    env: { ...process.env, DASHBOARD_AUTH: 'off', ...env, PORT: String(chosenPort) },
    detached: true, // its own process group, so a kill reaches next-server too
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const baseUrl = `http://127.0.0.1:${chosenPort}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Server exited early:\n${output}`);
    const healthy = await fetch(`${baseUrl}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return { baseUrl, process: child, output: () => output };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  killAppServer({ baseUrl, process: child, output: () => output }, 'SIGKILL');
  throw new Error(`Server did not become healthy:\n${output}`);
}

export function killAppServer(server: AppServer, signal: NodeJS.Signals = 'SIGTERM'): void {
  try {
    process.kill(-server.process.pid!, signal);
  } catch {
    // already gone
  }
}
