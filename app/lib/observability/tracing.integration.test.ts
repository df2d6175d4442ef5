import http from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { listenOnLoopback } from '@/app/testing/listen-on-loopback';
import { createTestHook, sendWebhook, uniqueEnvelopeId } from '@/app/testing/webhook-test-helpers';

// An OpenTelemetry collector of this file's own: it keeps every OTLP/HTTP (JSON) export it is sent.
const exports: unknown[] = [];
const collector = await listenOnLoopback(
  http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (request.url === '/v1/traces') exports.push(JSON.parse(body));
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  }),
);
afterAll(() => collector.close());
// Read by the exporter and the configuration, before anything here reads them.
process.env.OTEL_EXPORTER_OTLP_ENDPOINT = collector.baseUrl;
process.env.OTEL_SERVICE_NAME = 'envelope-tracker-test';

type ExportedSpan = {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  links?: { traceId: string; spanId: string }[];
  attributes?: { key: string; value: { stringValue?: string; intValue?: string | number } }[];
};
type Export = {
  resourceSpans: { resource: { attributes: ExportedSpan['attributes'] }; scopeSpans: { spans: ExportedSpan[] }[] }[];
};

const exportedSpans = () =>
  (exports as Export[]).flatMap((sent) =>
    sent.resourceSpans.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans)),
  );
const attribute = (span: ExportedSpan, key: string) => {
  const value = span.attributes?.find((entry) => entry.key === key)?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? undefined : Number(value.intValue));
};

describe('traces', () => {
  it('gives an outbound call a client span named by host, never by its path', async () => {
    const { startTracing, flushTraces } = await import('./start-tracing');
    startTracing();
    const { createSubscription } = await import('@/app/lib/subscriptions/create-subscription');
    const { sendSubscriptionTest } = await import('@/app/lib/subscriptions/send-subscription-test');
    const created = await createSubscription({ url: `${collector.baseUrl}/customer-secret-path` });
    expect(created.ok).toBe(true);
    await sendSubscriptionTest(created.ok ? created.subscription.id : '');
    await flushTraces();
    const post = exportedSpans().find((span) => span.name === 'http.post');
    expect(post).toBeDefined();
    expect(attribute(post!, 'server.address')).toBe(new URL(collector.baseUrl).host);
    expect(JSON.stringify(exports)).not.toContain('customer-secret-path');
  });

  it("exports a webhook's span tree: parsing, storing, the batch it joined and its commit", async () => {
    const { startTracing, flushTraces } = await import('./start-tracing');
    expect(startTracing()).toBe(true);
    const hook = await createTestHook(`Traced ${uniqueEnvelopeId().slice(0, 8)}`);
    const response = await sendWebhook(hook.id, {
      query: { envelopeId: uniqueEnvelopeId(), action: 'workstepOpened', recipientOrder: '1' },
    });
    expect(response.status).toBe(200);
    await flushTraces();

    const spans = exportedSpans();
    const receive = spans.find(
      (span) => span.name === 'webhook.receive' && attribute(span, 'webhook.hook') === hook.name,
    );
    expect(receive, 'the webhook span').toBeDefined();
    expect(attribute(receive!, 'webhook.action')).toBe('workstepOpened');
    expect(attribute(receive!, 'http.response.status_code')).toBe(200);
    const children = spans.filter((span) => span.parentSpanId === receive!.spanId).map((span) => span.name);
    expect(children.sort()).toEqual(['webhook.parse', 'webhook.store']);

    const store = spans.find((span) => span.parentSpanId === receive!.spanId && span.name === 'webhook.store')!;
    const batch = spans.find(
      (span) => span.name === 'ingest.batch' && span.links?.some((link) => link.spanId === store.spanId),
    );
    expect(batch, 'the batch the webhook joined, linked to it').toBeDefined();
    expect(attribute(batch!, 'ingest.batch.size')).toBeGreaterThanOrEqual(1);
    expect(spans.filter((span) => span.parentSpanId === batch!.spanId).map((span) => span.name)).toContain(
      'ingest.commit',
    );

    // Never the hook's id: it is the secret part of its URL.
    expect(JSON.stringify(exports)).not.toContain(hook.id);
    const resource = (exports as Export[])[0]!.resourceSpans[0]!.resource;
    expect(resource.attributes?.find((entry) => entry.key === 'service.name')?.value.stringValue).toBe(
      'envelope-tracker-test',
    );
  });
});
