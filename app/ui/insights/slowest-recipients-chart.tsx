'use client';

import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDuration } from '@/app/ui/format/duration';
import { AXIS_TICK, CHART_COLORS } from './chart-colors';
import { durationAxisUnit, inAxisUnit } from './duration-axis';
import { useWideLayout } from './use-wide-layout';

export type RecipientWait = { who: string; averageSeconds: number; signatures: number };

const shorten = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** Average wait before signing, one bar per recipient, the slowest on top; the axis in the unit the waits need. */
export function SlowestRecipientsChart({ recipients }: { recipients: RecipientWait[] }) {
  // Names get a third of a phone's width; the table below the chart has them in full.
  const wide = useWideLayout();
  const unit = durationAxisUnit(Math.max(0, ...recipients.map((recipient) => recipient.averageSeconds)));
  const data = recipients.map((recipient) => ({ ...recipient, average: inAxisUnit(recipient.averageSeconds, unit) }));
  return (
    <BarChart
      data={data}
      layout="vertical"
      responsive
      accessibilityLayer={false}
      style={{ width: '100%', height: Math.max(120, recipients.length * 32 + 32) }}
      margin={{ top: 0, right: 72, bottom: 0, left: 0 }}
    >
      <CartesianGrid horizontal={false} stroke={CHART_COLORS.grid} />
      <XAxis
        type="number"
        tick={AXIS_TICK}
        tickLine={false}
        axisLine={false}
        unit={unit.suffix}
        // Up to the longest wait, rounded up to a whole unit: waits under a second get a 0–1 s axis, not 0–4 s.
        domain={[0, (dataMax: number) => Math.max(1, Math.ceil(dataMax))]}
        allowDecimals={false}
        tickCount={wide ? 5 : 3}
      />
      <YAxis
        type="category"
        dataKey="who"
        tick={AXIS_TICK}
        tickFormatter={(text: string) => shorten(text, wide ? 28 : 15)}
        tickLine={false}
        axisLine={false}
        width={wide ? 240 : 124}
      />
      <Tooltip
        cursor={{ fill: CHART_COLORS.cursor }}
        formatter={(_value, _name, item) => [formatDuration(item.payload.averageSeconds * 1000), 'Average wait']}
      />
      <Bar
        dataKey="average"
        fill={CHART_COLORS.signed}
        radius={[0, 3, 3, 0]}
        isAnimationActive={false}
        minPointSize={2}
      >
        <LabelList
          dataKey="averageSeconds"
          position="right"
          fill="#1e293b"
          fontSize={12}
          formatter={(value) => formatDuration(Number(value) * 1000)}
        />
      </Bar>
    </BarChart>
  );
}
