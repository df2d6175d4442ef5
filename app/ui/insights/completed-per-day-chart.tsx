'use client';

import type { DayCount } from '@/app/lib/insights/count-by-local-day';
import { CHART_COLORS } from './chart-colors';
import { ColumnChart } from './column-chart';
import { dayLabel, longDayLabel } from './insight-summaries';

export function CompletedPerDayChart({ days }: { days: DayCount[] }) {
  return (
    <ColumnChart
      data={days}
      labelKey="day"
      countName="Completed"
      color={CHART_COLORS.completed}
      height={220}
      tickFormatter={dayLabel}
      tooltipLabel={(day) => longDayLabel(day.day)}
    />
  );
}
