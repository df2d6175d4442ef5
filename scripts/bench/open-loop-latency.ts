import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { BenchRequest } from './notification-stream';
import { percentileOfSorted, roundTo } from './statistics';

export type LatencyResult = {
  offeredRatePerSecond: number;
  scheduled: number;
  answered: number;
  non2xx: number;
  /** Requests with no answer: connection errors and timeouts. */
  errors: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** How late the client itself sent its worst request; large values mean the client, not the server, lagged. */
  worstSendDelayMs: number;
};

const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Open loop: requests leave on a fixed schedule whether or not earlier ones were answered, as webhooks from many
 * envelopes do. Latency is counted from each request's scheduled time, so a stalled server shows up in the figures
 * instead of quietly slowing the sender down (coordinated omission).
 */
export async function measureOpenLoopLatency(options: {
  baseUrl: string;
  ratePerSecond: number;
  durationSeconds: number;
  nextRequest: () => BenchRequest;
}): Promise<LatencyResult> {
  const { hostname, port } = new URL(options.baseUrl);
  const intervalMs = 1000 / options.ratePerSecond;
  const scheduled = Math.round(options.ratePerSecond * options.durationSeconds);
  // keepAlive like a real sender's client; no socket cap, or requests would queue in the client, not the server.
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  const latenciesMs: number[] = [];
  let non2xx = 0;
  let errors = 0;
  let worstSendDelayMs = 0;

  const send = (scheduledAt: number) =>
    new Promise<void>((resolve) => {
      worstSendDelayMs = Math.max(worstSendDelayMs, performance.now() - scheduledAt);
      const { method, path, headers, body } = options.nextRequest();
      let settled = false;
      // Node may report one failure through several events (request error, response close); count it once.
      const settle = (outcome: { status: number } | 'failed') => {
        if (settled) return;
        settled = true;
        clearTimeout(timeout);
        if (outcome === 'failed') errors++;
        else {
          latenciesMs.push(performance.now() - scheduledAt);
          if (outcome.status < 200 || outcome.status > 299) non2xx++;
        }
        resolve();
      };
      const contentLength = body ? { 'content-length': String(Buffer.byteLength(body)) } : {};
      const outgoing = request(
        { host: hostname, port, method, path, agent, headers: { ...headers, ...contentLength } },
        (response) => {
          response.on('end', () => settle({ status: response.statusCode ?? 0 }));
          response.on('close', () => settle('failed'));
          response.resume();
        },
      );
      const timeout = setTimeout(() => outgoing.destroy(new Error('timed out')), REQUEST_TIMEOUT_MS);
      outgoing.on('error', () => settle('failed'));
      outgoing.end(body || undefined);
    });

  const inFlight: Promise<void>[] = [];
  const startAt = performance.now();
  await new Promise<void>((allSent) => {
    let next = 0;
    // One timer per due time rather than setInterval: a late tick sends every request that has fallen due.
    const sendDueRequests = () => {
      const now = performance.now();
      while (next < scheduled && startAt + next * intervalMs <= now) inFlight.push(send(startAt + next++ * intervalMs));
      if (next === scheduled) allSent();
      else setTimeout(sendDueRequests, Math.max(0, startAt + next * intervalMs - performance.now()));
    };
    sendDueRequests();
  });
  await Promise.all(inFlight);
  agent.destroy();

  latenciesMs.sort((a, b) => a - b);
  return {
    offeredRatePerSecond: options.ratePerSecond,
    scheduled,
    answered: latenciesMs.length,
    non2xx,
    errors,
    p50Ms: roundTo(percentileOfSorted(latenciesMs, 50), 1),
    p99Ms: roundTo(percentileOfSorted(latenciesMs, 99), 1),
    maxMs: roundTo(latenciesMs.at(-1) ?? NaN, 1),
    worstSendDelayMs: roundTo(worstSendDelayMs, 1),
  };
}
