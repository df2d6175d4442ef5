import autocannon from 'autocannon';
import type { BenchRequest } from './notification-stream';
import { roundTo } from './statistics';

export type ThroughputResult = {
  /** 2xx responses per second: refused or failed requests do not count as work done. */
  successfulRequestsPerSecond: number;
  responses: number;
  non2xx: number;
  /** Connection errors and timeouts: requests that got no answer at all. */
  errors: number;
  statusCounts: Record<string, number>;
  latencyP50Ms: number;
  latencyP99Ms: number;
  durationSeconds: number;
};

const REQUEST_TIMEOUT_SECONDS = 10;

/**
 * Closed loop: every connection sends its next request as soon as the previous one is answered, so the figure is
 * how much the server can do flat out. `nextRequest` makes each request different (otherwise the same one repeats).
 */
export async function measureClosedLoopThroughput(options: {
  baseUrl: string;
  path: string;
  connections: number;
  durationSeconds: number;
  nextRequest?: () => BenchRequest;
}): Promise<ThroughputResult> {
  const { nextRequest } = options;
  const result = await autocannon({
    url: `${options.baseUrl}${options.path}`,
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: REQUEST_TIMEOUT_SECONDS,
    // A single entry with setupRequest: autocannon calls it again before every request of every connection.
    requests: nextRequest ? [{ setupRequest: (defaults) => ({ ...defaults, ...nextRequest() }) }] : undefined,
  });
  const statusCounts = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => [status, count ?? 0]),
  );
  return {
    successfulRequestsPerSecond: roundTo(result['2xx'] / result.duration, 0),
    responses: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    statusCounts,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    durationSeconds: roundTo(result.duration, 2),
  };
}
