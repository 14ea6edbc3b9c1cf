import { CartesianGrid, Legend, XAxis, YAxis } from 'recharts';
import type { DisplayCurrencyCode } from '../domain/scenario-schema';
import { AXIS_STROKE, MONEY_AXIS_WIDTH, TICK_STYLE } from './chart-series';
import { formatMoneyTick } from '../format/format';

/** Margins of a money-over-labels chart, px. */
export const MONEY_CHART_MARGIN = { top: 8, right: 12, bottom: 4, left: 0 } as const;

export type MoneyAxisOptions = {
  /** The axis's bounds and round ticks, from `buildMoneyTicks`. */
  domain: [number, number];
  ticks: number[];
  /** Names the axis when the chart has two money axes. */
  yAxisId?: string;
  orientation?: 'left' | 'right';
  /** The currency the chart's values are in (already scaled by `scaleSeries`). */
  currency: DisplayCurrencyCode;
};

/**
 * A money axis with short ticks ($120K) in the theme's colours. Returned as a recharts element (not wrapped in
 * a component of ours) so that recharts finds it as a direct child of its chart.
 */
export function renderMoneyYAxis({ domain, ticks, yAxisId, orientation, currency }: MoneyAxisOptions) {
  return (
    <YAxis
      {...(yAxisId === undefined ? {} : { yAxisId })}
      {...(orientation === undefined ? {} : { orientation })}
      tickFormatter={(amount: number) => formatMoneyTick(amount, currency)}
      domain={domain}
      ticks={ticks}
      tick={TICK_STYLE}
      stroke={AXIS_STROKE}
      width={MONEY_AXIS_WIDTH}
    />
  );
}

/**
 * The horizontal grid, the label (month) axis and the left money axis shared by the money charts, as a fragment
 * of recharts elements.
 */
export function renderMoneyAxes(options: MoneyAxisOptions) {
  return (
    <>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="label" tick={TICK_STYLE} stroke={AXIS_STROKE} minTickGap={16} tickMargin={6} />
      {renderMoneyYAxis(options)}
    </>
  );
}

/** The legend under a money chart, its items in series order. */
export function renderMoneyLegend() {
  return <Legend wrapperStyle={{ paddingTop: 8 }} itemSorter={null} />;
}
