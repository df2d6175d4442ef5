'use client';

import { createContext, useContext, useEffect, useSyncExternalStore } from 'react';
import { FALLBACK_TIME_ZONE, normalizeTimeZone, readTimeZoneCookie, timeZoneCookie } from './time-zone';

// The zone the server rendered with. Hydration renders with it too, so the HTML matches; React then re-renders with
// the browser's own zone if it differs (only on a first visit, before the cookie exists, or after travelling).
const ServerTimeZoneContext = createContext<string | null>(null);

/** Tells the time components which zone the server used; put it where the server read the zone cookie. */
export function TimeZoneContextProvider({ timeZone, children }: { timeZone: string; children?: React.ReactNode }) {
  return <ServerTimeZoneContext.Provider value={timeZone}>{children}</ServerTimeZoneContext.Provider>;
}

let browserZone: string | null = null;
function getBrowserTimeZone(): string {
  browserZone ??= normalizeTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone) ?? FALLBACK_TIME_ZONE;
  return browserZone;
}

const subscribeToNothing = () => () => {};

/** The zone to show times in: the server's choice while hydrating, the browser's from then on. */
export function useDisplayTimeZone(): string {
  const serverZone = useContext(ServerTimeZoneContext) ?? FALLBACK_TIME_ZONE;
  return useSyncExternalStore(subscribeToNothing, getBrowserTimeZone, () => serverZone);
}

let cookieChecked = false;

/** Stores the browser's zone in a cookie so that the next server render already uses it (checked once per load). */
export function useRememberTimeZone(): void {
  useEffect(() => {
    if (cookieChecked) return;
    cookieChecked = true;
    const zone = getBrowserTimeZone();
    if (readTimeZoneCookie(document.cookie) !== zone) document.cookie = timeZoneCookie(zone);
  }, []);
}

// One clock for every relative time on the page: a single timer, and all of them move on together.
const TICK_MS = 30_000;
let clock = 0;
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function tick() {
  clock = Date.now();
  for (const listener of listeners) listener();
}

function onVisibilityChange() {
  // Timers are throttled in background tabs: catch up as soon as the reader looks again.
  if (document.visibilityState === 'visible') tick();
}

function subscribeToClock(listener: () => void) {
  listeners.add(listener);
  if (listeners.size === 1) {
    clock = Date.now();
    timer = setInterval(tick, TICK_MS);
    document.addEventListener('visibilitychange', onVisibilityChange);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibilityChange);
    }
  };
}

function getClock(): number {
  if (clock === 0) clock = Date.now();
  return clock;
}

/** The current time, moving on every 30 seconds; `serverNow` while hydrating so the HTML matches. */
export function useNow(serverNow: Date): Date {
  const serverTime = serverNow.getTime();
  const time = useSyncExternalStore(subscribeToClock, getClock, () => serverTime);
  return new Date(time);
}
