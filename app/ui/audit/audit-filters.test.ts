import { describe, expect, it } from 'vitest';
import { auditApiUrl, auditExportHref } from './audit-api';
import {
  auditPageHref,
  fromDay,
  hasActiveAuditFilters,
  readAuditFilters,
  toDay,
  withDaysAsInstants,
  type AuditFilters,
} from './audit-filters';

const NONE: AuditFilters = { action: '', actor: '', target: '', from: '', to: '' };

describe('withDaysAsInstants', () => {
  it('makes a picked range whole days in the zone, "to" ending where the next day starts', () => {
    const filters = withDaysAsInstants({ ...NONE, from: '2025-03-29', to: '2025-03-30' }, 'Europe/Bucharest');
    expect(filters.from).toBe('2025-03-29T00:00:00.000+02:00');
    // The clocks change on the 30th: the next day starts at +03:00.
    expect(filters.to).toBe('2025-03-31T00:00:00.000+03:00');
  });

  it('carries the end of a month and a year over', () => {
    expect(withDaysAsInstants({ ...NONE, to: '2025-12-31' }, 'UTC').to).toBe('2026-01-01T00:00:00.000+00:00');
  });

  it('leaves times, empty fields and text that is no day as they are, for the API to judge', () => {
    const filters = { ...NONE, actor: 'anonymous', from: '2025-03-29T08:00:00Z', to: 'yesterday' };
    expect(withDaysAsInstants(filters, 'UTC')).toEqual(filters);
    expect(withDaysAsInstants(NONE, 'UTC')).toEqual(NONE);
  });
});

describe('fromDay / toDay', () => {
  it('show the days the form picked, whatever zone they were picked in', () => {
    const filters = withDaysAsInstants({ ...NONE, from: '2025-03-29', to: '2025-03-30' }, 'America/New_York');
    expect(fromDay(filters.from)).toBe('2025-03-29');
    expect(toDay(filters.to)).toBe('2025-03-30');
  });

  it('read bare days and times written by hand', () => {
    expect(fromDay('2025-03-29')).toBe('2025-03-29');
    expect(toDay('2025-03-29')).toBe('2025-03-29');
    expect(toDay('2025-03-29T12:00:00Z')).toBe('2025-03-29');
    expect(toDay('2025-03-01T00:00Z')).toBe('2025-02-28');
  });

  it('show nothing for what is no day', () => {
    expect(fromDay('')).toBe('');
    expect(toDay('soon')).toBe('');
  });
});

describe('the audit URLs', () => {
  it('keep the filters in the URL, leaving out empty ones', () => {
    const params = new URLSearchParams('action=hook.update&actor=+anonymous+&cursor=9');
    const filters = readAuditFilters(params);
    expect(filters).toEqual({ ...NONE, action: 'hook.update', actor: 'anonymous' });
    expect(hasActiveAuditFilters(filters)).toBe(true);
    expect(hasActiveAuditFilters(NONE)).toBe(false);
    expect(auditPageHref(filters)).toBe('/audit?action=hook.update&actor=anonymous');
    expect(auditPageHref(NONE)).toBe('/audit');
  });

  it('ask the API for a page and the export for the same view', () => {
    const filters = { ...NONE, target: 'Audit hook', from: '2025-03-29T00:00:00.000+02:00' };
    expect(auditApiUrl(filters, null)).toBe(
      '/api/audit?target=Audit+hook&from=2025-03-29T00%3A00%3A00.000%2B02%3A00&limit=50',
    );
    expect(auditApiUrl(NONE, '120')).toBe('/api/audit?limit=50&cursor=120');
    expect(auditExportHref(filters)).toBe(
      '/api/audit/export?target=Audit+hook&from=2025-03-29T00%3A00%3A00.000%2B02%3A00',
    );
    expect(auditExportHref(NONE)).toBe('/api/audit/export');
  });
});
