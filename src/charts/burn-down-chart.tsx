import { Area, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip } from 'recharts';
import {
  alignZero,
  buildMoneyTicks,
  formatMoneyTick,
  scaleSeries,
  buildRows,
  describeSeriesStyle,
  seriesKey,
  sumStacks,
} from './chart-series';
import type { MoneySeries } from './chart-series';
import { toDisplayAmount } from '../format/format';
import type { MoneyDisplay } from '../format/format';
import { renderMoneyAxes, renderMoneyLegend, renderMoneyYAxis } from './money-axes';
import { MoneyTooltip } from './money-tooltip';
import './charts.css';

export type BurnDownMarker = {
  /** Index into `labels` of the month the line marks. */
  index: number;
  label: string;
};

export type BurnDownChartProps = {
  labels: readonly string[];
  /** Credit balances at the end of each month, stacked, USD. */
  pools: readonly MoneySeries[];
  /** Cash at the end of each month, USD. */
  cash: readonly number[];
  /** The currency and rate to show money in. */
  display: MoneyDisplay;
  cashName?: string;
  /** Vertical lines with a label: the month credits run out, the month cash runs out. */
  markers?: readonly BurnDownMarker[];
  /**
   * Puts cash on its own right-hand axis, its $0 at the same height as the credits' $0; by default when its
   * scale and the credits' differ a lot (and cash is not mostly below zero).
   */
  cashOnSecondAxis?: boolean;
};

const CASH_KEY = 'cash';
const CASH_COLOR = 'var(--text)';

/** Whether two magnitudes are far enough apart (5× or more) that one scale would flatten the smaller. */
export function isScaleApart(creditsMaxUsd: number, cashMaxUsd: number): boolean {
  if (creditsMaxUsd <= 0 || cashMaxUsd <= 0) return false;
  const ratio = creditsMaxUsd / cashMaxUsd;
  return ratio >= 5 || ratio <= 1 / 5;
}

/** Markers that fall on the same month share one line and one label ("Credits run out · Cash runs out"). */
function mergeMarkers(markers: readonly BurnDownMarker[]): BurnDownMarker[] {
  const byIndex = new Map<number, string[]>();
  for (const marker of markers)
    byIndex.set(marker.index, [...(byIndex.get(marker.index) ?? []), marker.label]);
  return [...byIndex].map(([index, labels]) => ({ index, label: labels.join(' · ') }));
}

/**
 * Credit pools burning down (stacked areas) with cash as a line, and labelled lines at the months credits and
 * cash run out. One money axis when the two are of a size; else cash on a right-hand axis whose $0 lines up
 * with the credits' $0 (a pool a twentieth of the cash would be a sliver on one axis).
 */
export function BurnDownChart({
  labels,
  pools: usdPools,
  cash: usdCash,
  display,
  cashName = 'Cash',
  markers = [],
  cashOnSecondAxis,
}: BurnDownChartProps) {
  const pools = scaleSeries(usdPools, display);
  const cash = usdCash.map((usd) => toDisplayAmount(usd, display));
  const currency = display.currency;
  const rows = buildRows(labels, pools).map((row, month) => ({ ...row, [CASH_KEY]: cash[month] ?? null }));
  const stacks = sumStacks(labels.length, pools);
  const creditsMax = Math.max(0, ...stacks);
  const cashMax = Math.max(0, ...cash.map((value) => Math.abs(value)));
  // Two axes only when they can share zero, so "Cash $0" sits on the credits' $0 (and the grid's baseline).
  const aligned =
    (cashOnSecondAxis ?? isScaleApart(creditsMax, cashMax))
      ? alignZero(buildMoneyTicks(stacks), buildMoneyTicks(cash))
      : null;
  const split = aligned !== null;
  const [moneyTicks, cashTicks] = aligned ?? [buildMoneyTicks([...stacks, ...cash]), null];
  const cashAxis = split ? 'cash' : 'money';
  const cashGoesNegative = cash.some((value) => value < 0);
  const merged = mergeMarkers(markers).sort((a, b) => a.index - b.index);

  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={rows} margin={{ top: 24, right: split ? 4 : 12, bottom: 4, left: 0 }}>
        {renderMoneyAxes({ ...moneyTicks, yAxisId: 'money', currency })}
        {cashTicks && renderMoneyYAxis({ ...cashTicks, yAxisId: 'cash', orientation: 'right', currency })}
        {cashGoesNegative && (
          <ReferenceLine
            yAxisId={cashAxis}
            y={0}
            stroke="var(--error)"
            strokeDasharray="2 2"
            label={{
              value: `Cash ${formatMoneyTick(0, currency)}`,
              position: 'insideBottomRight',
              fill: 'var(--muted)',
              fontSize: 11,
            }}
          />
        )}
        <Tooltip content={(props) => <MoneyTooltip {...props} currency={currency} />} />
        {renderMoneyLegend()}
        {pools.map((pool, index) => {
          const { color, dash } = describeSeriesStyle(pool, index);
          return (
            <Area
              key={seriesKey(index)}
              yAxisId="money"
              type="stepAfter"
              dataKey={seriesKey(index)}
              name={pool.name}
              stackId="credits"
              stroke={color}
              strokeDasharray={dash}
              fill={color}
              fillOpacity={0.6}
              isAnimationActive={false}
            />
          );
        })}
        <Line
          yAxisId={cashAxis}
          type="monotone"
          dataKey={CASH_KEY}
          name={split ? `${cashName} (right axis)` : cashName}
          stroke={CASH_COLOR}
          strokeWidth={2.5}
          dot={false}
          isAnimationActive={false}
        />
        {merged.map((marker, i) => {
          // Labels of markers close together alternate sides and heights so they do not overlap.
          const previous = merged[i - 1];
          const crowded = previous !== undefined && marker.index - previous.index < labels.length / 4;
          const stagger = crowded && i % 2 === 1;
          return (
            <ReferenceLine
              key={marker.index}
              yAxisId="money"
              x={labels[marker.index] ?? ''}
              stroke="var(--error)"
              strokeDasharray="5 3"
              strokeWidth={1.5}
              label={{
                value: marker.label,
                // In the right half the label reads leftwards from the line, so it stays inside the chart.
                position: marker.index > labels.length / 2 ? 'insideTopRight' : 'insideTopLeft',
                fill: 'var(--text)',
                fontSize: 12,
                fontWeight: 600,
                dy: stagger ? 4 : -20,
              }}
            />
          );
        })}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
