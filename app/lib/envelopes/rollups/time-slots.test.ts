import { describe, expect, it } from 'vitest';
import { QUARTER_MS, splitIntoSlots } from './time-slots';

const at = (iso: string) => new Date(iso);

describe('splitIntoSlots', () => {
  it('reads whole quarter hours from the rollup and only the unfinished one from rows', () => {
    const split = splitIntoSlots({
      from: at('2026-03-22T18:15:00Z'),
      to: at('2026-03-29T10:37:12.345Z'),
      slotMs: QUARTER_MS,
    });
    expect(split.whole).toEqual({
      first: at('2026-03-22T18:15:00Z').getTime() / QUARTER_MS,
      last: at('2026-03-29T10:15:00Z').getTime() / QUARTER_MS,
    });
    expect(split.edges).toEqual([{ from: at('2026-03-29T10:30:00Z'), to: at('2026-03-29T10:37:12.345Z') }]);
  });

  it('takes a slot ending exactly at `to` as whole, `to` being inclusive', () => {
    const split = splitIntoSlots({
      from: at('2026-01-01T00:00:00Z'),
      to: at('2026-01-01T00:29:59.999Z'),
      slotMs: QUARTER_MS,
    });
    expect(split.edges).toEqual([]);
    expect(split.whole!.last - split.whole!.first).toBe(1);
  });

  it('reads a start inside a slot from rows too', () => {
    const split = splitIntoSlots({
      from: at('2026-01-01T00:10:00Z'),
      to: at('2026-01-01T01:00:00Z'),
      slotMs: QUARTER_MS,
    });
    expect(split.edges).toEqual([
      { from: at('2026-01-01T00:10:00Z'), to: at('2026-01-01T00:14:59.999Z') },
      { from: at('2026-01-01T01:00:00Z'), to: at('2026-01-01T01:00:00Z') },
    ]);
  });

  it('reads a period within one slot from rows alone', () => {
    const period = { from: at('2026-01-01T00:01:00Z'), to: at('2026-01-01T00:02:00Z') };
    expect(splitIntoSlots({ ...period, slotMs: QUARTER_MS })).toEqual({ whole: null, edges: [period] });
  });
});
