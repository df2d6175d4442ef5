'use client';

import { CHART_COLORS } from './chart-colors';
import { ColumnChart } from './column-chart';

export type DurationBucket = { label: string; shortLabel: string; count: number };

export function OpenToCompletionChart({ buckets }: { buckets: DurationBucket[] }) {
  return (
    <ColumnChart
      data={buckets}
      labelKey="shortLabel"
      countName="Envelopes"
      color={CHART_COLORS.brand}
      height={200}
      everyLabel
      tooltipLabel={(bucket) => bucket.label}
    />
  );
}
