import { z } from 'zod';
import { financeSchema } from '../../domain/scenario-schema';
import type { Finance, FinanceRangeField, ValueRange } from '../../domain/scenario-schema';
import { USD_DISPLAY, formatMoney } from '../../format/format';
import { RangeField } from '../../ui/range-field';

const moneySchema = financeSchema.shape.cashOnHand.unwrap();
/** Money fields are typed in USD, the scenario's unit, whatever currency figures are shown in. */
const formatUsd = (usd: number) => formatMoney(usd, USD_DISPLAY);
/** The scenario's growth rule (greater than −1), worded for a field typed in percent. */
const growthPercentSchema = z.number().gt(-1, 'must be greater than −100 %');

/** Cash on hand, other burn, revenue and its growth: what decides the runway besides AI spend. */
export function FinanceFields({
  finance,
  onChange,
  onRangeChange,
}: {
  finance: Finance;
  /** Sets the fields given, on the finance as the store holds it when the edit lands. */
  onChange: (patch: Partial<Omit<Finance, 'ranges'>>) => string | null;
  /** Gives a figure a low / high range around its value, or removes it with null. */
  onRangeChange: (field: FinanceRangeField, range: ValueRange | null) => string | null;
}) {
  const rangeOf = (field: FinanceRangeField) => ({
    range: finance.ranges?.[field] ?? null,
    onRangeCommit: (range: ValueRange | null) => onRangeChange(field, range),
  });
  return (
    <div className="finance-fields">
      <RangeField
        label="Cash on hand"
        unit="USD"
        value={finance.cashOnHand}
        schema={moneySchema}
        onCommit={(cashOnHand) => onChange({ cashOnHand })}
        hint="At the start of the first month"
        testId="finance-cash"
        formatValue={formatUsd}
        money="amount"
        {...rangeOf('cashOnHand')}
      />
      <RangeField
        label="Other monthly burn"
        unit="USD / month"
        value={finance.otherMonthlyBurn}
        schema={moneySchema}
        onCommit={(otherMonthlyBurn) => onChange({ otherMonthlyBurn })}
        hint="Payroll, rent, other cloud: everything but AI"
        testId="finance-burn"
        formatValue={formatUsd}
        money="amount"
        {...rangeOf('otherMonthlyBurn')}
      />
      <RangeField
        label="Monthly revenue"
        unit="USD / month"
        value={finance.monthlyRevenue}
        schema={moneySchema}
        onCommit={(monthlyRevenue) => onChange({ monthlyRevenue })}
        hint="In the first month"
        testId="finance-revenue"
        formatValue={formatUsd}
        money="amount"
        {...rangeOf('monthlyRevenue')}
      />
      <RangeField
        label="Revenue growth"
        percent
        value={finance.revenueGrowth}
        schema={growthPercentSchema}
        onCommit={(revenueGrowth) => onChange({ revenueGrowth })}
        hint="Per month, compounding"
        testId="finance-growth"
        {...rangeOf('revenueGrowth')}
      />
    </div>
  );
}
