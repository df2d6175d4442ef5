import 'server-only';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

// Work that can wait (the rollup fold, webhooks out) gives way while notifications keep this process busy: a signing
// service retries a slow answer and marks the envelope in error, a subscriber or a dashboard count can wait a little.
// "Busy" means saturated, not merely active: at a steady hundred notifications a second the event loop is mostly idle
// and the background work runs at once; only a flood that keeps it near full use defers it.

/** Share of the event loop's time in use above which the process counts as saturated. */
const SATURATED_UTILIZATION = 0.7;
/** How far back "notifications keep coming" reaches, and how often the event loop's use is measured again. */
const WINDOW_MS = 500;

type Pressure = {
  lastNotificationAt: number;
  sampledAt: number;
  sample: ReturnType<typeof performance.eventLoopUtilization> | null;
  utilization: number;
};

// On globalThis: the route handlers (which receive) and instrumentation (which runs the background work) are bundled
// apart by Next.js, each with its own copy of this module.
const GLOBAL_KEY = '__envelopeTrackerIngestPressure';
const pressure = ((globalThis as { [GLOBAL_KEY]?: Pressure })[GLOBAL_KEY] ??= {
  lastNotificationAt: -Infinity,
  sampledAt: -Infinity,
  sample: null,
  utilization: 0,
});

/** Called for every notification taken for storing. */
export function noteNotificationReceived(now = performance.now()): void {
  pressure.lastNotificationAt = now;
}

/** Whether notifications keep coming and the event loop is (nearly) always busy: background work should wait. */
export function isIngestSaturated(now = performance.now()): boolean {
  if (now - pressure.lastNotificationAt > WINDOW_MS) return false;
  return eventLoopUtilization(now) >= SATURATED_UTILIZATION;
}

/** The event loop's use over the last window, measured again at most once per window. */
function eventLoopUtilization(now: number): number {
  if (now - pressure.sampledAt >= WINDOW_MS) {
    const current = performance.eventLoopUtilization();
    // The first measurement has nothing to compare with: it counts as not saturated until the next one.
    pressure.utilization = pressure.sample ? performance.eventLoopUtilization(current, pressure.sample).utilization : 0;
    pressure.sample = current;
    pressure.sampledAt = now;
  }
  return pressure.utilization;
}

/**
 * Resolves once the ingest is no longer saturated, or after `maxMs` at the latest, so that work deferred under a
 * sustained flood still makes progress.
 */
export async function giveWayToIngest(options: { maxMs: number; stepMs?: number }): Promise<void> {
  const step = options.stepMs ?? 50;
  for (let waited = 0; waited < options.maxMs && isIngestSaturated(); waited += step) {
    await sleep(step);
  }
}
