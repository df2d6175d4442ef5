'use client';

import { useSyncExternalStore } from 'react';

const QUERY = '(min-width: 640px)';

function subscribe(onChange: () => void) {
  const list = window.matchMedia(QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

/**
 * True from Tailwind's `sm` width up. Charts measure their box only in the browser, so they draw nothing on the
 * server and the phone default there costs no visible change.
 */
export function useWideLayout(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(QUERY).matches,
    () => false,
  );
}
