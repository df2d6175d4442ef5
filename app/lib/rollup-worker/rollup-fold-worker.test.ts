import { beforeEach, describe, expect, it, vi } from 'vitest';

const fold = vi.fn(async () => ({ folded: 0, pending: false }));
vi.mock('@/app/lib/envelopes/rollups/fold-rollup-changes', () => ({ foldRollupChanges: fold }));
const indexSearch = vi.fn(async () => ({ taken: 0, pending: false }));
vi.mock('@/app/lib/envelopes/search/index-search-changes', () => ({ indexSearchChanges: indexSearch }));

const { foldRollupsWhenQuiet, stopRollupFolds } = await import('./rollup-fold-worker');

describe('foldRollupsWhenQuiet', () => {
  beforeEach(() => {
    fold.mockClear();
    indexSearch.mockClear();
  });

  it('folds every round while the ingest does not saturate the process', async () => {
    const start = Date.now() + 60_000;
    for (let second = 0; second < 3; second++) {
      foldRollupsWhenQuiet(start + second * 1_000, false);
      await stopRollupFolds();
    }
    expect(fold).toHaveBeenCalledTimes(3);
    expect(indexSearch).toHaveBeenCalledTimes(3);
  });

  it('takes changed texts into the search index after the fold, even when the fold failed', async () => {
    fold.mockRejectedValueOnce(new Error('database gone'));
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    foldRollupsWhenQuiet(Date.now() + 120_000, false);
    await stopRollupFolds();
    expect(indexSearch).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledWith('Rollup fold failed:', expect.any(Error));
    error.mockRestore();
  });

  it('waits while a flood saturates the process, but never more than ten seconds', async () => {
    const start = Date.now() + 3_600_000;
    for (let second = 0; second < 25; second++) {
      foldRollupsWhenQuiet(start + second * 1_000, true);
      await stopRollupFolds();
    }
    // Seconds 0 (the last fold was long ago), 10 and 20.
    expect(fold).toHaveBeenCalledTimes(3);
    fold.mockClear();
    foldRollupsWhenQuiet(start + 25_000, false);
    await stopRollupFolds();
    expect(fold).toHaveBeenCalledTimes(1);
  });
});
