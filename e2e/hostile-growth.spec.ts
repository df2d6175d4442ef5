import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { freePort, killAppServer, startAppServer } from './support/app-server';

// The growth attack of issue 10, against a production server: one hook id, one envelope, 1,000 notifications of
// about 60 KB, each with 30 new custom keys of about 2,000 characters and an action never seen before (so no repeat
// rule folds them). Before the envelope limits this grew the envelope without bound and ended in "JavaScript heap out
// of memory". The README's "Security model" documents the sizes asserted here.
const HOOK_ID = 'growth-attack-hook-0123456789abcdef';
const ENVELOPE_ID = 'growth-attack-envelope';
const NOTIFICATIONS = 1_000;
const CONCURRENCY = 8;
const MAX_RSS_BYTES = 400 * 1024 * 1024;
const MAX_ANSWER_MS = 500;
const MAX_ENVELOPE_ANSWER_BYTES = 400 * 1024;
const MAX_ENVELOPE_PAGE_BYTES = 1024 * 1024;
const MAX_LIST_ANSWER_BYTES = 400 * 1024;

/** The resident memory of the largest process in the server's process group (next-server), in bytes. */
function serverRss(processGroup: number): number {
  let largest = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // After the command name: state, ppid, pgrp, ...; rss (in pages) is the 24th field of the whole line.
      if (Number(fields[2]) !== processGroup) continue;
      largest = Math.max(largest, Number(fields[21]) * 4096);
    } catch {
      // The process ended while being read.
    }
  }
  return largest;
}

async function timed(url: string) {
  const started = performance.now();
  const response = await fetch(url);
  const body = await response.text();
  return { status: response.status, bytes: Buffer.byteLength(body), ms: performance.now() - started, body };
}

test('one hook id cannot grow an envelope until the server runs out of memory', async () => {
  test.setTimeout(300_000);
  const port = await freePort();
  const server = await startAppServer(
    { DATABASE_URL: `file:./data/e2e-growth/growth-${Date.now()}.db`, WEBHOOK_HOOK_IDS: HOOK_ID },
    port,
  );
  console.log(`server RSS at rest: ${Math.round(serverRss(server.process.pid!) / 1024 / 1024)} MB`);
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, serverRss(server.process.pid!))), 100);
  try {
    const statuses = new Map<number, number>();
    let next = 0;
    const send = async () => {
      while (next < NOTIFICATIONS) {
        const index = next++;
        const fields = Object.fromEntries(
          Array.from({ length: 30 }, (_, key) => [
            `n${index}k${key}`,
            `${index % 10}`.repeat(1_990),
          ]),
        );
        const response = await fetch(`${server.baseUrl}/api/webhooks/${HOOK_ID}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ envelopeId: ENVELOPE_ID, action: `probe${index}`, ...fields }),
        });
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, send));
    expect(Object.fromEntries(statuses)).toEqual({ 200: NOTIFICATIONS });

    const live = await fetch(`${server.baseUrl}/api/health/live`);
    expect(live.status).toBe(200);

    // Warm each once (the first request of a route compiles nothing in production, but fills caches), then time it.
    const pages = {
      envelopeAnswer: `${server.baseUrl}/api/envelopes/${ENVELOPE_ID}`,
      envelopePage: `${server.baseUrl}/envelopes/${ENVELOPE_ID}`,
      listAnswer: `${server.baseUrl}/api/envelopes?counts=true`,
      listPage: `${server.baseUrl}/`,
    };
    for (const url of Object.values(pages)) await timed(url);
    const measured = Object.fromEntries(
      await Promise.all(Object.entries(pages).map(async ([name, url]) => [name, await timed(url)] as const)),
    );
    for (const [name, result] of Object.entries(measured)) {
      console.log(`${name}: ${result.bytes} bytes in ${Math.round(result.ms)} ms`);
      expect(result.status, name).toBe(200);
      expect(result.ms, `${name} answered in under ${MAX_ANSWER_MS} ms`).toBeLessThan(MAX_ANSWER_MS);
    }
    expect(measured.envelopeAnswer!.bytes).toBeLessThan(MAX_ENVELOPE_ANSWER_BYTES);
    expect(measured.envelopePage!.bytes).toBeLessThan(MAX_ENVELOPE_PAGE_BYTES);
    expect(measured.listAnswer!.bytes).toBeLessThan(MAX_LIST_ANSWER_BYTES);
    expect(measured.listPage!.bytes).toBeLessThan(MAX_ENVELOPE_PAGE_BYTES);

    const envelope = JSON.parse(measured.envelopeAnswer!.body) as {
      customValues: Record<string, string>;
      eventCount: number;
      events: unknown[];
      olderEventsCursor: string | null;
    };
    expect(Object.keys(envelope.customValues).length).toBeLessThanOrEqual(50);
    expect(envelope.eventCount).toBe(1_000);
    expect(envelope.events).toHaveLength(50);
    expect(envelope.olderEventsCursor).not.toBeNull();

    // Beyond 1,000 events, further unknown actions are answered 200 and logged, not added.
    const beyond = await fetch(`${server.baseUrl}/api/webhooks/${HOOK_ID}?envelopeId=${ENVELOPE_ID}&action=onemore`);
    expect(beyond.status).toBe(200);
    const after = (await (await fetch(pages.envelopeAnswer)).json()) as { eventCount: number };
    expect(after.eventCount).toBe(1_000);

    console.log(`peak server RSS: ${Math.round(peakRss / 1024 / 1024)} MB`);
    expect(peakRss).toBeGreaterThan(0);
    expect(peakRss).toBeLessThan(MAX_RSS_BYTES);
  } finally {
    clearInterval(sampler);
    killAppServer(server);
  }
});
