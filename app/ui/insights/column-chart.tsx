'use client';

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_TICK, CHART_COLORS } from './chart-colors';
import { countTickCount } from './duration-axis';

/** Upright bars of whole counts, one per item, with the count and the item's full label in the tooltip. */
export function ColumnChart<T extends { count: number }>(props: {
  data: T[];
  /** The field the axis labels come from. */
  labelKey: keyof T & string;
  /** What the count is of, for the tooltip: "Completed", "Envelopes". */
  countName: string;
  color: string;
  height: number;
  tooltipLabel: (item: T) => string;
  tickFormatter?: (label: string) => string;
  /** Few short labels: show them all, rather than as many as fit. */
  everyLabel?: boolean;
}) {
  return (
    <BarChart
      data={props.data}
      responsive
      accessibilityLayer={false}
      style={{ width: '100%', height: props.height }}
      margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
    >
      <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
      <XAxis
        dataKey={props.labelKey as string}
        tickFormatter={props.tickFormatter}
        tick={AXIS_TICK}
        tickLine={false}
        axisLine={{ stroke: CHART_COLORS.grid }}
        interval={props.everyLabel ? 0 : 'preserveStartEnd'}
        minTickGap={props.everyLabel ? undefined : 24}
      />
      {/* Scaled to the data: counts of 1 or 2 get an axis of 0–1 or 0–2, not 0–4. */}
      <YAxis
        allowDecimals={false}
        tickCount={countTickCount(Math.max(0, ...props.data.map((item) => item.count)))}
        tick={AXIS_TICK}
        tickLine={false}
        axisLine={false}
        width={32}
      />
      <Tooltip
        cursor={{ fill: CHART_COLORS.cursor }}
        labelFormatter={(label, payload) => {
          const item = payload?.[0]?.payload as T | undefined;
          return item ? props.tooltipLabel(item) : String(label);
        }}
        formatter={(value) => [value, props.countName]}
      />
      <Bar dataKey="count" name={props.countName} fill={props.color} radius={[3, 3, 0, 0]} isAnimationActive={false} />
    </BarChart>
  );
}
