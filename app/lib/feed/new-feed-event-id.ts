import { randomUUID } from 'node:crypto';

/** A new event id, "evt_" and 32 hex digits: random, so ids never repeat, across instances and after purges. */
export function newFeedEventId(): string {
  return `evt_${randomUUID().replaceAll('-', '')}`;
}
