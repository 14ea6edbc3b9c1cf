import { useId } from 'react';

export type StrategyOption = { id: string; name: string };

export type StrategySelectProps = {
  label: string;
  strategies: readonly StrategyOption[];
  value: string;
  /** Marked "(cheapest)" in the list. */
  cheapestId?: string | null;
  onChange: (id: string) => void;
};

/** A labelled select of strategies by name. */
export function StrategySelect({ label, strategies, value, cheapestId, onChange }: StrategySelectProps) {
  const id = useId();
  return (
    <div className="field strategy-select">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {strategies.map((strategy) => (
          <option key={strategy.id} value={strategy.id}>
            {strategy.id === cheapestId ? `${strategy.name} (cheapest)` : strategy.name}
          </option>
        ))}
      </select>
    </div>
  );
}
