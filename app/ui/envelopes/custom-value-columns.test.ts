import { describe, expect, it } from 'vitest';
import { customValueColumns } from './custom-value-columns';

const envelope = (customValues: Record<string, string>) => ({ customValues });

describe('customValueColumns', () => {
  it('picks the keys most envelopes of the page carry, most common first', () => {
    const page = [
      envelope({ note: 'x', contract: 'K-1' }),
      envelope({ contract: 'K-2', customer: 'Ana' }),
      envelope({ contract: 'K-3', customer: 'Ion', branch: 'Cluj' }),
    ];
    expect(customValueColumns(page)).toEqual(['contract', 'customer', 'note']);
    expect(customValueColumns(page, 1)).toEqual(['contract']);
  });

  it('keeps keys that are equally common in the order they first appear, and has none for a page without', () => {
    expect(customValueColumns([envelope({ b: '1', a: '2' }), envelope({ c: '3' })])).toEqual(['b', 'a', 'c']);
    expect(customValueColumns([envelope({}), envelope({})])).toEqual([]);
    expect(customValueColumns([])).toEqual([]);
  });
});
