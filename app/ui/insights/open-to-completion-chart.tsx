'use client';

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_TICK, CHART_COLORS } from './chart-colors';

export type DurationBucket = { label: string; shortLabel: string; count: number };

export function OpenToCompletionChart({ buckets }: { buckets: DurationBucket[] }) {
  return (
    <BarChart
      data={buckets}
      responsive
      accessibilityLayer={false}
      style={{ width: '100%', height: 200 }}
      margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
    >
      <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
      <XAxis
        dataKey="shortLabel"
        tick={AXIS_TICK}
        tickLine={false}
        axisLine={{ stroke: CHART_COLORS.grid }}
        interval={0}
      />
      <YAxis allowDecimals={false} tick={AXIS_TICK} tickLine={false} axisLine={false} width={32} />
      <Tooltip
        cursor={{ fill: CHART_COLORS.cursor }}
        labelFormatter={(_label, payload) => payload?.[0]?.payload?.label ?? ''}
        formatter={(value) => [value, 'Envelopes']}
      />
      <Bar dataKey="count" name="Envelopes" fill={CHART_COLORS.brand} radius={[3, 3, 0, 0]} isAnimationActive={false} />
    </BarChart>
  );
}
