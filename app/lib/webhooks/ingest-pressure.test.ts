import { describe, expect, it } from 'vitest';
import { giveWayToIngest, isIngestSaturated, noteNotificationReceived } from './ingest-pressure';

/** Keeps the event loop busy for `ms` (as a flood of notifications would). */
function busyFor(ms: number) {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // Spinning on purpose.
  }
}

const idleFor = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Notifications arriving in `rounds`, each keeping the event loop busy for `busyMs` before it idles for `idleMs`. */
async function notificationsArrive(options: { rounds: number; busyMs: number; idleMs: number }) {
  for (let round = 0; round < options.rounds; round++) {
    noteNotificationReceived();
    busyFor(options.busyMs);
    await idleFor(options.idleMs);
  }
}

describe('ingest pressure', () => {
  it('is not saturated while notifications come in at a pace the process takes easily', async () => {
    isIngestSaturated();
    await notificationsArrive({ rounds: 6, busyMs: 5, idleMs: 100 });
    expect(isIngestSaturated()).toBe(false);
  });

  it('is saturated while notifications keep the event loop busy, and no longer once they stop', async () => {
    isIngestSaturated();
    await notificationsArrive({ rounds: 12, busyMs: 100, idleMs: 1 });
    expect(isIngestSaturated()).toBe(true);
    // A busy loop without notifications (the background work itself) is not the ingest's.
    busyFor(600);
    expect(isIngestSaturated()).toBe(false);
  });

  it('gives way for at most the time it is given', async () => {
    await notificationsArrive({ rounds: 12, busyMs: 100, idleMs: 1 });
    const started = performance.now();
    // Still saturated: notifications keep "arriving" while it waits.
    const keepArriving = setInterval(() => {
      noteNotificationReceived();
      busyFor(40);
    }, 1);
    try {
      await giveWayToIngest({ maxMs: 300, stepMs: 50 });
    } finally {
      clearInterval(keepArriving);
    }
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(250);
    expect(waited).toBeLessThan(2_000);
  });
});
