import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { TooltipContentProps } from 'recharts';
import type { DisplayCurrencyCode } from '../domain/scenario-schema';
import { formatAmountInFull, formatMoneyTick, toDisplayAmount } from '../format/format';
import type { MoneyDisplay } from '../format/format';
import { AXIS_STROKE, MONEY_AXIS_WIDTH, TICK_STYLE, buildMoneyTicks } from './chart-series';
import { seriesColor } from './palette';
import { TooltipLines } from './tooltip-lines';
import './charts.css';

export type FanChartProps = {
  /** X-axis labels, one per point ("Jan 2027"). */
  labels: readonly string[];
  /** Per label, USD. */
  p10: readonly number[];
  p50: readonly number[];
  p90: readonly number[];
  /** The point estimate (every input at its likely value), USD per label. */
  point: readonly number[];
  /** The currency and rate to show money in. */
  display: MoneyDisplay;
};

type FanRow = { label: string; band: [number, number]; p50: number; point: number };

const BAND_COLOR = seriesColor(0);
const POINT_COLOR = seriesColor(1);

export const FAN_NAMES = {
  band: 'P10–P90 range',
  p50: 'P50 (median)',
  point: 'Point estimate (likely values)',
} as const;

function FanTooltip({
  active,
  payload,
  label,
  currency,
}: TooltipContentProps & { currency: DisplayCurrencyCode }) {
  const row = payload?.[0]?.payload as FanRow | undefined;
  if (!active || !row) return null;
  const items: [string, number, string][] = [
    ['P90', row.band[1], BAND_COLOR],
    ['P50', row.p50, BAND_COLOR],
    ['P10', row.band[0], BAND_COLOR],
    ['Point estimate', row.point, POINT_COLOR],
  ];
  return (
    <div className="chart-tooltip">
      <TooltipLines
        label={label}
        lines={items.map(([name, value, color]) => ({
          name,
          text: formatAmountInFull(value, currency),
          color,
        }))}
      />
    </div>
  );
}

/**
 * A fan chart of money over time: the P10–P90 band of Monte Carlo samples, the median line, and the point
 * estimate dashed, so a reader sees both the spread and where the single-number plan sits in it.
 */
export function FanChart({ labels, p10, p50, p90, point, display }: FanChartProps) {
  const shown = (values: readonly number[], i: number) => toDisplayAmount(values[i] ?? 0, display);
  const rows: FanRow[] = labels.map((label, i) => ({
    label,
    band: [shown(p10, i), shown(p90, i)],
    p50: shown(p50, i),
    point: shown(point, i),
  }));
  const { domain, ticks } = buildMoneyTicks(
    rows.flatMap((row) => [...row.band, row.point]).filter(Number.isFinite),
  );
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={rows} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={TICK_STYLE} stroke={AXIS_STROKE} minTickGap={16} tickMargin={6} />
        <YAxis
          tickFormatter={(amount: number) => formatMoneyTick(amount, display.currency)}
          domain={domain}
          ticks={ticks}
          tick={TICK_STYLE}
          stroke={AXIS_STROKE}
          width={MONEY_AXIS_WIDTH}
        />
        <Tooltip content={(props) => <FanTooltip {...props} currency={display.currency} />} />
        <Legend wrapperStyle={{ paddingTop: 8 }} itemSorter={null} />
        <Area
          type="monotone"
          dataKey="band"
          name={FAN_NAMES.band}
          stroke={BAND_COLOR}
          strokeOpacity={0.35}
          fill={BAND_COLOR}
          fillOpacity={0.22}
          isAnimationActive={false}
          activeDot={false}
        />
        <Line
          type="monotone"
          dataKey="p50"
          name={FAN_NAMES.p50}
          stroke={BAND_COLOR}
          strokeWidth={2.5}
          dot={false}
          activeDot={{ r: 4 }}
          isAnimationActive={false}
        />
        <Line
          type="monotone"
          dataKey="point"
          name={FAN_NAMES.point}
          stroke={POINT_COLOR}
          strokeWidth={2}
          strokeDasharray="6 4"
          dot={false}
          activeDot={{ r: 4 }}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
