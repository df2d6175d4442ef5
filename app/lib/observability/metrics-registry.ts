import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

// The process's metrics, created once and kept on globalThis: Next.js bundles instrumentation, proxy and route
// handlers apart, and every copy of this module must count into the same registry. Labels are bounded: hook names (a
// handful), known actions, route templates, status classes; never an envelope id.

export const METRIC_PREFIX = 'envelope_tracker_';

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });
  return {
    registry,
    notificationsReceived: new Counter({
      name: `${METRIC_PREFIX}notifications_received_total`,
      help: 'Notifications received by the webhook route, by hook name, action and outcome (and refusal code).',
      labelNames: ['hook', 'action', 'outcome', 'code'] as const,
      registers: [registry],
    }),
    requestDuration: new Histogram({
      name: `${METRIC_PREFIX}http_request_duration_seconds`,
      help: 'Time from request to the end of the answer, by route template, method and status class.',
      labelNames: ['route', 'method', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    ingestBatchSize: new Histogram({
      name: `${METRIC_PREFIX}ingest_batch_size`,
      help: 'Notifications stored per group commit.',
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
      registers: [registry],
    }),
  };
}

type Metrics = ReturnType<typeof createMetrics>;
const GLOBAL_KEY = '__envelopeTrackerMetrics';

export function getMetrics(): Metrics {
  const holder = globalThis as { [GLOBAL_KEY]?: Metrics };
  return (holder[GLOBAL_KEY] ??= createMetrics());
}
