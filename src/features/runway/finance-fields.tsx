import { z } from 'zod';
import { financeSchema } from '../../domain/scenario-schema';
import type { Finance } from '../../domain/scenario-schema';
import { NumberField } from '../../ui/number-field';

const moneySchema = financeSchema.shape.cashOnHand.unwrap();
/** The scenario's growth rule (greater than −1), worded for a field typed in percent. */
const growthPercentSchema = z.number().gt(-1, 'must be greater than −100 %');

/** Cash on hand, other burn, revenue and its growth: what decides the runway besides AI spend. */
export function FinanceFields({
  finance,
  onChange,
}: {
  finance: Finance;
  onChange: (finance: Finance) => string | null;
}) {
  return (
    <div className="finance-fields">
      <NumberField
        label="Cash on hand"
        unit="USD"
        value={finance.cashOnHand}
        schema={moneySchema}
        onCommit={(cashOnHand) => onChange({ ...finance, cashOnHand })}
        hint="At the start of the first month"
        testId="finance-cash"
      />
      <NumberField
        label="Other monthly burn"
        unit="USD / month"
        value={finance.otherMonthlyBurn}
        schema={moneySchema}
        onCommit={(otherMonthlyBurn) => onChange({ ...finance, otherMonthlyBurn })}
        hint="Payroll, rent, other cloud: everything but AI"
        testId="finance-burn"
      />
      <NumberField
        label="Monthly revenue"
        unit="USD / month"
        value={finance.monthlyRevenue}
        schema={moneySchema}
        onCommit={(monthlyRevenue) => onChange({ ...finance, monthlyRevenue })}
        hint="In the first month"
        testId="finance-revenue"
      />
      <NumberField
        label="Revenue growth"
        percent
        value={finance.revenueGrowth}
        schema={growthPercentSchema}
        onCommit={(revenueGrowth) => onChange({ ...finance, revenueGrowth })}
        hint="Per month, compounding"
        testId="finance-growth"
      />
    </div>
  );
}
