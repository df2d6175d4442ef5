import { beforeEach, describe, expect, it, vi } from 'vitest';

const fold = vi.fn(async () => ({ folded: 0, pending: false }));
vi.mock('@/app/lib/envelopes/rollups/fold-rollup-changes', () => ({ foldRollupChanges: fold }));

const { foldRollupsWhenQuiet, stopRollupFolds } = await import('./rollup-fold-worker');

describe('foldRollupsWhenQuiet', () => {
  beforeEach(() => fold.mockClear());

  it('folds every round while the ingest does not saturate the process', async () => {
    const start = Date.now() + 60_000;
    for (let second = 0; second < 3; second++) {
      foldRollupsWhenQuiet(start + second * 1_000, false);
      await stopRollupFolds();
    }
    expect(fold).toHaveBeenCalledTimes(3);
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
