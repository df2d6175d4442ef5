import { describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';
import { exportDownload } from './export-download';
import { reserveExportSlot, takenExportSlots } from './export-slots';

// The audit log is the database's; here only the download's room is under test.
vi.mock('@/app/lib/audit/record-audit-entry', () => ({ recordAuditEntry: vi.fn(async () => undefined) }));
const audit = { request: new NextRequest('http://localhost/api/exports/envelopes'), action: 'export.csv' as const };

/** A source that never ends: the download runs until it is read to the end (never) or cancelled. */
function endlessSource() {
  const state = { cancelled: false };
  const open = () => ({
    next: async () => ({ done: false as const, value: new TextEncoder().encode('row\n') }),
    cancel: async () => {
      state.cancelled = true;
    },
  });
  return { state, open };
}

describe('exportDownload', () => {
  it('answers 429 with Retry-After and what to do while the limit of exports is running, and starts nothing', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const running = endlessSource();
    const first = await exportDownload({ audit, open: running.open, headers: {}, label: 'Test export', limit: 1 });
    expect(first.status).toBe(200);
    expect(takenExportSlots()).toBe(1);

    let opened = false;
    const refused = await exportDownload({
      audit,
      open: () => {
        opened = true;
        return endlessSource().open();
      },
      headers: {},
      label: 'Test export',
      limit: 1,
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('30');
    expect(await refused.json()).toEqual({
      error: { code: 'too_many_exports', message: expect.stringContaining('try again once one of them has finished') },
    });
    expect(opened).toBe(false);

    // A download stopped halfway gives its room back.
    const reader = first.body!.getReader();
    await reader.read();
    await reader.cancel();
    expect(running.state.cancelled).toBe(true);
    expect(takenExportSlots()).toBe(0);
    const next = await exportDownload({
      audit,
      open: endlessSource().open,
      headers: {},
      label: 'Test export',
      limit: 1,
    });
    expect(next.status).toBe(200);
    await next.body!.cancel();
    // A cancelled download is no failure: nothing is logged, also for a chunk that arrived after the cancel.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(logged).not.toHaveBeenCalled();
    logged.mockRestore();
  });

  it('gives the room back when the export ends or fails', async () => {
    const rows = ['a\n', 'b\n'];
    const finished = await exportDownload({
      audit,
      open: () => ({
        next: async () => {
          const row = rows.shift();
          return row
            ? { done: false as const, value: new TextEncoder().encode(row) }
            : { done: true as const, value: undefined };
        },
        cancel: async () => undefined,
      }),
      headers: { 'Content-Type': 'text/csv' },
      label: 'Test export',
    });
    expect(finished.headers.get('Cache-Control')).toBe('no-store');
    expect(await finished.text()).toBe('a\nb\n');
    expect(takenExportSlots()).toBe(0);

    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failing = await exportDownload({
      audit,
      open: () => ({
        next: async () => {
          throw new Error('database gone');
        },
        cancel: async () => undefined,
      }),
      headers: {},
      label: 'Test export',
    });
    await expect(failing.text()).rejects.toThrow();
    expect(takenExportSlots()).toBe(0);
    expect(logged).toHaveBeenCalledWith('Test export failed:', expect.any(Error));
    logged.mockRestore();
  });

  it('takes the slot the page reserved when it carries that ticket, and only once', async () => {
    /** A download with room for one export, by the URL's ticket when given. */
    const download = (ticket?: string) =>
      exportDownload({
        audit: ticket
          ? {
              ...audit,
              request: new NextRequest(`http://localhost/api/exports/envelopes?status=completed&ticket=${ticket}`),
            }
          : audit,
        open: endlessSource().open,
        headers: {},
        label: 'Test export',
        limit: 1,
      });
    const reservation = reserveExportSlot({ limit: 1 })!;
    expect(takenExportSlots()).toBe(1);
    // Without the ticket the one slot is taken: refused.
    expect((await download()).status).toBe(429);

    const reserved = await download(reservation.ticket);
    expect(reserved.status).toBe(200);
    // The reservation's slot became the download's: still one taken.
    expect(takenExportSlots()).toBe(1);
    expect((await download(reservation.ticket)).status).toBe(429);
    await reserved.body!.cancel();
    expect(takenExportSlots()).toBe(0);
  });
});
