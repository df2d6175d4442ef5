import { beforeEach, describe, expect, it, vi } from 'vitest';

const fold = vi.fn(async () => ({ folded: 0, pending: false }));
let changesStored: () => void = () => undefined;
vi.mock('@/app/lib/envelopes/rollups/fold-rollup-changes', () => ({ foldRollupChanges: fold }));
vi.mock('@/app/lib/webhooks/ingest-notification', () => ({
  whenChangesStored: (listener: () => void) => (changesStored = listener),
}));

const { foldRollupsWhenQuiet, stopRollupFolds } = await import('./rollup-fold-worker');

describe('foldRollupsWhenQuiet', () => {
  beforeEach(() => fold.mockClear());

  it('folds every round while no notifications are stored', async () => {
    const start = Date.now() + 60_000;
    for (let second = 0; second < 3; second++) {
      foldRollupsWhenQuiet(start + second * 1_000);
      await stopRollupFolds();
    }
    expect(fold).toHaveBeenCalledTimes(3);
  });

  it('waits for a pause under load, but never more than ten seconds', async () => {
    vi.useFakeTimers({ now: Date.now() + 3_600_000 });
    try {
      for (let second = 0; second < 25; second++) {
        changesStored();
        foldRollupsWhenQuiet(Date.now());
        await stopRollupFolds();
        vi.advanceTimersByTime(1_000);
      }
      // Seconds 0 (the last fold was long ago), 10 and 20.
      expect(fold).toHaveBeenCalledTimes(3);
      fold.mockClear();
      vi.advanceTimersByTime(1_000);
      foldRollupsWhenQuiet(Date.now());
      await stopRollupFolds();
      expect(fold).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
