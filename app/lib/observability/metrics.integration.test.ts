import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { createTestHook, sendWebhook, uniqueEnvelopeId } from '@/app/testing/webhook-test-helpers';

// This file's configuration, before anything reads it.
process.env.METRICS_TOKEN = 'metrics-test-token-0123456789';

async function scrape(token = process.env.METRICS_TOKEN) {
  const { GET } = await import('@/app/api/metrics/route');
  const response = await GET(
    new NextRequest('http://localhost/api/metrics', { headers: token ? { authorization: `Bearer ${token}` } : {} }),
  );
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

/** A sample's value in Prometheus text, or undefined when the series is not there. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const inside = line.slice(name.length + 1, line.indexOf('}'));
    const parts = inside.split(',');
    if (wanted.every((pair) => parts.includes(pair))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

describe('GET /api/metrics', () => {
  it('counts notifications by hook name, action and outcome, after real traffic', async () => {
    const hook = await createTestHook(`Metrics ${uniqueEnvelopeId().slice(0, 8)}`);
    const envelopeId = uniqueEnvelopeId();
    const opened = { envelopeId, action: 'workstepOpened', recipientOrder: '1' };
    await sendWebhook(hook.id, { query: opened });
    await sendWebhook(hook.id, { query: opened });
    await sendWebhook(hook.id, { query: { envelopeId: uniqueEnvelopeId(), action: 'madeUpByTheSender' } });
    await sendWebhook(hook.id, { query: { action: 'workstepOpened' } });

    const { status, contentType, text } = await scrape();
    expect(status).toBe(200);
    expect(contentType).toContain('text/plain');
    const name = 'envelope_tracker_notifications_received_total';
    expect(sample(text, name, { hook: hook.name, action: 'workstepOpened', outcome: 'accepted' })).toBe(1);
    expect(sample(text, name, { hook: hook.name, action: 'workstepOpened', outcome: 'duplicate' })).toBe(1);
    // An action a sender made up is "other": the label's values stay a known set.
    expect(sample(text, name, { hook: hook.name, action: 'other', outcome: 'accepted' })).toBe(1);
    expect(
      sample(text, name, { hook: hook.name, action: 'none', outcome: 'refused', code: 'missing_envelope_id' }),
    ).toBe(1);
    // Never an envelope id, never a hook id.
    expect(text).not.toContain(envelopeId);
    expect(text).not.toContain(hook.id);
  });

  it('shows envelopes per status, the queues, batch sizes and the process', async () => {
    const { text } = await scrape();
    expect(sample(text, 'envelope_tracker_envelopes', { status: 'opened' })).toBeGreaterThanOrEqual(1);
    for (const queue of ['document_fetch', 'reconciliation', 'subscription', 'alert']) {
      expect(sample(text, 'envelope_tracker_queue_depth', { queue }), queue).toBeGreaterThanOrEqual(0);
      expect(sample(text, 'envelope_tracker_queue_oldest_age_seconds', { queue }), queue).toBeGreaterThanOrEqual(0);
      expect(sample(text, 'envelope_tracker_queue_failed', { queue }), queue).toBeGreaterThanOrEqual(0);
    }
    expect(text).toContain('envelope_tracker_ingest_batch_size_count');
    expect(text).toContain('envelope_tracker_process_resident_memory_bytes');
  });

  it('refuses a scraper without the token', async () => {
    expect((await scrape('')).status).toBe(401);
    expect((await scrape('not-the-token-0123456789')).status).toBe(401);
  });
});
