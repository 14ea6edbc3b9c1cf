import { useState } from 'react';
import { useFiguresScenario, useFocusStrategy, useSimulation } from '../../state/figures';
import { usePlannerStore } from '../../state/scenario-store';
import { selectBrokenConstraints, selectCheapestStrategy } from '../../state/selectors';
import { StrategySelect } from '../../ui/strategy-select';
import { labelMonths } from './compare-series';
import type { Breakdown } from './compare-series';
import { SavingsSection } from './savings-section';
import { SpendBreakdownSection } from './spend-breakdown-section';
import { SpendByStrategySection } from './spend-by-strategy-section';
import { StrategyTotalsTable } from './strategy-totals-table';
import './compare.css';

const BREAKDOWNS: { id: Breakdown; label: string }[] = [
  { id: 'slice', label: 'By slice' },
  { id: 'model', label: 'By model' },
];

/**
 * Compare: every strategy's monthly spend, one strategy in detail (by slice or model, and what batch and
 * caching save), and the totals side by side.
 */
export function ComparePanel() {
  const scenario = useFiguresScenario();
  const result = useSimulation();
  const focus = useFocusStrategy();
  const setFocusStrategy = usePlannerStore((s) => s.setFocusStrategy);
  const [breakdown, setBreakdown] = useState<Breakdown>('slice');
  const cheapest = selectCheapestStrategy(scenario);
  const constraintsByStrategy = selectBrokenConstraints(scenario);
  const labels = labelMonths(scenario.horizonMonths, scenario.startMonth);

  if (!focus) {
    return (
      <div className="compare">
        <p>Add a strategy on the Strategies screen to compare what it costs.</p>
      </div>
    );
  }

  return (
    <div className="compare">
      <SpendByStrategySection
        result={result}
        cheapest={cheapest}
        broken={constraintsByStrategy}
        labels={labels}
      />

      <section className="compare-detail" aria-labelledby="compare-detail-title">
        <div className="section-head">
          <h2 id="compare-detail-title">One strategy in detail</h2>
          <div className="toolbar">
            <StrategySelect
              label="Strategy"
              strategies={result.strategies}
              value={focus.id}
              cheapestId={cheapest?.id ?? null}
              onChange={setFocusStrategy}
            />
            <div className="field">
              <span className="field__label" id="compare-breakdown-label">
                Split spend
              </span>
              <div className="segmented" role="group" aria-labelledby="compare-breakdown-label">
                {BREAKDOWNS.map((option) => (
                  <button
                    key={option.id}
                    type="button"
                    className="button"
                    aria-pressed={breakdown === option.id}
                    onClick={() => setBreakdown(option.id)}
                  >
                    {option.label}
                  </button>
                ))}
              </div>
            </div>
          </div>
        </div>
        <div className="compare-detail__grid">
          <SpendBreakdownSection scenario={scenario} strategy={focus} by={breakdown} labels={labels} />
          <SavingsSection strategy={focus} labels={labels} />
        </div>
      </section>

      <StrategyTotalsTable
        result={result}
        cheapestId={cheapest?.id ?? null}
        scenario={scenario}
        constraintsByStrategy={constraintsByStrategy}
      />
    </div>
  );
}
