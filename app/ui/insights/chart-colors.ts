// Tailwind's 700 shades: each is at least 4.5:1 on white, so bars and their labels stay readable, and the funnel's
// stages use the hues of the status badges (sent, opened, partially signed, completed).
export const CHART_COLORS = {
  sent: '#0369a1',
  opened: '#6d28d9',
  signed: '#b45309',
  completed: '#047857',
  brand: '#1d4ed8',
  axis: '#475569',
  grid: '#e2e8f0',
  cursor: '#f1f5f9',
} as const;

export const AXIS_TICK = { fontSize: 12, fill: CHART_COLORS.axis } as const;
