import 'server-only';
import { randomBytes } from 'node:crypto';

/**
 * Exports running at once in this process. Each holds a database snapshot open to its end (on PostgreSQL one of the
 * pool's connections, see read-snapshot.ts), for minutes at millions of envelopes: a few at a time leave the pool to
 * the dashboard.
 */
export const MAX_RUNNING_EXPORTS = 2;
/**
 * How long a reserved slot waits for its download: the page starts the download right after reserving, so an unused
 * ticket means the tab went away, and its slot goes back.
 */
export const EXPORT_TICKET_TTL_MS = 20_000;

type Slots = { running: number; tickets: Map<string, NodeJS.Timeout> };

// On globalThis: each export route is bundled apart by Next.js, and they all share the one limit.
const GLOBAL_KEY = '__envelopeTrackerExportSlots';
const slots = ((globalThis as { [GLOBAL_KEY]?: Slots })[GLOBAL_KEY] ??= { running: 0, tickets: new Map() });

/** Takes a slot for an export starting now; false while `limit` are taken (running or reserved). */
export function takeExportSlot(limit = MAX_RUNNING_EXPORTS): boolean {
  if (slots.running >= limit) return false;
  slots.running += 1;
  return true;
}

/** Gives a slot back (an export ended, or a reservation ran out unused). */
export function releaseExportSlot(): void {
  slots.running = Math.max(0, slots.running - 1);
}

/**
 * Takes a slot for a download that the browser starts next, so the page can say why an export cannot start instead
 * of the browser showing a failed download. The ticket hands the slot to that download (redeemExportTicket); unused,
 * the slot goes back after EXPORT_TICKET_TTL_MS. Null while `limit` slots are taken.
 */
export function reserveExportSlot(options: { limit?: number; now?: Date } = {}): {
  ticket: string;
  expiresAt: Date;
} | null {
  if (!takeExportSlot(options.limit)) return null;
  const ticket = randomBytes(18).toString('base64url');
  const expire = setTimeout(() => {
    if (slots.tickets.delete(ticket)) releaseExportSlot();
  }, EXPORT_TICKET_TTL_MS);
  expire.unref();
  slots.tickets.set(ticket, expire);
  return { ticket, expiresAt: new Date((options.now ?? new Date()).getTime() + EXPORT_TICKET_TTL_MS) };
}

/**
 * Whether `ticket` reserved a slot that is still waiting: then the caller holds that slot from now on (and gives it
 * back with releaseExportSlot). A ticket works once; an unknown or used one (another instance's, or expired) is false.
 */
export function redeemExportTicket(ticket: string): boolean {
  const expire = slots.tickets.get(ticket);
  if (!expire) return false;
  clearTimeout(expire);
  slots.tickets.delete(ticket);
  return true;
}

/** Slots taken in this process, by running exports and waiting reservations (tests). */
export function takenExportSlots(): number {
  return slots.running;
}
