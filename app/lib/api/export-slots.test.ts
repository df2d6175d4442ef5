import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  EXPORT_TICKET_TTL_MS,
  redeemExportTicket,
  releaseExportSlot,
  reserveExportSlot,
  takeExportSlot,
  takenExportSlots,
} from './export-slots';

afterEach(() => {
  vi.useRealTimers();
  while (takenExportSlots() > 0) releaseExportSlot();
});

describe('export slots', () => {
  it('counts reservations with running exports against one limit', () => {
    expect(takeExportSlot(2)).toBe(true);
    const reservation = reserveExportSlot({ limit: 2, now: new Date('2026-12-02T10:00:00Z') });
    expect(reservation?.ticket).toMatch(/^[\w-]{24}$/);
    expect(reservation?.expiresAt.toISOString()).toBe(
      new Date(Date.parse('2026-12-02T10:00:00Z') + EXPORT_TICKET_TTL_MS).toISOString(),
    );
    expect(reserveExportSlot({ limit: 2 })).toBeNull();
    expect(takeExportSlot(2)).toBe(false);
    expect(takenExportSlots()).toBe(2);
  });

  it('hands a reserved slot over once: the ticket then no longer works, and the slot stays taken', () => {
    const reservation = reserveExportSlot()!;
    expect(redeemExportTicket(reservation.ticket)).toBe(true);
    expect(takenExportSlots()).toBe(1);
    expect(redeemExportTicket(reservation.ticket)).toBe(false);
    expect(redeemExportTicket('made-up-ticket')).toBe(false);
    releaseExportSlot();
    expect(takenExportSlots()).toBe(0);
  });

  it('gives an unused reservation back once its time is up, and then refuses its ticket', () => {
    vi.useFakeTimers();
    const reservation = reserveExportSlot()!;
    vi.advanceTimersByTime(EXPORT_TICKET_TTL_MS - 1);
    expect(takenExportSlots()).toBe(1);
    vi.advanceTimersByTime(1);
    expect(takenExportSlots()).toBe(0);
    expect(redeemExportTicket(reservation.ticket)).toBe(false);
  });

  it('never lets a redeemed ticket give its slot back when its time comes', () => {
    vi.useFakeTimers();
    const reservation = reserveExportSlot()!;
    expect(redeemExportTicket(reservation.ticket)).toBe(true);
    vi.advanceTimersByTime(EXPORT_TICKET_TTL_MS * 2);
    // Still held by the download that redeemed it.
    expect(takenExportSlots()).toBe(1);
  });
});
