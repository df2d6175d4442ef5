import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { getEnvironment } from '@/app/lib/env';

// Traces for OpenTelemetry, on when OTEL_EXPORTER_OTLP_ENDPOINT is set: spans go to that collector over OTLP/HTTP
// (JSON), batched. The exporter reads the endpoint and OTEL_EXPORTER_OTLP_HEADERS itself. One provider per process, on
// globalThis like the metrics (instrumentation starts it; route handlers' bundles find it through @opentelemetry/api).

const GLOBAL_KEY = '__envelopeTrackerTracerProvider';
type Holder = { [GLOBAL_KEY]?: TracerProvider };

/** Starts exporting traces when OTEL_EXPORTER_OTLP_ENDPOINT is set; returns whether it did. */
export function startTracing(): boolean {
  const environment = getEnvironment();
  const holder = globalThis as Holder;
  if (!environment.OTEL_EXPORTER_OTLP_ENDPOINT || holder[GLOBAL_KEY]) return Boolean(holder[GLOBAL_KEY]);
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(
    new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }),
  );
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': environment.OTEL_SERVICE_NAME }),
    spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter() })],
  });
  trace.setGlobalTracerProvider(provider);
  holder[GLOBAL_KEY] = provider;
  return true;
}

/** Sends the spans still waiting (a shutdown, a test). */
export async function flushTraces(): Promise<void> {
  await (globalThis as Holder)[GLOBAL_KEY]?.forceFlush();
}
