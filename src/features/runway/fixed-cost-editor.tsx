import { useId, useState } from 'react';
import { z } from 'zod';
import { fixedCostSchema } from '../../domain/scenario-schema';
import type { FixedCost } from '../../domain/scenario-schema';
import { formatMonth } from '../../format/format';
import { NumberField } from '../../ui/number-field';
import { TextField } from '../../ui/text-field';

const amountSchema = fixedCostSchema.shape.monthlyAmount;
/** Growth as the user types it (a percentage): the schema's range, with the message in the same unit. */
const growthPercentSchema = z.number().gt(-1, 'must be greater than −100 %');

export type FixedCostEditorProps = {
  cost: FixedCost;
  horizonMonths: number;
  startMonth: string | undefined;
  /** Platforms of the catalog, in catalog order. */
  platforms: readonly string[];
  /** The scenario's strategies, in order. */
  strategies: readonly { id: string; name: string }[];
  /** Applies a change to this fixed cost; returns a message when the scenario refuses it. */
  onChange: (cost: FixedCost) => string | null;
  onRemove: () => void;
};

/** The name people read: the cost's name, or its id when the name is empty. */
export function nameFixedCost(cost: FixedCost): string {
  return cost.name.trim() || cost.id;
}

/** One fixed cost's fields: name, platform, monthly amount, first and last month, growth, who pays it. */
export function FixedCostEditor({
  cost,
  horizonMonths,
  startMonth,
  platforms,
  strategies,
  onChange,
  onRemove,
}: FixedCostEditorProps) {
  const id = useId();
  const name = nameFixedCost(cost);
  const [error, setError] = useState<string | null>(null);

  const monthCount = Math.max(horizonMonths, cost.startMonth + 1, (cost.endMonth ?? 0) + 1);
  const months = Array.from({ length: monthCount }, (_, month) => month);
  const shownPlatforms = platforms.includes(cost.platform) ? platforms : [...platforms, cost.platform];
  const paidByEvery = cost.strategies === null;

  function apply(next: FixedCost, field: string) {
    const refusal = onChange(next);
    setError(refusal === null ? null : `${field} ${refusal}`);
  }

  function togglePayer(strategyId: string, checked: boolean) {
    const current = cost.strategies ?? strategies.map((s) => s.id);
    const next = checked ? [...current, strategyId] : current.filter((existing) => existing !== strategyId);
    apply(
      { ...cost, strategies: strategies.map((s) => s.id).filter((sid) => next.includes(sid)) },
      'Paid by',
    );
  }

  return (
    <fieldset className="pool-row fixed-cost-row" data-testid={`fixed-cost-${cost.id}`}>
      <legend className="pool-row__legend">{name}</legend>
      <div className="pool-row__fields fixed-cost-row__fields">
        <TextField label="Name" value={cost.name} onCommit={(value) => onChange({ ...cost, name: value })} />
        <div className="field">
          <label className="field__label" htmlFor={`${id}-platform`}>
            Platform
          </label>
          <select
            id={`${id}-platform`}
            value={cost.platform}
            onChange={(event) => apply({ ...cost, platform: event.target.value }, 'Platform')}
          >
            {shownPlatforms.map((platform) => (
              <option key={platform} value={platform}>
                {platform}
              </option>
            ))}
          </select>
        </div>
        <NumberField
          label="Monthly amount"
          unit="USD"
          money="amount"
          value={cost.monthlyAmount}
          schema={amountSchema}
          onCommit={(monthlyAmount) => onChange({ ...cost, monthlyAmount })}
        />
        <NumberField
          label="Monthly growth"
          percent
          value={cost.monthlyGrowth}
          schema={growthPercentSchema}
          onCommit={(monthlyGrowth) => onChange({ ...cost, monthlyGrowth })}
        />
        <div className="field">
          <label className="field__label" htmlFor={`${id}-start`}>
            First month
          </label>
          <select
            id={`${id}-start`}
            value={cost.startMonth}
            onChange={(event) => {
              const first = Number(event.target.value);
              // A first month after the last one moves the last month with it (a one-month cost), rather than refuse.
              const endMonth = cost.endMonth !== null && cost.endMonth <= first ? first + 1 : cost.endMonth;
              apply({ ...cost, startMonth: first, endMonth }, 'First month');
            }}
          >
            {months.map((month) => (
              <option key={month} value={month}>
                {formatMonth(month, startMonth)}
                {month >= horizonMonths ? ' (after the horizon)' : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-end`}>
            Last month
          </label>
          <select
            id={`${id}-end`}
            value={cost.endMonth === null ? 'none' : String(cost.endMonth - 1)}
            onChange={(event) => {
              const value = event.target.value;
              apply({ ...cost, endMonth: value === 'none' ? null : Number(value) + 1 }, 'Last month');
            }}
          >
            <option value="none">Runs to the end</option>
            {months.map((month) => (
              <option key={month} value={month} disabled={month < cost.startMonth}>
                {formatMonth(month, startMonth)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="pool-row__platforms fixed-cost-row__payers">
          <legend className="field__label">Paid by</legend>
          <div className="pool-row__checks">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={paidByEvery}
                onChange={(event) =>
                  apply(
                    { ...cost, strategies: event.target.checked ? null : strategies.map((s) => s.id) },
                    'Paid by',
                  )
                }
              />
              Every strategy
            </label>
            {!paidByEvery &&
              strategies.map((strategy) => (
                <label key={strategy.id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={cost.strategies?.includes(strategy.id) ?? true}
                    onChange={(event) => togglePayer(strategy.id, event.target.checked)}
                  />
                  {strategy.name.trim() || strategy.id}
                </label>
              ))}
          </div>
        </fieldset>
        <div className="pool-row__remove">
          <button type="button" className="button button--danger" onClick={onRemove}>
            Remove <span className="visually-hidden">{name}</span>
          </button>
        </div>
      </div>
      {error && (
        <p className="field__error pool-row__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
