import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  AXIS_STROKE,
  MONEY_AXIS_WIDTH,
  TICK_STYLE,
  buildMoneyTicks,
  buildRows,
  describeSeriesStyle,
  collectValues,
  formatMoneyTick,
  seriesKey,
} from './chart-series';
import type { MoneySeries } from './chart-series';
import { MoneyTooltip } from './money-tooltip';
import './charts.css';

export type MoneyBarChartProps = {
  labels: readonly string[];
  series: readonly MoneySeries[];
};

/** Money per label, series side by side; negative values hang below a marked zero line. */
export function MoneyBarChart({ labels, series }: MoneyBarChartProps) {
  const rows = buildRows(labels, series);
  const { domain, ticks } = buildMoneyTicks(collectValues(series));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} margin={{ top: 8, right: 12, bottom: 4, left: 0 }} barGap={1}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={TICK_STYLE} stroke={AXIS_STROKE} minTickGap={16} tickMargin={6} />
        <YAxis
          tickFormatter={formatMoneyTick}
          domain={domain}
          ticks={ticks}
          tick={TICK_STYLE}
          stroke={AXIS_STROKE}
          width={MONEY_AXIS_WIDTH}
        />
        <ReferenceLine y={0} stroke="var(--muted)" />
        <Tooltip content={(props) => <MoneyTooltip {...props} />} cursor={{ fill: 'var(--surface-2)' }} />
        <Legend wrapperStyle={{ paddingTop: 8 }} itemSorter={null} />
        {series.map((s, index) => {
          const { color } = describeSeriesStyle(s, index);
          return (
            <Bar
              key={seriesKey(index)}
              dataKey={seriesKey(index)}
              name={s.name}
              fill={color}
              isAnimationActive={false}
            />
          );
        })}
      </BarChart>
    </ResponsiveContainer>
  );
}
