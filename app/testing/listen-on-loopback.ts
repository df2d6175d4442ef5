import { once } from 'node:events';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';

export type LoopbackListener = {
  /** http://127.0.0.1:<port>, without a trailing slash. */
  baseUrl: string;
  port: number;
  /** Stops accepting connections; resolves once the open ones have ended. */
  close: () => Promise<void>;
};

/** Starts a test server on a free port of 127.0.0.1 and says where it listens. */
export async function listenOnLoopback(server: http.Server): Promise<LoopbackListener> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
