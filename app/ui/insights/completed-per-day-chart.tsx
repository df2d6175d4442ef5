'use client';

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { DayCount } from '@/app/lib/insights/count-by-local-day';
import { AXIS_TICK, CHART_COLORS } from './chart-colors';
import { dayLabel, longDayLabel } from './insight-summaries';

export function CompletedPerDayChart({ days }: { days: DayCount[] }) {
  return (
    <BarChart
      data={days}
      responsive
      accessibilityLayer={false}
      style={{ width: '100%', height: 220 }}
      margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
    >
      <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
      <XAxis
        dataKey="day"
        tickFormatter={dayLabel}
        tick={AXIS_TICK}
        tickLine={false}
        axisLine={{ stroke: CHART_COLORS.grid }}
        interval="preserveStartEnd"
        minTickGap={24}
      />
      <YAxis allowDecimals={false} tick={AXIS_TICK} tickLine={false} axisLine={false} width={32} />
      <Tooltip
        cursor={{ fill: CHART_COLORS.cursor }}
        labelFormatter={(day) => longDayLabel(String(day))}
        formatter={(value) => [value, 'Completed']}
      />
      <Bar
        dataKey="count"
        name="Completed"
        fill={CHART_COLORS.completed}
        radius={[3, 3, 0, 0]}
        isAnimationActive={false}
      />
    </BarChart>
  );
}
