import type http from 'node:http';
import { getLogger } from './logger';
import { getMetrics } from './metrics-registry';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id';
import { routeTemplate } from '@/app/lib/routes/route-template';

/**
 * Gives a request its id (kept from X-Request-Id when sent, returned in the answer and visible to route handlers in
 * the request headers) and, when the answer has gone out, writes one log line and observes its duration. Called by the
 * HTTP-server patch for every request, before Next.js sees it.
 */
export function recordRequest(request: http.IncomingMessage, response: http.ServerResponse): void {
  const started = process.hrtime.bigint();
  const id = requestIdFrom(request.headers[REQUEST_ID_HEADER]);
  request.headers[REQUEST_ID_HEADER] = id;
  response.setHeader('X-Request-Id', id);
  response.once('finish', () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const route = routeTemplate((request.url ?? '/').split('?')[0]!);
    const method = request.method ?? 'GET';
    getMetrics().requestDuration.observe(
      { route, method, status: `${Math.floor(response.statusCode / 100)}xx` },
      seconds,
    );
    getLogger().info(
      {
        requestId: id,
        method,
        route,
        status: response.statusCode,
        durationMs: Math.round(seconds * 10_000) / 10,
        userAgent: request.headers['user-agent']?.slice(0, 200),
      },
      'request',
    );
  });
}
