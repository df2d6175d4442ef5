'use client';

import { Bar, BarChart, LabelList, Rectangle, XAxis, YAxis } from 'recharts';
import { AXIS_TICK } from './chart-colors';

export type FunnelStage = { stage: string; count: number; percent: number; color: string };

/** Horizontal bars, widest first: each stage with its count and its share of the envelopes sent. */
export function FunnelChart({ stages }: { stages: FunnelStage[] }) {
  return (
    <BarChart
      data={stages}
      layout="vertical"
      responsive
      accessibilityLayer={false}
      style={{ width: '100%', height: 200 }}
      margin={{ top: 0, right: 88, bottom: 0, left: 0 }}
      barCategoryGap="18%"
    >
      <XAxis type="number" hide domain={[0, 'dataMax']} />
      <YAxis type="category" dataKey="stage" tick={AXIS_TICK} tickLine={false} axisLine={false} width={80} />
      <Bar
        dataKey="count"
        isAnimationActive={false}
        radius={[0, 3, 3, 0]}
        minPointSize={2}
        shape={(props) => <Rectangle {...props} fill={stages[props.index]?.color} />}
      >
        <LabelList
          dataKey="count"
          position="right"
          fill="#1e293b"
          fontSize={12}
          formatter={(value) => {
            const stage = stages.find((item) => item.count === value);
            return stage ? `${value} · ${stage.percent}%` : String(value);
          }}
        />
      </Bar>
    </BarChart>
  );
}
