import type { TooltipContentProps } from 'recharts';
import type { DisplayCurrencyCode } from '../domain/scenario-schema';
import { formatAmountInFull } from '../format/format';
import { TooltipLines } from './tooltip-lines';

export type MoneyTooltipOptions = {
  /** Adds a total line (for stacked charts). */
  showTotal?: boolean;
  /** Lists entries from the largest value down. */
  sortByValue?: boolean;
  /** The currency the chart's values are in (already scaled by `scaleSeries`). */
  currency: DisplayCurrencyCode;
};

/**
 * A tooltip with each series' money through `formatAmountInFull` (in full: $1,452,318). Names are in the text colour with a colour swatch,
 * so they stay readable on both themes whatever the series colour.
 */
export function MoneyTooltip({
  active,
  payload,
  label,
  showTotal = false,
  sortByValue = false,
  currency,
}: TooltipContentProps & MoneyTooltipOptions) {
  if (!active || !payload || payload.length === 0) return null;
  const entries = payload.filter((entry) => typeof entry.value === 'number');
  if (sortByValue) entries.sort((a, b) => Number(b.value) - Number(a.value));
  const total = entries.reduce((sum, entry) => sum + Number(entry.value), 0);
  return (
    <div className="chart-tooltip">
      <TooltipLines
        label={label}
        lines={entries.map((entry) => ({
          name: String(entry.name),
          text: formatAmountInFull(Number(entry.value), currency),
          color: entry.color ?? 'var(--muted)',
        }))}
      />
      {showTotal && entries.length > 1 && (
        <p className="chart-tooltip__total">
          <span>Total</span>
          <span>{formatAmountInFull(total, currency)}</span>
        </p>
      )}
    </div>
  );
}
