import { describe, expect, it } from 'vitest';
import { sqlEnum, sqlJson, uuidV7 } from './sql-values';

describe('uuidV7', () => {
  it('makes version-7 UUIDs that sort by creation time', () => {
    const earlier = uuidV7(Date.UTC(2026, 0, 1));
    const later = uuidV7(Date.UTC(2026, 0, 2));
    expect(earlier).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(earlier < later).toBe(true);
    expect(earlier.replace(/-/g, '').slice(0, 12)).toBe(Date.UTC(2026, 0, 1).toString(16).padStart(12, '0'));
  });

  it('makes a different UUID each time within the same millisecond', () => {
    const at = Date.UTC(2026, 0, 1);
    const ids = new Set(Array.from({ length: 1000 }, () => uuidV7(at)));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('provider-specific SQL values', () => {
  it('casts JSON and enums for PostgreSQL only', () => {
    expect(sqlJson('postgresql', { a: 1 }).sql).toContain('AS jsonb');
    expect(sqlJson('sqlite', { a: 1 }).sql).not.toContain('jsonb');
    expect(sqlEnum('postgresql', 'EnvelopeStatus', 'sent').sql).toContain('"EnvelopeStatus"');
    expect(sqlEnum('sqlite', 'EnvelopeStatus', 'sent').values).toEqual(['sent']);
  });
});
