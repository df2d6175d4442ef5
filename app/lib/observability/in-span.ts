import { SpanStatusCode, trace, type Attributes, type Link, type Span, type SpanKind } from '@opentelemetry/api';

const tracer = () => trace.getTracer('envelope-tracker');

/**
 * Runs `work` in a span of its own, a child of the active one; an error marks the span failed and goes on. Without a
 * tracer provider (OTEL_EXPORTER_OTLP_ENDPOINT unset) the span records nothing and costs next to nothing.
 */
export function inSpan<T>(
  name: string,
  options: { attributes?: Attributes; kind?: SpanKind; links?: Link[]; root?: boolean },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  return tracer().startActiveSpan(name, options, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** `inSpan` for synchronous work (parsing): no promise added on the webhook path for it. */
export function inSpanSync<T>(name: string, work: () => T): T {
  return tracer().startActiveSpan(name, (span) => {
    try {
      return work();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The active span's context, to link a later piece of work (a batch) to the request that asked for it. */
export function activeSpanLink(): Link | null {
  const active = trace.getActiveSpan();
  return active && active.spanContext().traceFlags ? { context: active.spanContext() } : null;
}

/** A URL's host as spans name a call out: never its path or query, which may be secrets (a Slack URL, a token). */
export function spanHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'unknown';
  }
}
